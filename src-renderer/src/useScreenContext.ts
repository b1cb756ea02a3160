import { useMemo, type ReactNode, type RefObject } from 'react';
import type { OrderGridHandle } from './components/OrderGrid.js';
import type { ScreenContext } from './screen/screen-context.js';
import type { useOrderList } from './state/useOrderList.js';

/** What the list screen hands to every key action and dialog (null until the masters are loaded). */
export function useScreenContext(
  list: ReturnType<typeof useOrderList>,
  grid: RefObject<OrderGridHandle | null>,
  notify: ScreenContext['notify'],
  setDialog: (dialog: ReactNode) => void,
): ScreenContext | null {
  return useMemo<ScreenContext | null>(
    () =>
      list.masters
        ? {
            tab: list.tab,
            masters: list.masters,
            list: list.query,
            view: list.view,
            listTotal: list.listTotal,
            showList: list.showList,
            selection: list.selection,
            setSelection: list.setSelection,
            cursorOrderId: () => grid.current?.cursorOrderId() ?? null,
            notify,
            openDialog: setDialog,
            closeDialog: () => setDialog(null),
          }
        : null,
    [
      list.tab,
      list.masters,
      list.query,
      list.view,
      list.listTotal,
      list.showList,
      list.selection,
      list.setSelection,
      grid,
      notify,
      setDialog,
    ],
  );
}
