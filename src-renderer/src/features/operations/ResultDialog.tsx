import type { BulkResult } from '../../../../src-shared/domain/order.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';

export function summaryOf(result: BulkResult): string {
  const done = `${result.applied.toLocaleString('ja-JP')}件を処理しました`;
  return result.refused.length
    ? `${done} / ${result.refused.length.toLocaleString('ja-JP')}件は処理できませんでした`
    : done;
}

/** The orders an operation refused, each with its reason. */
export function RefusedTable({ refused }: { refused: BulkResult['refused'] }) {
  return (
    <table className="items" aria-label="処理できなかった注文">
      <thead>
        <tr>
          <th>注文番号</th>
          <th>理由</th>
        </tr>
      </thead>
      <tbody>
        {refused.map((r) => (
          <tr key={r.orderId}>
            <td>{r.orderNo}</td>
            <td>{r.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "N件を処理しました / M件は処理できませんでした" with each refused order and why. */
export function ResultDialog({ title, result }: { title: string; result: BulkResult }) {
  const screen = useScreen();
  return (
    <Dialog
      title={`${title}の結果`}
      onClose={screen.closeDialog}
      footer={
        <button type="button" onClick={screen.closeDialog} autoFocus>
          閉じる
        </button>
      }
    >
      <p className="result-summary" role="status">
        {summaryOf(result)}
      </p>
      {result.refused.length > 0 ? (
        <>
          <p>処理できなかった注文はチェックしたまま残しています。理由を確かめてください。</p>
          <RefusedTable refused={result.refused} />
        </>
      ) : null}
    </Dialog>
  );
}
