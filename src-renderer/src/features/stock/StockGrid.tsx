import { AG_GRID_LOCALE_JP } from '@ag-grid-community/locale';
import {
  AllCommunityModule,
  ModuleRegistry,
  type ColDef,
  type GridApi,
  type IDatasource,
  type ValueFormatterParams,
} from 'ag-grid-community';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import {
  STOCK_SORT_COLUMNS,
  type StockListQuery,
  type StockRow,
  type StockSortColumn,
} from '../../../../src-shared/api/stock.js';
import { invoke } from '../../api/client.js';
import { usePlainGrid } from '../../components/use-plain-grid.js';
import { formatJst } from '../../format.js';

export interface StockGridHandle {
  refresh(): void;
  focusFirstRow(): void;
}

interface Props {
  query: StockListQuery;
  /** Head office: the 店舗 column is shown. */
  showStore: boolean;
  storeNames: ReadonlyMap<string, string>;
  onRowChosen(row: StockRow): void;
  onTotal(total: number): void;
  onError(message: string): void;
}

ModuleRegistry.registerModules([AllCommunityModule]);

const BLOCK = 100;
const count = (p: ValueFormatterParams<StockRow, number>) =>
  typeof p.value === 'number' ? p.value.toLocaleString('ja-JP') : '';

function isSortColumn(id: string): id is StockSortColumn {
  return (STOCK_SORT_COLUMNS as readonly string[]).includes(id);
}

/**
 * 在庫一覧's grid: the order list's look and its infinite row model (blocks of 100 from
 * stock:list), so 300,000 rows cost what one screen costs. A row is chosen by click or
 * Enter; its ledger and adjustment open beside the list.
 */
export const StockGrid = forwardRef<StockGridHandle, Props>(function StockGrid(
  { query, showStore, storeNames, onRowChosen, onTotal, onError },
  ref,
) {
  const api = useRef<GridApi<StockRow> | null>(null);
  const queryRef = useRef(query);
  queryRef.current = query;
  const callbacks = useRef({ onTotal, onError });
  callbacks.current = { onTotal, onError };

  useImperativeHandle(ref, () => ({
    refresh: () => api.current?.refreshInfiniteCache(),
    focusFirstRow: () => {
      const first = api.current?.getDisplayedRowAtIndex(0);
      if (first) api.current?.setFocusedCell(0, 'sku');
    },
  }));

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const asked = JSON.stringify(queryRef.current);
        const first = params.sortModel[0];
        invoke('stock:list', {
          ...queryRef.current,
          offset: params.startRow,
          limit: params.endRow - params.startRow,
          sort: first && isSortColumn(first.colId) ? { column: first.colId, direction: first.sort } : undefined,
        }).then(
          (page) => {
            if (asked !== JSON.stringify(queryRef.current)) return;
            params.successCallback(page.rows, page.total);
            callbacks.current.onTotal(page.total);
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

  const listKey = JSON.stringify(query);
  useEffect(() => {
    api.current?.purgeInfiniteCache();
    api.current?.ensureIndexVisible(0, 'top');
  }, [listKey]);

  const columns = useMemo<ColDef<StockRow>[]>(
    () => [
      {
        colId: 'storeId',
        field: 'storeId',
        headerName: '店舗',
        initialWidth: 130,
        hide: !showStore,
        valueFormatter: (p: ValueFormatterParams<StockRow, string>) =>
          p.value ? (storeNames.get(p.value) ?? p.value) : '',
      },
      { colId: 'sku', field: 'sku', headerName: '商品コード', initialWidth: 150 },
      { colId: 'jan', field: 'jan', headerName: 'JAN', initialWidth: 130 },
      { colId: 'title', field: 'title', headerName: '商品名', initialWidth: 260 },
      { colId: 'location', field: 'location', headerName: '棚番', initialWidth: 100 },
      {
        colId: 'onHand',
        field: 'onHand',
        headerName: '在庫数',
        initialWidth: 90,
        type: 'rightAligned',
        valueFormatter: count,
      },
      {
        colId: 'reserved',
        field: 'reserved',
        headerName: '引当数',
        initialWidth: 90,
        type: 'rightAligned',
        valueFormatter: count,
      },
      {
        colId: 'available',
        field: 'available',
        headerName: '有効在庫',
        initialWidth: 90,
        type: 'rightAligned',
        valueFormatter: count,
      },
      {
        colId: 'updatedAt',
        field: 'updatedAt',
        headerName: '最終更新',
        initialWidth: 150,
        valueFormatter: (p: ValueFormatterParams<StockRow, string | null>) => (p.value ? formatJst(p.value) : ''),
      },
    ],
    [showStore, storeNames],
  );

  const host = usePlainGrid<StockRow>({
    localeText: AG_GRID_LOCALE_JP,
    rowModelType: 'infinite',
    datasource,
    cacheBlockSize: BLOCK,
    maxBlocksInCache: 50,
    getRowId: (p) => `${p.data.storeId}\u0000${p.data.sku}`,
    columnDefs: columns,
    defaultColDef: { resizable: true, sortable: true },
    rowHeight: 30,
    headerHeight: 32,
    onGridReady: (e) => (api.current = e.api),
    onRowClicked: (e) => e.data && onRowChosen(e.data),
    onCellKeyDown: (e) => {
      const key = (e.event as KeyboardEvent | null)?.key;
      if (key === 'Enter' && e.data) onRowChosen(e.data);
    },
  });

  return (
    <div className="grid-wrap stock-grid" aria-label="在庫一覧の表">
      <div ref={host} className="plain-grid" />
    </div>
  );
});
