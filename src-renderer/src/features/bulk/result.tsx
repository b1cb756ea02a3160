import type { BulkChangeResult } from '../../../../src-shared/api/bulk.js';
import type { BulkResult } from '../../../../src-shared/domain/order.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { ResultDialog, summaryOf } from '../operations/ResultDialog.js';

/** The status engine's answer (E11) in the shape of the other bulk changes. */
export function fromEngine(result: BulkResult): BulkChangeResult {
  return { applied: result.applied, unchanged: 0, refused: result.refused, refusedCount: result.refused.length };
}

/**
 * After a bulk change: the summary in the notice bar, the refused orders left checked (so
 * the clerk can act on them) and listed with their reasons. The counts and rows refresh on the change event the write sends.
 */
export function reportBulkChange(screen: ScreenContext, title: string, result: BulkChangeResult): void {
  screen.notify(result.refusedCount > 0 ? 'error' : 'info', `${title}: ${summaryOf(result, '変更')}`);
  // With every refusal listed, keep exactly those checked; otherwise keep the checks as they were.
  if (result.refusedCount === result.refused.length) {
    screen.setSelection(result.refused.map((r) => r.orderId).filter((id) => screen.selection.has(id)));
  }
  if (result.refusedCount > 0) screen.openDialog(<ResultDialog title={title} result={result} verb="変更" wide />);
  else screen.closeDialog();
}
