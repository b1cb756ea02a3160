import { useEffect, useState, type ReactNode } from 'react';
import type { Order } from '../../../../src-shared/domain/order.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { useScreen } from '../../screen/screen-context.js';
import { useTask } from '../files/use-task.js';
import { LineQuantities, pickedLines } from './LineQuantities.js';

/**
 * The frame of a dialog that makes a new order from one order's lines (注文分割, 再送注文):
 * reads the order, lets the clerk pick quantities per line, sends them once, then says what
 * was made and closes; a refusal shows in the dialog and changes nothing.
 */
export function DerivedOrderDialog({
  orderId,
  title,
  intro,
  table,
  fields,
  submitLabel,
  send,
}: {
  orderId: number;
  title: string;
  /** The words above the lines (注文番号 and what to enter). */
  intro: (order: Order) => ReactNode;
  /** The lines table's names: see LineQuantities. */
  table: { caption: string; heading: string; boxLabel: string };
  /** The dialog's own fields below the lines (fees to move, a reason). */
  fields: (order: Order) => ReactNode;
  submitLabel: string;
  /** Sends the picked lines; answers the notice shown once it is done. */
  send: (lines: { lineNo: number; quantity: number }[]) => Promise<string>;
}) {
  const screen = useScreen();
  const [order, setOrder] = useState<Order | null>(null);
  const [picked, setPicked] = useState<Record<number, number>>({});
  const { busy, error, run: task } = useTask();
  useEffect(() => {
    void task(async () => setOrder((await invoke('orders:get', { id: orderId })).order));
  }, [orderId, task]);
  const submit = () =>
    task(async () => {
      screen.notify('info', await send(pickedLines(picked)));
      screen.closeDialog();
    });
  return (
    <Dialog title={title} onClose={screen.closeDialog} wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        {order ? (
          <>
            <p>{intro(order)}</p>
            <LineQuantities order={order} {...table} picked={picked} onChange={setPicked} />
            {fields(order)}
            <div className="form-actions">
              <button type="submit" aria-disabled={busy}>
                {submitLabel}
              </button>
            </div>
          </>
        ) : null}
        <FormError message={error} />
      </form>
    </Dialog>
  );
}
