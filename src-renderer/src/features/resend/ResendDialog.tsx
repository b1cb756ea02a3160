import { useState } from 'react';
import { invoke } from '../../api/client.js';
import { DerivedOrderDialog } from '../split/DerivedOrderDialog.js';

/**
 * 再送注文: how many of each line of a shipped order go to the buyer again, as a new ¥0 order
 * that needs no 入金確認 and ships with its own 送り状番号. A refusal (not 出荷済, too many)
 * shows here and changes nothing.
 */
export function ResendDialog({ orderId }: { orderId: number }) {
  const [reason, setReason] = useState('');
  return (
    <DerivedOrderDialog
      orderId={orderId}
      title="再送注文"
      intro={(order) => (
        <>
          注文番号 {order.orderNo}
          　同じ購入者へもう一度送る数量を入力してください。再送注文は商品・配送料金・手数料とも ¥0
          で、入金確認なしで出荷できます。
        </>
      )}
      table={{ caption: '再送する商品', heading: '再送する数量', boxLabel: '再送する数量' }}
      fields={() => (
        <label>
          理由
          <input
            type="text"
            maxLength={200}
            aria-label="再送の理由"
            placeholder="破損、不足など"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      )}
      submitLabel="再送注文を作成"
      send={async (lines) => {
        const out = await invoke('resend:order', { orderId, lines, reason });
        const made = `注文 ${out.orderNo} の再送注文 ${out.newOrderNo} を作成しました`;
        return out.reserved
          ? `${made}（在庫を引き当て、入金済にしました）。`
          : `${made}。在庫が足りないため新規のままです: ${out.short}`;
      }}
    />
  );
}
