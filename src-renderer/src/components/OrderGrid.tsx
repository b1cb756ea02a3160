import { AG_GRID_LOCALE_JP } from '@ag-grid-community/locale';
import {
  AllCommunityModule,
  ModuleRegistry,
  type ColDef,
  type GridApi,
  type IDatasource,
  type ValueFormatterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Masters } from '../../../src-shared/api/app.js';
import type { ListInput, ListQuery, OrderPage, SortColumn } from '../../../src-shared/api/orders.js';
import { SORTABLE_COLUMNS } from '../../../src-shared/api/orders.js';
import type { GridColumn } from '../../../src-shared/api/ui.js';
import { CHANNEL_LABELS, type Channel } from '../../../src-shared/domain/channels.js';
import { formatYen } from '../../../src-shared/domain/money.js';
import type { OrderRow } from '../../../src-shared/domain/order.js';
import { invoke } from '../api/client.js';
import { formatJst } from '../format.js';
import { markUnsafeChars } from '../../../src-shared/text/unsafe-chars.js';
import { SelectCell, type SelectionContext } from './SelectCell.js';
import { SubStatusCell, type SubStatusCellParams } from './SubStatusCell.js';

ModuleRegistry.registerModules([AllCommunityModule]);

/** Stored text as the grid shows it: a control character or a bidi override as a visible mark. */
const shownText = (p: ValueFormatterParams<OrderRow, string>) => (p.value ? markUnsafeChars(p.value) : '');

export interface OrderGridHandle {
  refresh(): void;
  /** The order under the cursor (focused row), for F12 and E6. */
  cursorOrderId(): number | null;
}

interface Props {
  query: ListQuery;
  /** Changes when another list is shown: the grid starts again from its first row, with that list's columns. */
  listKey: string;
  /** Column order, widths and sort as remembered for this list, applied once it opens. */
  columns: GridColumn[] | undefined;
  onColumnsChanged(columns: GridColumn[]): void;
  masters: Masters;
  selection: ReadonlySet<number>;
  onToggle(id: number): void;
  onOpen(id: number): void;
  onTotal(total: number): void;
  onError(message: string): void;
  /** Names the grid's panel: the tab it shows, if it shows one. */
  labelledBy: string | undefined;
}

const BLOCK = 100;

/** Column changes the clerk made (not the grid applying remembered or default state). */
function byClerk(source: string): boolean {
  return source.startsWith('ui');
}

function isSortable(colId: string): colId is SortColumn {
  return (SORTABLE_COLUMNS as readonly string[]).includes(colId);
}

/** What one block asks of orders:list: the list, the rows, and the grid's first sort key. */
function pageInput(
  asked: ListQuery,
  startRow: number,
  endRow: number,
  sortModel: readonly { colId: string; sort: 'asc' | 'desc' }[],
): ListInput {
  const first = sortModel[0];
  const column = first && isSortable(first.colId) ? first.colId : undefined;
  return {
    ...asked,
    offset: startRow,
    limit: endRow - startRow,
    sort: column ? { column, direction: first!.sort } : undefined,
  };
}

/** The grid's sort model as its column state says (what getRows will be given). */
function sortModelOf(grid: GridApi<OrderRow>): { colId: string; sort: 'asc' | 'desc' }[] {
  return grid
    .getColumnState()
    .filter((c) => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }));
}

/**
 * The order list grid (S1): rows come in blocks of 100 from the main process (infinite row
 * model), so a tab of 100,000 orders costs what one screen costs. Selection is a set of ids
 * kept outside the grid, so 全選択 does not need the rows loaded.
 */
export const OrderGrid = forwardRef<OrderGridHandle, Props>(function OrderGrid(
  {
    query,
    listKey,
    columns: remembered,
    onColumnsChanged,
    masters,
    selection,
    onToggle,
    onOpen,
    onTotal,
    onError,
    labelledBy,
  },
  ref,
) {
  const api = useRef<GridApi<OrderRow> | null>(null);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const toggleRef = useRef(onToggle);
  toggleRef.current = onToggle;
  // Read by the selection cells at each draw (SelectCell.ts): one object for the grid's life.
  const selectionContext = useMemo<SelectionContext>(
    () => ({ selection: selectionRef, toggle: (id) => toggleRef.current(id) }),
    [],
  );
  useEffect(() => {
    api.current?.refreshCells({ columns: ['select'], force: true });
  }, [selection]);

  // A switched-to list's first block, asked for as the switch begins: AG Grid asks its
  // datasource only after it has drawn the empty rows (40–60 ms later), by when it is here.
  const early = useRef<{ input: string; page: Promise<OrderPage> } | null>(null);
  useImperativeHandle(ref, () => ({
    refresh: () => {
      // A refresh wants the rows as they are now, not an answer asked for before the change.
      early.current = null;
      api.current?.refreshInfiniteCache();
    },
    cursorOrderId: () => {
      const cell = api.current?.getFocusedCell();
      if (!cell || !api.current) return null;
      return api.current.getDisplayedRowAtIndex(cell.rowIndex)?.data?.id ?? null;
    },
  }));

  // One datasource for the grid's life, reading the list from refs: switching lists is a
  // cache purge, not a new grid (remounting AG Grid costs more than the rows).
  const listRef = useRef({ query, listKey });
  listRef.current = { query, listKey };
  // The list whose rows are on screen: until the asked list's first answer, the panel is busy.
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const callbacks = useRef({ onTotal, onError, setLoadedKey });
  callbacks.current = { onTotal, onError, setLoadedKey };
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const { query: asked, listKey: key } = listRef.current;
        const input = pageInput(asked, params.startRow, params.endRow, params.sortModel);
        const asking = JSON.stringify(input);
        const prefetched = early.current?.input === asking ? early.current.page : null;
        early.current = null;
        (prefetched ?? invoke('orders:list', input)).then(
          (page) => {
            // An answer for the list shown before is dropped (its blocks are gone anyway).
            if (key !== listRef.current.listKey) return;
            params.successCallback(page.rows, page.total);
            callbacks.current.onTotal(page.total);
            callbacks.current.setLoadedKey(key);
          },
          (err: Error) => {
            params.failCallback();
            callbacks.current.onError(err.message);
          },
        );
      },
    }),
    [],
  );

  const stores = useMemo(() => new Map(masters.stores.map((s) => [s.id, s.name])), [masters]);
  const payments = useMemo(() => new Map(masters.paymentMethods.map((p) => [p.code, p.name])), [masters]);
  const subs = useMemo(() => new Map(masters.subStatuses.map((s) => [s.id, s])), [masters]);

  const columns = useMemo<ColDef<OrderRow>[]>(
    () => [
      {
        colId: 'select',
        headerName: '選択',
        initialWidth: 64,
        sortable: false,
        cellRenderer: SelectCell,
      },
      { colId: 'orderNo', field: 'orderNo', headerName: '注文番号', initialWidth: 210, valueFormatter: shownText },
      {
        colId: 'orderedAt',
        field: 'orderedAt',
        headerName: '注文日時',
        initialWidth: 150,
        valueFormatter: (p: ValueFormatterParams<OrderRow, string>) => (p.value ? formatJst(p.value) : ''),
      },
      {
        colId: 'channel',
        field: 'channel',
        headerName: 'チャネル',
        initialWidth: 150,
        sortable: false,
        valueFormatter: (p: ValueFormatterParams<OrderRow, Channel>) => (p.value ? CHANNEL_LABELS[p.value] : ''),
      },
      {
        colId: 'buyerName',
        field: 'buyerName',
        headerName: '購入者',
        initialWidth: 140,
        sortable: false,
        valueFormatter: shownText,
      },
      {
        colId: 'total',
        field: 'total',
        headerName: '合計金額',
        initialWidth: 110,
        type: 'rightAligned',
        valueFormatter: (p: ValueFormatterParams<OrderRow, number>) =>
          typeof p.value === 'number' ? formatYen(p.value) : '',
      },
      {
        colId: 'paymentMethod',
        field: 'paymentMethod',
        headerName: '決済方法',
        initialWidth: 150,
        sortable: false,
        valueFormatter: (p: ValueFormatterParams<OrderRow, string>) =>
          p.value ? (payments.get(p.value) ?? p.value) : '',
      },
      {
        colId: 'subStatus',
        field: 'subStatusId',
        headerName: 'サブステータス',
        initialWidth: 150,
        sortable: false,
        cellRenderer: SubStatusCell,
        cellRendererParams: { subs } satisfies SubStatusCellParams,
      },
      {
        colId: 'store',
        field: 'storeId',
        headerName: '出荷店舗',
        initialWidth: 150,
        sortable: false,
        valueFormatter: (p: ValueFormatterParams<OrderRow, string | null>) =>
          p.value ? (stores.get(p.value) ?? p.value) : '未指定',
      },
    ],
    [payments, stores, subs],
  );

  const rememberedRef = useRef(remembered);
  rememberedRef.current = remembered;
  const onGridReady = useCallback((e: { api: GridApi<OrderRow> }) => {
    api.current = e.api;
    const state = rememberedRef.current;
    if (state?.length) e.api.applyColumnState({ state, applyOrder: true });
  }, []);

  // Another list: its own columns and sort, from its first row. A changed sort reloads the
  // rows by itself; otherwise the cache is purged here.
  const shownKey = useRef(listKey);
  useLayoutEffect(() => {
    const grid = api.current;
    if (!grid || shownKey.current === listKey) return;
    shownKey.current = listKey;
    const sortOf = () => JSON.stringify(grid.getColumnState().map((c) => [c.colId, c.sort, c.sortIndex]));
    const before = sortOf();
    grid.resetColumnState();
    const state = rememberedRef.current;
    if (state?.length) grid.applyColumnState({ state, applyOrder: true });
    const input = pageInput(query, 0, BLOCK, sortModelOf(grid));
    early.current = { input: JSON.stringify(input), page: invoke('orders:list', input) };
    // An unused early answer that failed is not an error anyone waits for.
    early.current.page.catch(() => undefined);
    if (sortOf() === before) grid.purgeInfiniteCache();
    grid.ensureIndexVisible(0, 'top');
  }, [listKey]);

  /** Saves what the clerk arranged, once a move or resize is finished. */
  const saveColumns = useCallback(() => {
    const state = api.current?.getColumnState();
    if (!state) return;
    onColumnsChanged(
      state.map((c) => ({
        colId: c.colId,
        width: c.width ? Math.round(c.width) : undefined,
        hide: c.hide ?? undefined,
        sort: c.sort === 'asc' || c.sort === 'desc' ? c.sort : null,
        sortIndex: c.sortIndex ?? null,
      })),
    );
  }, [onColumnsChanged]);

  return (
    <div
      className="grid-wrap"
      id="order-panel"
      role="tabpanel"
      aria-busy={loadedKey !== listKey}
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : '一覧'}
    >
      <AgGridReact<OrderRow>
        localeText={AG_GRID_LOCALE_JP}
        context={selectionContext}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK}
        maxBlocksInCache={50}
        getRowId={(p) => String(p.data.id)}
        columnDefs={columns}
        defaultColDef={{ resizable: true, sortable: true }}
        rowHeight={30}
        headerHeight={32}
        onGridReady={onGridReady}
        onRowDoubleClicked={(e) => e.data && onOpen(e.data.id)}
        onColumnMoved={(e) => e.finished && byClerk(e.source) && saveColumns()}
        onColumnResized={(e) => e.finished && byClerk(e.source) && saveColumns()}
        onSortChanged={(e) => byClerk(e.source) && saveColumns()}
      />
    </div>
  );
});
