import type { BulkResult } from '../../../../src-shared/domain/order.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { ResultDialog, summaryOf } from './ResultDialog.js';

/**
 * After a bulk operation: the summary in the notice bar, the refused orders (still checked,
 * so that the clerk can act on them) in a dialog with their reasons.
 */
export function reportBulk(screen: ScreenContext, title: string, result: BulkResult): void {
  screen.notify(result.refused.length ? 'error' : 'info', `${title}: ${summaryOf(result, '処理')}`);
  screen.setSelection(result.refused.map((r) => r.orderId).filter((id) => screen.selection.has(id)));
  if (result.refused.length > 0) screen.openDialog(<ResultDialog title={title} result={result} verb="処理" />);
  else screen.closeDialog();
}
