import { useEffect, useState } from 'react';
import type { Order } from '../../../../src-shared/domain/order.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { useScreen } from '../../screen/screen-context.js';
import { useTask } from '../files/use-task.js';
import { LineQuantities, pickedLines } from '../split/LineQuantities.js';

/**
 * 再送注文: how many of each line of a shipped order go to the buyer again, as a new ¥0 order
 * that needs no 入金確認 and ships with its own 送り状番号. A refusal (not 出荷済, too many)
 * shows here and changes nothing.
 */
export function ResendDialog({ orderId }: { orderId: number }) {
  const screen = useScreen();
  const [order, setOrder] = useState<Order | null>(null);
  const [picked, setPicked] = useState<Record<number, number>>({});
  const [reason, setReason] = useState('');
  const { busy, error, run: task } = useTask();
  useEffect(() => {
    void task(async () => setOrder((await invoke('orders:get', { id: orderId })).order));
  }, [orderId, task]);
  const submit = () =>
    task(async () => {
      const out = await invoke('resend:order', { orderId, lines: pickedLines(picked), reason });
      const made = `注文 ${out.orderNo} の再送注文 ${out.newOrderNo} を作成しました`;
      screen.notify(
        'info',
        out.reserved
          ? `${made}（在庫を引き当て、入金済にしました）。`
          : `${made}。在庫が足りないため新規のままです: ${out.short}`,
      );
      screen.closeDialog();
    });
  return (
    <Dialog title="再送注文" onClose={screen.closeDialog} wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        {order ? (
          <>
            <p>
              注文番号 {order.orderNo}
              　同じ購入者へもう一度送る数量を入力してください。再送注文は商品・配送料金・手数料とも ¥0
              で、入金確認なしで出荷できます。
            </p>
            <LineQuantities
              order={order}
              caption="再送する商品"
              heading="再送する数量"
              boxLabel="再送する数量"
              picked={picked}
              onChange={setPicked}
            />
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
            <div className="form-actions">
              <button type="submit" aria-disabled={busy}>
                再送注文を作成
              </button>
            </div>
          </>
        ) : null}
        <FormError message={error} />
      </form>
    </Dialog>
  );
}
