import { useRef, useState } from 'react';
import type { PackingOrder } from '../../../../src-shared/api/packing.js';
import { canonicalTrackingNo } from '../../../../src-shared/domain/tracking.js';
import { invoke } from '../../api/client.js';

export interface PackingNotice {
  tone: 'ok' | 'error';
  text: string;
}

/**
 * 検品's scans, one after the other in the order they were read: an order's barcode opens it,
 * an item ticks one unit, the 送り状番号 of a packed order confirms the shipment. Also the
 * 出荷確定 and 検品やり直し buttons' actions; `fail` shows an error message.
 */
export function usePackingScan() {
  const [order, setOrder] = useState<PackingOrder | null>(null);
  const [notice, setNotice] = useState<PackingNotice | null>(null);
  const [shipped, setShipped] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const current = useRef<PackingOrder | null>(null);
  const shippedRef = useRef(false);

  const show = (next: PackingOrder | null, tone: PackingNotice['tone'], text: string, isShipped = false) => {
    current.current = next;
    shippedRef.current = isShipped;
    setOrder(next);
    setShipped(isShipped);
    setNotice({ tone, text });
  };
  const fail = (text: string) => setNotice({ tone: 'error', text });

  const openOrder = async (value: string) => {
    const opened = await invoke('packing:open', { code: value });
    show(
      opened,
      'ok',
      opened.packed ? '検品済です。送り状番号をスキャンすると出荷確定します。' : '商品をスキャンしてください。',
    );
  };

  const ship = async () => {
    const target = current.current;
    if (!target || !target.packed || shippedRef.current) return;
    const result = await invoke('operations:confirmShipment', { orderIds: [target.orderId] });
    const [refused] = result.refused;
    if (refused) fail(`出荷確定できません: ${refused.reason}`);
    else show(target, 'ok', `注文 ${target.orderNo} を出荷確定しました。`, true);
  };

  /** 検品やり直し: the order's scans and 検品済 stop counting (kept in its 履歴). */
  const reset = async () => {
    const target = current.current;
    if (!target || shippedRef.current) return;
    const cleared = await invoke('packing:reset', { orderId: target.orderId });
    show(cleared, 'ok', '検品をやり直します。商品をスキャンしてください。');
    input.current?.focus();
  };

  const handle = async (value: string) => {
    const target = current.current;
    if (!target || shippedRef.current) return openOrder(value);
    if (target.packed) {
      if (target.trackingNo && canonicalTrackingNo(value) === canonicalTrackingNo(target.trackingNo)) return ship();
      return openOrder(value).catch(() => fail('この注文の送り状番号ではありません。'));
    }
    const result = await invoke('packing:scan', { orderId: target.orderId, code: value });
    if (result.outcome === 'ticked' || result.outcome === 'complete') {
      show(result.order, 'ok', result.message);
      return;
    }
    // Not an item of this order: it may be another order's barcode, which switches to it.
    if (result.outcome === 'wrong_item') {
      const switched = await invoke('packing:open', { code: value }).catch(() => null);
      if (switched) {
        show(switched, 'ok', '別の注文を開きました。商品をスキャンしてください。');
        return;
      }
    }
    fail(result.message);
  };

  const scan = (raw: string) => {
    const value = raw.trim();
    if (!value) return;
    queue.current = queue.current.then(() => handle(value).catch((e: Error) => fail(e.message)));
  };

  return { order, notice, shipped, input, scan, ship, reset, fail };
}
