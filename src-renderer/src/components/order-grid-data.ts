import type { GridApi, IDatasource } from 'ag-grid-community';
import { useMemo, useRef, useState, type RefObject } from 'react';
import type { ListInput, ListQuery, OrderPage, SortColumn } from '../../../src-shared/api/orders.js';
import { SORTABLE_COLUMNS } from '../../../src-shared/api/orders.js';
import type { OrderRow } from '../../../src-shared/domain/order.js';
import { invoke } from '../api/client.js';

export const BLOCK = 100;

type SortModel = readonly { colId: string; sort: 'asc' | 'desc' }[];

function isSortable(colId: string): colId is SortColumn {
  return (SORTABLE_COLUMNS as readonly string[]).includes(colId);
}

/** What one block asks of orders:list: the list, the rows, and the grid's first sort key. */
export function pageInput(asked: ListQuery, startRow: number, endRow: number, sortModel: SortModel): ListInput {
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
export function sortModelOf(grid: GridApi<OrderRow>): { colId: string; sort: 'asc' | 'desc' }[] {
  return grid
    .getColumnState()
    .filter((c) => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }));
}

export interface EarlyPage {
  input: string;
  page: Promise<OrderPage>;
}

/**
 * The grid's rows: one datasource for the grid's life, reading the list from refs (switching
 * lists is a cache purge, not a new grid: remounting AG Grid costs more than the rows).
 * `early` holds a switched-to list's first block, asked for as the switch begins: AG Grid
 * asks only after drawing the empty rows (40–60 ms later), by when it is here.
 * `loadedKey` is the list whose rows are on screen (the panel is busy until it is the asked one).
 */
export function useOrderRows(
  query: ListQuery,
  listKey: string,
  onTotal: (total: number) => void,
  onError: (message: string) => void,
) {
  const early: RefObject<EarlyPage | null> = useRef<EarlyPage | null>(null);
  const listRef = useRef({ query, listKey });
  listRef.current = { query, listKey };
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const callbacks = useRef({ onTotal, onError });
  callbacks.current = { onTotal, onError };
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
            // An answer for the list shown before is not shown: its blocks are gone. It is still
            // answered, as a failure the grid ignores for a gone block, because the grid counts
            // a block as loading until it is answered and loads at most two at a time: two
            // unanswered blocks would leave every later list empty and busy.
            if (key !== listRef.current.listKey) {
              params.failCallback();
              return;
            }
            params.successCallback(page.rows, page.total);
            callbacks.current.onTotal(page.total);
            setLoadedKey(key);
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
  return { datasource, early, loadedKey };
}
