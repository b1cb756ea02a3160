import type { GridApi } from 'ag-grid-community';
import { useRef, type KeyboardEvent, type RefObject } from 'react';
import type { OrderRow } from '../../../src-shared/domain/order.js';
import { focusLost, layerOpen } from './layers.js';

interface GridKeyActions {
  /** Checks the order or takes its check off (Space). */
  toggle(id: number): void;
  /** Checks these orders (Shift+↑/↓ extends the checked rows). */
  check(ids: number[]): void;
  /** Opens 注文詳細 (Enter). */
  open(id: number): void;
}

/** The focused row's position and order, if focus is on a row's cell. */
function focusedRow(grid: GridApi<OrderRow>) {
  const cell = grid.getFocusedCell();
  if (!cell) return null;
  const data = grid.getDisplayedRowAtIndex(cell.rowIndex)?.data;
  return data ? { index: cell.rowIndex, column: cell.column, id: data.id } : null;
}

/** Puts the grid's focus on a row (scrolled into view), keeping the column it was on. */
function focusRow(grid: GridApi<OrderRow>, index: number): void {
  const count = grid.getDisplayedRowCount();
  if (count === 0) return;
  const row = Math.max(0, Math.min(index, count - 1));
  const column = grid.getFocusedCell()?.column ?? grid.getAllDisplayedColumns()[1] ?? grid.getAllDisplayedColumns()[0];
  if (!column) return;
  grid.ensureIndexVisible(row);
  grid.setFocusedCell(row, column);
}

/**
 * The list's keys on a focused row, before AG Grid sees them: Space checks or unchecks the
 * row, Shift+↑/↓ moves and checks the row moved to (and the one left), Enter opens F12.
 */
function onGridKeyDown(grid: GridApi<OrderRow> | null, e: KeyboardEvent<HTMLElement>, actions: GridKeyActions): void {
  if (!grid || !(e.target instanceof Element) || !e.target.closest('.ag-cell')) return;
  const row = focusedRow(grid);
  if (!row) return;
  const handled = () => {
    e.preventDefault();
    e.stopPropagation();
  };
  if (e.key === ' ' && !e.ctrlKey && !e.altKey) {
    handled();
    actions.toggle(row.id);
  } else if (e.key === 'Enter' && !e.ctrlKey && !e.altKey && !e.shiftKey) {
    handled();
    actions.open(row.id);
  } else if (e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    handled();
    const next = row.index + (e.key === 'ArrowDown' ? 1 : -1);
    const nextId = grid.getDisplayedRowAtIndex(next)?.data?.id;
    if (nextId === undefined) return;
    actions.check([row.id, nextId]);
    grid.ensureIndexVisible(next);
    grid.setFocusedCell(next, row.column);
  }
}

/**
 * The grid's side of the keyboard: the row keys above; the cursor row as the screen's home
 * for the focus (components/layers.ts); a list left empty keeps the focus on its panel, and
 * rows that arrive while the focus was nowhere, or on the empty panel, take it.
 */
export function useGridKeyboard(
  api: RefObject<GridApi<OrderRow> | null>,
  wrap: RefObject<HTMLDivElement | null>,
  actions: GridKeyActions,
) {
  const latest = useRef(actions);
  latest.current = actions;
  return {
    focusCursorRow() {
      const grid = api.current;
      if (grid && grid.getDisplayedRowCount() > 0) focusRow(grid, grid.getFocusedCell()?.rowIndex ?? 0);
      else wrap.current?.focus();
    },
    onKeyDownCapture: (e: KeyboardEvent<HTMLDivElement>) => onGridKeyDown(api.current, e, latest.current),
    onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
      // The panel has the focus only while the list was empty: the arrows enter the rows.
      if (e.target === wrap.current && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && api.current) {
        e.preventDefault();
        focusRow(api.current, 0);
      }
    },
    onModelUpdated(e: { api: GridApi<OrderRow> }) {
      if (layerOpen()) return;
      const rows = e.api.getDisplayedRowCount();
      const active = document.activeElement;
      if (rows === 0 && active !== wrap.current && wrap.current?.contains(active)) wrap.current.focus();
      else if (rows > 0 && (focusLost() || active === wrap.current)) focusRow(e.api, 0);
    },
  };
}
