import { invoke } from '../../api/client.js';
import type { KeyAction } from '../../screen/commands.js';
import { checkedOrNotify, reportBulk } from '../operations/bulk.js';
import { ShortageDialog } from './ShortageDialog.js';

/**
 * F11 在庫確認 (S15): the covered orders move at once (在庫確認済, or 入金済 when the payment
 * needs no confirmation); the short ones open 欠品登録; the refused ones are listed.
 */
export const stockCheckAction: KeyAction = {
  async run(screen) {
    const orderIds = checkedOrNotify(screen, '在庫確認');
    if (!orderIds) return;
    const check = await invoke('stock:check', { orderIds });
    if (check.shortages.length === 0) {
      reportBulk(screen, '在庫確認', check);
      return;
    }
    const left = new Set([...check.shortages.map((s) => s.orderId), ...check.refused.map((r) => r.orderId)]);
    screen.setSelection(orderIds.filter((id) => left.has(id)));
    screen.refresh();
    screen.openDialog(<ShortageDialog check={check} />);
  },
  enabled: (screen) => screen.selection.size > 0,
};
