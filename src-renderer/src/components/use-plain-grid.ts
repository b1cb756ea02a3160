import { createGrid, type GridApi, type GridOptions } from 'ag-grid-community';
import { useEffect, useLayoutEffect, useRef } from 'react';

/** The options whose change after the grid is made is passed on to it (the rest are read once). */
const LIVE = ['columnDefs', 'context', 'localeText'] as const;

/**
 * AG Grid as its own DOM, without its React layer (ag-grid-react renders every row and cell
 * as React components). Scrolling brings in new rows every frame, and with the React layer
 * the JavaScript that drew them took most of a frame (README: *The grids are AG Grid's own DOM*).
 * The grid is made once when the returned element mounts; handlers (`on…`) always call the
 * latest given; the live options are set again when they change.
 */
export function usePlainGrid<T>(options: GridOptions<T>) {
  const host = useRef<HTMLDivElement>(null);
  const grid = useRef<GridApi<T> | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const applied = useRef<Partial<GridOptions<T>>>({});

  useLayoutEffect(() => {
    const made = { ...latest.current } as Record<string, unknown>;
    for (const key of Object.keys(made)) {
      if (/^on[A-Z]/.test(key) && typeof made[key] === 'function')
        made[key] = (event: unknown) => (latest.current as Record<string, (e: unknown) => void>)[key]?.(event);
    }
    for (const key of LIVE) applied.current[key] = latest.current[key] as never;
    const api = createGrid(host.current!, made as GridOptions<T>);
    grid.current = api;
    return () => {
      grid.current = null;
      api.destroy();
    };
  }, []);

  useEffect(() => {
    const api = grid.current;
    if (!api) return;
    const changed: Partial<GridOptions<T>> = {};
    for (const key of LIVE) if (options[key] !== applied.current[key]) changed[key] = options[key] as never;
    if (Object.keys(changed).length === 0) return;
    Object.assign(applied.current, changed);
    api.updateGridOptions(changed);
  });

  return host;
}
