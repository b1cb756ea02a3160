import type { GridApi } from 'ag-grid-community';
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import type { ListInput, ListQuery } from '../../../src-shared/api/orders.js';
import type { GridColumn } from '../../../src-shared/api/ui.js';
import type { OrderRow } from '../../../src-shared/domain/order.js';
import { BLOCK, pageInput, sortModelOf } from './order-grid-data.js';

/** Column changes the clerk made (not the grid applying remembered or default state). */
export function byClerk(source: string): boolean {
  return source.startsWith('ui') || source === 'autosizeColumns';
}

/** What decides a list's arrangement: equal keys arrange the grid the same way. */
function arrangementKey(remembered: GridColumn[] | undefined, shown: readonly string[]): string {
  return JSON.stringify([remembered ?? null, shown]);
}

/** The remembered arrangement of a list, then the columns the list needs to explain its rows. */
function arrange(grid: GridApi<OrderRow>, remembered: GridColumn[] | undefined, shown: readonly string[]): void {
  if (remembered?.length) grid.applyColumnState({ state: remembered, applyOrder: true });
  if (shown.length) grid.setColumnsVisible([...shown], true);
}

/**
 * The grid's columns as the clerk left them for each list (order, widths, hidden, sort),
 * applied when a list opens, with the columns the list needs shown; and what the clerk
 * changes, saved once a move or resize is finished.
 */
export function useGridColumns(options: {
  api: RefObject<GridApi<OrderRow> | null>;
  /** Shows the list now asked for from its first row (useOrderRows). */
  switchTo(grid: GridApi<OrderRow>, input: ListInput, reloading: boolean): void;
  query: ListQuery;
  listKey: string;
  remembered: GridColumn[] | undefined;
  shown: readonly string[];
  onColumnsChanged(columns: GridColumn[]): void;
}) {
  const { api, switchTo, query, listKey, remembered, shown, onColumnsChanged } = options;
  const latest = useRef({ remembered, shown, listKey });
  latest.current = { remembered, shown, listKey };
  // The list whose columns the grid shows. A tab chosen before the grid is ready is arranged
  // once it is, so the list arranged then is the one shown (not the list the grid opened on).
  const shownKey = useRef(listKey);
  // How the grid's columns stand: as arranged for a list, or as the clerk saved them since.
  const arrangedAs = useRef('');

  const onGridReady = useCallback((e: { api: GridApi<OrderRow> }) => {
    api.current = e.api;
    shownKey.current = latest.current.listKey;
    arrange(e.api, latest.current.remembered, latest.current.shown);
    arrangedAs.current = arrangementKey(latest.current.remembered, latest.current.shown);
  }, []);

  // Another list: its own columns and sort, from its first row (switchTo: a changed sort
  // reloads the rows by itself; otherwise they are swapped once the first block is here).
  useLayoutEffect(() => {
    const grid = api.current;
    if (!grid || shownKey.current === listKey) return;
    shownKey.current = listKey;
    const sortOf = () => JSON.stringify(grid.getColumnState().map((c) => [c.colId, c.sort, c.sortIndex]));
    const before = sortOf();
    // A list arranged as the one shown keeps the columns as they are: resetting them makes the
    // grid draw every header and cell again (30 of about 230 ms of a tab switch, measured in
    // headless Chromium on a million orders).
    const wanted = arrangementKey(latest.current.remembered, latest.current.shown);
    if (wanted !== arrangedAs.current) {
      grid.resetColumnState();
      arrange(grid, latest.current.remembered, latest.current.shown);
      arrangedAs.current = wanted;
    }
    switchTo(grid, pageInput(query, 0, BLOCK, sortModelOf(grid)), sortOf() !== before);
    // The cursor starts again on the first row (focus follows once the rows are in).
    grid.clearFocusedCell();
  }, [listKey]);

  /** Saves what the clerk arranged. */
  const save = useCallback(() => {
    const state = api.current?.getColumnState();
    if (!state) return;
    const columns = state.map((c) => ({
      colId: c.colId,
      width: c.width ? Math.round(c.width) : undefined,
      flex: c.flex ?? null,
      hide: c.hide ?? undefined,
      sort: c.sort === 'asc' || c.sort === 'desc' ? c.sort : null,
      sortIndex: c.sortIndex ?? null,
    }));
    // The grid now stands as this list's remembered arrangement will.
    arrangedAs.current = arrangementKey(columns, latest.current.shown);
    onColumnsChanged(columns);
  }, [onColumnsChanged]);

  return { onGridReady, save };
}
