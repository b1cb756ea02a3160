import { useEffect, useRef, type RefObject } from 'react';
import type { OrderGridHandle } from './components/OrderGrid.js';
import { keepFocus, setFocusHome } from './components/layers.js';

/**
 * Focus lost with no dialog open goes to the grid's cursor row, or to the empty-list panel
 * (see components/layers.ts); returns the ref that panel takes.
 */
export function useFocusHome(grid: RefObject<OrderGridHandle | null>, empty: boolean) {
  const emptyRef = useRef<HTMLElement>(null);
  useEffect(
    () =>
      setFocusHome(() => {
        if (grid.current) grid.current.focusCursorRow();
        else emptyRef.current?.focus();
      }),
    [grid],
  );
  useEffect(() => {
    if (empty) keepFocus();
  }, [empty]);
  return emptyRef;
}
