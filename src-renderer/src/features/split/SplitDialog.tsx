import { useEffect, useState } from 'react';
import type { Order } from '../../../../src-shared/domain/order.js';
import { formatYen } from '../../../../src-shared/domain/money.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { useScreen } from '../../screen/screen-context.js';
import { LineQuantities, pickedLines } from './LineQuantities.js';
import { useTask } from '../files/use-task.js';

/**
 * 注文分割: how many of each line go to a new order that ships on its own (its own 送り状番号).
 * The fees stay on the original unless the clerk ticks them across.
 */
export function SplitDialog({ orderId }: { orderId: number }) {
  const screen = useScreen();
  const [order, setOrder] = useState<Order | null>(null);
  const [moving, setMoving] = useState<Record<number, number>>({});
  const [moveShippingFee, setMoveShippingFee] = useState(false);
  const [moveCodFee, setMoveCodFee] = useState(false);
  const { busy, error, run: task } = useTask();
  useEffect(() => {
    void task(async () => setOrder((await invoke('orders:get', { id: orderId })).order));
  }, [orderId, task]);
  const submit = () =>
    task(async () => {
      const out = await invoke('split:order', { orderId, lines: pickedLines(moving), moveShippingFee, moveCodFee });
      screen.notify('info', `注文 ${out.orderNo} を分割し、注文 ${out.newOrderNo} を作成しました。`);
      screen.closeDialog();
    });
  return (
    <Dialog title="注文分割" onClose={screen.closeDialog} wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        {order ? (
          <>
            <p>注文番号 {order.orderNo}　新しい注文に移す数量を入力してください（各注文に商品が1つ以上残ります）。</p>
            <LineQuantities
              order={order}
              caption="分割する商品"
              heading="新しい注文へ"
              boxLabel="新しい注文へ移す数量"
              picked={moving}
              onChange={setMoving}
            />
            <label>
              <input type="checkbox" checked={moveShippingFee} onChange={(e) => setMoveShippingFee(e.target.checked)} />
              配送料金（{formatYen(order.shippingFee)}）を新しい注文へ移す
            </label>
            <label>
              <input type="checkbox" checked={moveCodFee} onChange={(e) => setMoveCodFee(e.target.checked)} />
              代引手数料（{formatYen(order.codFee)}）を新しい注文へ移す
            </label>
            <div className="form-actions">
              <button type="submit" aria-disabled={busy}>
                分割
              </button>
            </div>
          </>
        ) : null}
        <FormError message={error} />
      </form>
    </Dialog>
  );
}
