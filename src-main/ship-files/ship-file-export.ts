import { SHIP_FILE_LABELS, type ShipFileChannel, type ShipFileResult } from '../../src-shared/api/ship-files.js';
import { ORDER_GONE } from '../../src-shared/api/errors.js';
import { CHANNEL_LABELS, type Channel } from '../../src-shared/domain/channels.js';
import { SHIP_NOTICE_LABELS } from '../../src-shared/domain/ship-notice.js';
import { STATUS_LABELS, type MainStatus } from '../../src-shared/domain/status.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { AppContext } from '../core/app-context.js';
import { encodeCp932 } from '../files/cp932.js';
import { CsvWriter } from '../files/csv-write.js';
import { Journal } from '../core/journal.js';
import { fileStamp } from '../printing/documents.js';
import { SHIP_FILE_LAYOUTS, type ShipFileLayout, type ShippedOrder } from './ship-file-layouts.js';

interface OrderRow extends ShippedOrder {
  id: number;
  channel: Channel;
  status: MainStatus;
  shipNotice: string | null;
  channelOrderNo: string;
}

/** Why an order cannot go in `channel`'s file, or null. */
function refusal(order: OrderRow, channel: ShipFileChannel): string | null {
  if (order.channel !== channel)
    return `${CHANNEL_LABELS[order.channel] ?? order.channel}の注文です。${SHIP_FILE_LABELS[channel]}には入れられません。`;
  if (order.status !== 'shipped')
    return `「出荷済」の注文だけが出荷通知ファイルに入ります（現在「${STATUS_LABELS[order.status]}」）。`;
  if (!order.trackingNo) return '送り状番号が登録されていません。先に送り状番号を登録してください。';
  if (order.shipNotice === 'sent') return `出荷通知は販路に${SHIP_NOTICE_LABELS.sent}です。`;
  return null;
}

function fileBytes(layout: ShipFileLayout, rows: string[][]): Buffer {
  if (layout.separator === '\t') {
    // Amazon's flat file: tab-separated, no quoting (no cell holds a tab or a line break).
    const text = [layout.header, ...rows].map((r) => r.map((c) => c.replace(/[\t\r\n]/g, ' ')).join('\t'));
    return encodeCp932(`${text.join('\r\n')}\r\n`);
  }
  const writer = new CsvWriter(layout.header, { encoding: 'shift_jis', neutralizeFormulas: false, quoteAll: true });
  for (const r of rows) writer.addRow(r, r[0] ?? '');
  return writer.toBuffer();
}

/** What the shipment upload file works with: the open database, the clock and who acts. */
interface ShipFileParts extends Pick<AppContext, 'clock' | 'actor'> {
  sqlite: BetterSqlite3.Database;
}

/**
 * F4 出荷通知ファイル: the channel's shipment upload file of the checked orders. Orders of
 * another channel, not 出荷済, without a 送り状番号 or already told by the API are refused
 * with the reason; the rest are written and marked 出荷通知: 送信済（ファイル） with a history
 * row each, in one transaction.
 */
export class ShipFileExport {
  private readonly read: BetterSqlite3.Statement;
  private readonly mark: BetterSqlite3.Statement;
  private readonly journal: Journal;

  constructor(private readonly parts: ShipFileParts) {
    const { sqlite } = parts;
    this.read = sqlite.prepare(
      `SELECT id, channel, order_no AS orderNo, coalesce(channel_order_no, order_no) AS channelOrderNo, status, carrier, tracking_no AS trackingNo,
              shipped_at AS shippedAt, ship_notice AS shipNotice FROM orders WHERE id = ?`,
    );
    this.mark = sqlite.prepare(
      `UPDATE orders SET ship_notice = 'file', updated_at = ?, version = version + 1
       WHERE id = ? AND ship_notice IS NOT 'file'`,
    );
    this.journal = new Journal(sqlite);
  }

  export(input: { channel: ShipFileChannel; orderIds: number[] }): ShipFileResult {
    const { read, mark, journal } = this;
    const layout = SHIP_FILE_LAYOUTS[input.channel];
    const actor = this.parts.actor();
    const now = this.parts.clock.now();
    const at = now.toISOString();
    const result: ShipFileResult = { file: null, marked: 0, refused: [] };
    this.parts.sqlite
      .transaction(() => {
        const rows: string[][] = [];
        for (const id of new Set(input.orderIds)) {
          const order = read.get(id) as OrderRow | undefined;
          if (!order) {
            result.refused.push({ orderNo: String(id), reason: ORDER_GONE });
            continue;
          }
          const reason = refusal(order, input.channel);
          if (reason) {
            result.refused.push({ orderNo: order.orderNo, reason });
            continue;
          }
          // The channel knows the order by its own number: a 分割 part reports under it too.
          rows.push(layout.row({ ...order, orderNo: order.channelOrderNo, shippedAt: order.shippedAt || at }));
          if (mark.run(at, id).changes > 0) {
            journal.record(
              {
                orderId: id,
                orderNo: order.orderNo,
                change: { kind: 'ship_notice_file' },
                from: order.shipNotice,
                to: 'file',
                reason: `F4 ${SHIP_FILE_LABELS[input.channel]}`,
              },
              actor,
              at,
            );
          }
          result.marked += 1;
        }
        if (rows.length === 0) return;
        result.file = {
          fileName: `${layout.fileName}_${fileStamp(now)}.${layout.separator === '\t' ? 'txt' : 'csv'}`,
          mimeType: layout.separator === '\t' ? 'text/tab-separated-values' : 'text/csv',
          base64: fileBytes(layout, rows).toString('base64'),
        };
      })
      .immediate();
    return result;
  }
}
