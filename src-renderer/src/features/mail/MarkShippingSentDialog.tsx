import { useState } from 'react';
import type { BulkResult } from '../../../../src-shared/domain/order.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { FormError } from '../../components/FormError.js';

/** E12: the shipping mail counts as sent without sending (for shops that mail elsewhere). */
export function MarkShippingSentDialog({ orderIds }: { orderIds: number[] }) {
  const screen = useScreen();
  const [result, setResult] = useState<BulkResult | null>(null);
  const [error, setError] = useState('');
  const apply = () =>
    invoke('mail:markShippingSent', { orderIds }).then(
      (r) => {
        setResult(r);
      },
      (e: Error) => setError(e.message),
    );
  const footer = result ? (
    <button type="button" autoFocus onClick={screen.closeDialog}>
      閉じる
    </button>
  ) : (
    <>
      <button type="button" onClick={screen.closeDialog}>
        キャンセル
      </button>
      <button type="button" autoFocus onClick={() => void apply()}>
        処理済に変更する
      </button>
    </>
  );
  return (
    <Dialog title="出荷メール一括処理済変更" onClose={screen.closeDialog} footer={footer}>
      {result ? (
        <>
          <p className="result-summary" role="status">
            処理済に変更 {result.applied.toLocaleString('ja-JP')}件 / 変更できず{' '}
            {result.refused.length.toLocaleString('ja-JP')}件
          </p>
          <ul className="mail-reasons">
            {result.refused.slice(0, 50).map((r) => (
              <li key={r.orderId}>
                {r.orderNo}: {r.reason}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          チェックした {orderIds.length.toLocaleString('ja-JP')}
          件の発送完了メールを「送信済」に変更します。メールは送信しません（送信ログには「処理済（送信なし）」と記録します）。
        </p>
      )}
      <FormError message={error} />
    </Dialog>
  );
}
