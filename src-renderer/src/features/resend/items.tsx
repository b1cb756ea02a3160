import type { ExtensionItem } from '../../screen/commands.js';
import { oneOrder } from '../split/items.js';
import { ResendDialog } from './ResendDialog.js';

const NO_ORDER = '再送注文を作成する出荷済の注文を1件だけチェックするか、一覧で選んでください。';

/** Not in the manual's E1–E21: chosen lines of a shipped order go again as a new ¥0 order. */
export const resendItem: ExtensionItem = {
  id: 'E23',
  label: '再送注文',
  unavailable: (screen) => (oneOrder(screen) === null ? NO_ORDER : null),
  run: (screen) => screen.openDialog(<ResendDialog orderId={oneOrder(screen)!} />),
};
