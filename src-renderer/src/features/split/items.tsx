import type { ExtensionItem } from '../../screen/commands.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { SplitDialog } from './SplitDialog.js';

const NO_ORDER = '分割する注文を1件だけチェックするか、一覧で選んでください。';

/** The one order an item works on (分割, 再送): the only checked one, else the one under the cursor. */
export function oneOrder(screen: ScreenContext): number | null {
  if (screen.selection.size === 1) return [...screen.selection][0]!;
  return screen.selection.size === 0 ? screen.cursorOrderId() : null;
}

/** Not in the manual's E1–E21: one order's lines split into two orders that ship separately. */
export const splitItem: ExtensionItem = {
  id: 'E22',
  label: '注文分割',
  unavailable: (screen) => (oneOrder(screen) === null ? NO_ORDER : null),
  run: (screen) => screen.openDialog(<SplitDialog orderId={oneOrder(screen)!} />),
};
