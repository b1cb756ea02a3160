import { Dialog } from '../../components/Dialog.js';
import { ScanInput } from '../../components/ScanInput.js';
import { useScreen } from '../../screen/screen-context.js';
import { PackingLinesTable } from './PackingLinesTable.js';
import { PackingMessage } from './PackingMessage.js';
import { usePackingScan } from './usePackingScan.js';

/**
 * 検品 at the packing table: the order's barcode (order number, as the picking list and 納品書
 * print it) opens the order; each item scan (JAN or 商品コード) ticks one unit. A wrong item or
 * one too many is shown in red and ticks nothing. Once 検品済, the scan of the order's 送り状番号
 * (or the 出荷確定 button) confirms the shipment. The field keeps the focus for the next scan.
 */
export function PackingDialog() {
  const screen = useScreen();
  const { order, notice, shipped, input, scan, ship, reset, fail } = usePackingScan();
  return (
    <Dialog title="検品" wide onClose={() => screen.closeDialog()}>
      <div className="scan" onClick={() => input.current?.focus()}>
        <ScanInput label="注文番号・JAN・送り状番号をスキャン" inputRef={input} onScan={scan} />
        <PackingMessage notice={notice} />
        {order && (
          <>
            <p className="scan-count">
              注文番号 {order.orderNo}　{order.buyerName} 様　
              <span data-testid="packing-state">{shipped ? '出荷済' : order.packed ? '検品済' : '検品中'}</span>
            </p>
            <PackingLinesTable lines={order.lines} />
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
