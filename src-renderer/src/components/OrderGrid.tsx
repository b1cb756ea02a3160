import { AG_GRID_LOCALE_JP } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, type GridApi } from 'ag-grid-community';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import type { Masters } from '../../../src-shared/api/app.js';
import type { ReminderDays } from '../../../src-shared/api/mail.js';
import type { ListQuery } from '../../../src-shared/api/orders.js';
import type { GridColumn } from '../../../src-shared/api/ui.js';
import type { OrderRow } from '../../../src-shared/domain/order.js';
import { useGridKeyboard } from './grid-keys.js';
import { orderColumns } from './order-columns.js';
import { byClerk, useGridColumns } from './order-grid-columns.js';
import { BLOCK, useOrderRows } from './order-grid-data.js';
import { usePlainGrid } from './use-plain-grid.js';
import type { SelectionContext } from './SelectCell.js';

ModuleRegistry.registerModules([AllCommunityModule]);

export interface OrderGridHandle {
  refresh(): void;
  /** The order under the cursor (focused row), for F12 and E6. */
  cursorOrderId(): number | null;
  /** Puts the keyboard focus on the cursor row (the first row if there is none). */
  focusCursorRow(): void;
  /** Shows or hides an optional column for this list, remembered as the clerk's own arrangement. */
  setColumnVisible(colId: string, visible: boolean): void;
  visibleColumns(): string[];
}

interface Props {
  query: ListQuery;
  /** Changes when another list is shown: the grid starts again from its first row, with that list's columns. */
  listKey: string;
  /** Column order, widths and sort as remembered for this list, applied once it opens. */
  columns: GridColumn[] | undefined;
  /** Optional columns this list needs to explain its rows (shown whatever was remembered). */
  shown: readonly string[];
  onColumnsChanged(columns: GridColumn[]): void;
  masters: Masters;
  reminderDays: ReminderDays | null;
  selection: ReadonlySet<number>;
  onToggle(id: number): void;
  onCheck(ids: number[]): void;
  onOpen(id: number): void;
  onTotal(total: number): void;
  onError(message: string): void;
  /** Names the grid's panel: the tab it shows, if it shows one. */
  labelledBy: string | undefined;
}

/**
 * The order list grid (S1): rows come in blocks of 100 from the main process (infinite row
 * model), so a tab of 100,000 orders costs what one screen costs. Selection is a set of ids
 * kept outside the grid, so 全選択 does not need the rows loaded.
 */
export const OrderGrid = forwardRef<OrderGridHandle, Props>(function OrderGrid(props, ref) {
  const { query, listKey, selection, onToggle, masters, reminderDays } = props;
  const api = useRef<GridApi<OrderRow> | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const rows = useOrderRows(query, listKey, props.onTotal, props.onError);
  const columnState = useGridColumns({ ...props, remembered: props.columns, api, switchTo: rows.switchTo });
  const keyboard = useGridKeyboard(api, wrap, { toggle: onToggle, check: props.onCheck, open: props.onOpen });

  // Read by the selection cells at each draw (SelectCell.ts): one object for the grid's life.
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const toggleRef = useRef(onToggle);
  toggleRef.current = onToggle;
  const selectionContext = useMemo<SelectionContext>(
    () => ({ selection: selectionRef, toggle: (id) => toggleRef.current(id) }),
    [],
  );
  useEffect(() => {
    api.current?.refreshCells({ columns: ['select'], force: true });
  }, [selection]);

  useImperativeHandle(ref, () => ({
    refresh: () => {
      // A refresh wants the rows as they are now, not an answer asked for before the change.
      rows.early.current = null;
      api.current?.refreshInfiniteCache();
    },
    cursorOrderId: () => {
      const cell = api.current?.getFocusedCell();
      return cell ? (api.current?.getDisplayedRowAtIndex(cell.rowIndex)?.data?.id ?? null) : null;
    },
    focusCursorRow: keyboard.focusCursorRow,
    setColumnVisible: (colId, visible) => {
      api.current?.setColumnsVisible([colId], visible);
      columnState.save();
    },
    visibleColumns: () => (api.current?.getAllDisplayedColumns() ?? []).map((c) => c.getColId()),
  }));

  const columns = useMemo(() => orderColumns(masters, reminderDays), [masters, reminderDays]);
  const host = usePlainGrid<OrderRow>({
    localeText: AG_GRID_LOCALE_JP,
    context: selectionContext,
    rowModelType: 'infinite',
    datasource: rows.datasource,
    cacheBlockSize: BLOCK,
    maxBlocksInCache: 50,
    getRowId: (p) => String(p.data.id),
    columnDefs: columns,
    defaultColDef: { resizable: true, sortable: true },
    rowHeight: 30,
    // A list showing other columns than the last (F5's search list shows three the tabs hide)
    // puts them in place at once: AG Grid's easing of every cell aside over 0.2 s cost about
    // 100 ms of style work before the new rows' first paint (README: *Lists switch without
    // animation*).
    suppressColumnMoveAnimation: true,
    headerHeight: 32,
    onGridReady: columnState.onGridReady,
    onModelUpdated: keyboard.onModelUpdated,
    onRowDoubleClicked: (e) => e.data && props.onOpen(e.data.id),
    onColumnMoved: (e) => e.finished && byClerk(e.source) && columnState.save(),
    onColumnResized: (e) => e.finished && byClerk(e.source) && columnState.save(),
    onSortChanged: (e) => byClerk(e.source) && columnState.save(),
  });
  return (
    <div
      ref={wrap}
      className="grid-wrap"
      tabIndex={-1}
      onKeyDownCapture={keyboard.onKeyDownCapture}
      onKeyDown={keyboard.onKeyDown}
      id="order-panel"
      role="tabpanel"
      aria-busy={rows.loadedKey !== listKey}
      aria-labelledby={props.labelledBy}
      aria-label={props.labelledBy ? undefined : '一覧'}
    >
      <div ref={host} className="plain-grid" />
    </div>
  );
});
