import { invoke } from '../../api/client.js';
import type { KeyAction } from '../../screen/commands.js';
import { checkedOn } from '../../screen/availability.js';
import { reportBulk } from '../operations/bulk.js';
import { ShortageDialog } from './ShortageDialog.js';

/**
 * F11 在庫確認 (S15): the covered orders move at once (在庫確認済, or 入金済 when the payment
 * needs no confirmation); the short ones open 欠品登録; the refused ones are listed.
 */
export const stockCheckAction: KeyAction = {
  async run(screen) {
    const orderIds = [...screen.selection];
    const check = await invoke('stock:check', { orderIds });
    if (check.shortages.length === 0) {
      reportBulk(screen, '在庫確認', check);
      return;
    }
    const left = new Set([...check.shortages.map((s) => s.orderId), ...check.refused.map((r) => r.orderId)]);
    screen.setSelection(orderIds.filter((id) => left.has(id)));
    screen.openDialog(<ShortageDialog check={check} />);
  },
  unavailable: checkedOn(['new', 'out_of_stock']),
};
