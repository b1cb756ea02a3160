import { useRef, useState } from 'react';
import type { PackingOrder } from '../../../../src-shared/api/packing.js';
import { canonicalTrackingNo } from '../../../../src-shared/domain/tracking.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { ScanInput } from '../../components/ScanInput.js';
import { useScreen } from '../../screen/screen-context.js';

interface Notice {
  tone: 'ok' | 'error';
  text: string;
}

/**
 * 検品 at the packing table: the order's barcode (order number, as the picking list and 納品書
 * print it) opens the order; each item scan (JAN or 商品コード) ticks one unit. A wrong item or
 * one too many is shown in red and ticks nothing. Once 検品済, the scan of the order's 送り状番号
 * (or the 出荷確定 button) confirms the shipment. The field keeps the focus for the next scan.
 */
export function PackingDialog() {
  const screen = useScreen();
  const [order, setOrder] = useState<PackingOrder | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [shipped, setShipped] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const current = useRef<PackingOrder | null>(null);
  const shippedRef = useRef(false);

  const show = (next: PackingOrder | null, tone: Notice['tone'], text: string, isShipped = false) => {
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

  return (
    <Dialog title="検品" wide onClose={() => screen.closeDialog()}>
      <div className="scan" onClick={() => input.current?.focus()}>
        <ScanInput label="注文番号・JAN・送り状番号をスキャン" inputRef={input} onScan={scan} />
        {notice?.tone === 'error' ? (
          <div className="scan-result wrong_status" role="alert" data-testid="packing-message">
            <div className="scan-headline">読み取りエラー</div>
            <div className="scan-message">{notice.text}</div>
          </div>
        ) : (
          <div className="scan-result idle" role="status" data-testid="packing-message">
            <div className="scan-message">
              {notice?.text ?? '注文番号（ピッキングリスト・納品書のバーコード）をスキャンしてください。'}
            </div>
          </div>
        )}
        {order && (
          <>
            <p className="scan-count">
              注文番号 {order.orderNo}　{order.buyerName} 様　
              <span data-testid="packing-state">{shipped ? '出荷済' : order.packed ? '検品済' : '検品中'}</span>
            </p>
            <table className="items" aria-label="検品明細">
              <thead>
                <tr>
                  <th>商品コード</th>
                  <th>JAN</th>
                  <th>商品名</th>
                  <th>数量</th>
                  <th>検品数</th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((line, i) => (
                  <tr key={i} className={line.scanned >= line.ordered ? 'scan-row shipped' : 'scan-row'}>
                    <td>{line.sku}</td>
                    <td>{line.jan ?? ''}</td>
                    <td>{line.title}</td>
                    <td>{line.ordered}</td>
                    <td>{line.scanned}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {order.packed && !shipped && (
              <button type="button" onClick={() => void ship().catch((e: Error) => fail(e.message))}>
                出荷確定
              </button>
            )}
            {!shipped && (order.packed || order.lines.some((l) => l.scanned > 0)) && (
              <button type="button" onClick={() => void reset().catch((e: Error) => fail(e.message))}>
                検品やり直し
              </button>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
