import type { BulkResult } from '../../../../src-shared/domain/order.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';

/**
 * What a change over checked orders did. Both the operations' BulkResult and the bulk
 * changes' BulkChangeResult have this shape.
 */
export interface ChangeOutcome {
  applied: number;
  /** The refused orders with their reasons (for the bulk changes, the first of refusedCount). */
  refused: BulkResult['refused'];
  /** Orders that already had the value (bulk changes only). */
  unchanged?: number;
  /** Every refusal, where `refused` lists only the first of them; otherwise refused.length. */
  refusedCount?: number;
}

/** The operations (F keys) 処理 orders; the bulk changes 変更 a value of them. */
export type ChangeVerb = '処理' | '変更';

const n = (value: number) => value.toLocaleString('ja-JP');

const refusedCountOf = (outcome: ChangeOutcome) => outcome.refusedCount ?? outcome.refused.length;

/** "N件を処理しました / M件は処理できませんでした" (変更 likewise), and how many already had the value. */
export function summaryOf(outcome: ChangeOutcome, verb: ChangeVerb): string {
  const parts = [`${n(outcome.applied)}件を${verb}しました`];
  const unchanged = outcome.unchanged ?? 0;
  if (unchanged > 0) parts.push(`${n(unchanged)}件は変更なし（すでに指定の値）`);
  const refused = refusedCountOf(outcome);
  if (refused > 0) parts.push(`${n(refused)}件は${verb}できませんでした`);
  return parts.join(' / ');
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

interface ResultDialogProps {
  title: string;
  result: ChangeOutcome;
  verb: ChangeVerb;
  wide?: boolean;
}

/** The summary with each refused order and why (and how many more, where not all are listed). */
export function ResultDialog({ title, result, verb, wide }: ResultDialogProps) {
  const screen = useScreen();
  const more = refusedCountOf(result) - result.refused.length;
  return (
    <Dialog
      title={`${title}の結果`}
      onClose={screen.closeDialog}
      wide={wide}
      footer={
        <button type="button" onClick={screen.closeDialog} autoFocus>
          閉じる
        </button>
      }
    >
      <p className="result-summary" role="status">
        {summaryOf(result, verb)}
      </p>
      {refusedCountOf(result) > 0 ? (
        <>
          <p>{verb}できなかった注文はチェックしたまま残しています。理由を確かめてください。</p>
          <RefusedTable refused={result.refused} />
        </>
      ) : null}
      {more > 0 ? (
        <p>
          ほか {n(more)}件（最初の{n(result.refused.length)}件を表示しています）
        </p>
      ) : null}
    </Dialog>
  );
}
