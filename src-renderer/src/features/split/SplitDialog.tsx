import { useState } from 'react';
import { formatYen } from '../../../../src-shared/domain/money.js';
import { invoke } from '../../api/client.js';
import { DerivedOrderDialog } from './DerivedOrderDialog.js';

/**
 * 注文分割: how many of each line go to a new order that ships on its own (its own 送り状番号).
 * The fees stay on the original unless the clerk ticks them across.
 */
export function SplitDialog({ orderId }: { orderId: number }) {
  const [moveShippingFee, setMoveShippingFee] = useState(false);
  const [moveCodFee, setMoveCodFee] = useState(false);
  return (
    <DerivedOrderDialog
      orderId={orderId}
      title="注文分割"
      intro={(order) => (
        <>注文番号 {order.orderNo}　新しい注文に移す数量を入力してください（各注文に商品が1つ以上残ります）。</>
      )}
      table={{ caption: '分割する商品', heading: '新しい注文へ', boxLabel: '新しい注文へ移す数量' }}
      fields={(order) => (
        <>
          <label>
            <input type="checkbox" checked={moveShippingFee} onChange={(e) => setMoveShippingFee(e.target.checked)} />
            配送料金（{formatYen(order.shippingFee)}）を新しい注文へ移す
          </label>
          <label>
            <input type="checkbox" checked={moveCodFee} onChange={(e) => setMoveCodFee(e.target.checked)} />
            代引手数料（{formatYen(order.codFee)}）を新しい注文へ移す
          </label>
        </>
      )}
      submitLabel="分割"
      send={async (lines) => {
        const out = await invoke('split:order', { orderId, lines, moveShippingFee, moveCodFee });
        return `注文 ${out.orderNo} を分割し、注文 ${out.newOrderNo} を作成しました。`;
      }}
    />
  );
}
