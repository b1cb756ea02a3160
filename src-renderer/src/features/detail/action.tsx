import type { KeyAction } from '../../screen/commands.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { OrderDetail } from './OrderDetail.js';

export function openOrderDetail(screen: ScreenContext, orderId: number): void {
  screen.openDialog(<OrderDetail orderId={orderId} />);
}

/** F12 注文詳細: the order under the cursor (or the one checked order). */
export const detailAction: KeyAction = {
  run(screen) {
    const id = screen.cursorOrderId() ?? (screen.selection.size === 1 ? [...screen.selection][0]! : null);
    if (id === null) {
      screen.notify('info', '注文詳細を開く行をクリックしてから F12 を押してください。');
      return;
    }
    openOrderDetail(screen, id);
  },
};
