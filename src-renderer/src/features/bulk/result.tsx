import type { BulkChangeResult } from '../../../../src-shared/api/bulk.js';
import type { BulkResult } from '../../../../src-shared/domain/order.js';
import { Dialog } from '../../components/Dialog.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { useScreen } from '../../screen/screen-context.js';
import { RefusedTable } from '../operations/ResultDialog.js';

const n = (value: number) => value.toLocaleString('ja-JP');

/** The status engine's answer (E11) in the shape of the other bulk changes. */
export function fromEngine(result: BulkResult): BulkChangeResult {
  return { applied: result.applied, unchanged: 0, refused: result.refused, refusedCount: result.refused.length };
}

/** "N件を変更しました / M件は変更できませんでした", and how many already had the value. */
export function summaryOf(result: BulkChangeResult): string {
  const parts = [`${n(result.applied)}件を変更しました`];
  if (result.unchanged > 0) parts.push(`${n(result.unchanged)}件は変更なし（すでに指定の値）`);
  if (result.refusedCount > 0) parts.push(`${n(result.refusedCount)}件は変更できませんでした`);
  return parts.join(' / ');
}

function BulkResultDialog({ title, result }: { title: string; result: BulkChangeResult }) {
  const screen = useScreen();
  const more = result.refusedCount - result.refused.length;
  return (
    <Dialog
      title={`${title}の結果`}
      onClose={screen.closeDialog}
      wide
      footer={
        <button type="button" onClick={screen.closeDialog} autoFocus>
          閉じる
        </button>
      }
    >
      <p className="result-summary" role="status">
        {summaryOf(result)}
      </p>
      <p>変更できなかった注文はチェックしたまま残しています。理由を確かめてください。</p>
      <RefusedTable refused={result.refused} />
      {more > 0 ? (
        <p>
          ほか {n(more)}件（最初の{n(result.refused.length)}件を表示しています）
        </p>
      ) : null}
    </Dialog>
  );
}

/**
 * After a bulk change: the summary in the notice bar, the refused orders left checked (so
 * the clerk can act on them) and listed with their reasons. The counts and rows refresh on the change event the write sends.
 */
export function reportBulkChange(screen: ScreenContext, title: string, result: BulkChangeResult): void {
  screen.notify(result.refusedCount > 0 ? 'error' : 'info', `${title}: ${summaryOf(result)}`);
  // With every refusal listed, keep exactly those checked; otherwise keep the checks as they were.
  if (result.refusedCount === result.refused.length) {
    screen.setSelection(result.refused.map((r) => r.orderId).filter((id) => screen.selection.has(id)));
  }
  if (result.refusedCount > 0) screen.openDialog(<BulkResultDialog title={title} result={result} />);
  else screen.closeDialog();
}
