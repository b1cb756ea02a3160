import type { CsvExportResult, ExportColumn } from '../../src-shared/api/csv-export.js';
import { EXPORT_COLUMNS } from '../../src-shared/api/csv-export.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { ListQuery } from '../../src-shared/api/orders.js';
import { CARRIER_LABELS, isCarrier, type Carrier } from '../../src-shared/domain/carriers.js';
import { CHANNEL_LABELS, type Channel } from '../../src-shared/domain/channels.js';
import { STATUS_LABELS, isMainStatus, type MainStatus } from '../../src-shared/domain/status.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { AppContext } from '../core/app-context.js';
import { CsvWriter, type CsvEncoding, type CsvValue } from '../files/csv-write.js';
import { fileStamp } from '../printing/documents.js';
import type { OrderQueries } from '../orders/queries.js';
import { reminderCutoffs } from '../orders/reminder-cutoffs.js';
import { jstClock, UNSHOWABLE } from '../../src-shared/text/jst.js';

type OrderColumn =
  | 'order_no'
  | 'channel'
  | 'ordered_at'
  | 'status'
  | 'sub_status_id'
  | 'buyer_name'
  | 'buyer_kana'
  | 'buyer_email'
  | 'buyer_phone'
  | 'ship_name'
  | 'ship_postal_code'
  | 'ship_prefecture'
  | 'ship_address1'
  | 'ship_address2'
  | 'ship_phone'
  | 'payment_method'
  | 'subtotal'
  | 'discount'
  | 'shipping_fee'
  | 'cod_fee'
  | 'total'
  | 'order_comment'
  | 'staff_comment'
  | 'store_id'
  | 'carrier'
  | 'tracking_no'
  | 'bundle_group'
  | 'paid_at'
  | 'shipped_at';
type Value = string | number | null;

/** The item summary of an order, lines in order: "SKU title ×qty / SKU title ×qty". */
const ITEMS_SQL = `(SELECT group_concat(i.sku || ' ' || i.title || ' ×' || i.quantity, ' / ' ORDER BY i.line_no) FROM order_items i WHERE i.order_id = o.id)`;

const LABELS = new Map<ExportColumn, string>(EXPORT_COLUMNS.map(([id, label]) => [id, label]));
const REPORT_LIMIT = 200;

/** "2026/11/20 12:34" in Japan time: what Excel shows as a date without help. */
function jst(iso: string | null): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return UNSHOWABLE;
  const d = jstClock(new Date(t));
  return `${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)} ${d.slice(11, 16)}`;
}

/**
 * jst() for a column of stored times: the date and hour part is worked out once per UTC
 * hour ("2026-11-20T03"), the minutes copied, as adding 9 hours keeps them. Only for the
 * exact form the app stores (toISOString); anything else goes through jst() itself.
 */
function jstColumn(): (iso: Value) => string {
  const hours = new Map<string, string>();
  return (value) => {
    const iso = value as string | null;
    if (!iso || iso.length !== 24 || iso.charCodeAt(23) !== 0x5a || iso.charCodeAt(10) !== 0x54) return jst(iso);
    const hour = iso.slice(0, 13);
    let head = hours.get(hour);
    if (head === undefined) {
      head = jst(`${hour}:00:00.000Z`).slice(0, 13);
      hours.set(hour, head);
    }
    return head + iso.slice(13, 16);
  };
}

/** What one export column reads (an orders column, or the item summary) and how it writes it. */
interface Cell {
  sql: OrderColumn | 'items';
  value: (v: Value) => CsvValue;
  /** An amount: left empty for an order whose amounts are unknown (金額未取得), never 0. */
  amount?: true;
}

function cells(sqlite: BetterSqlite3.Database): Record<ExportColumn, Cell> {
  const subStatuses = new Map(
    (sqlite.prepare('SELECT id, name FROM sub_statuses').all() as { id: number; name: string }[]).map((s) => [
      s.id,
      s.name,
    ]),
  );
  const payments = new Map(
    (sqlite.prepare('SELECT code, name FROM payment_methods').all() as { code: string; name: string }[]).map((p) => [
      p.code,
      p.name,
    ]),
  );
  const stores = new Map(
    (sqlite.prepare('SELECT id, name FROM stores').all() as { id: string; name: string }[]).map((s) => [s.id, s.name]),
  );
  const text = (sql: OrderColumn | 'items'): Cell => ({ sql, value: (v) => (v as string | null) ?? '' });
  const num = (sql: OrderColumn): Cell => ({ sql, value: (v) => (v === null ? '' : (v as number)), amount: true });
  return {
    orderNo: text('order_no'),
    channel: { sql: 'channel', value: (v) => CHANNEL_LABELS[v as Channel] ?? String(v) },
    orderedAt: { sql: 'ordered_at', value: jstColumn() },
    status: {
      sql: 'status',
      value: (v) => (isMainStatus(v as string) ? STATUS_LABELS[v as MainStatus] : (v as string)),
    },
    subStatus: { sql: 'sub_status_id', value: (v) => (v === null ? '' : (subStatuses.get(v as number) ?? '')) },
    buyerName: text('buyer_name'),
    buyerKana: text('buyer_kana'),
    buyerEmail: text('buyer_email'),
    buyerPhone: text('buyer_phone'),
    shipName: text('ship_name'),
    shipPostalCode: text('ship_postal_code'),
    shipPrefecture: text('ship_prefecture'),
    shipAddress1: text('ship_address1'),
    shipAddress2: text('ship_address2'),
    shipPhone: text('ship_phone'),
    paymentMethod: { sql: 'payment_method', value: (v) => payments.get(v as string) ?? String(v) },
    items: text('items'),
    subtotal: num('subtotal'),
    discount: num('discount'),
    shippingFee: num('shipping_fee'),
    codFee: num('cod_fee'),
    total: num('total'),
    orderComment: text('order_comment'),
    staffComment: text('staff_comment'),
    store: { sql: 'store_id', value: (v) => (v ? (stores.get(v as string) ?? String(v)) : '') },
    carrier: {
      sql: 'carrier',
      value: (v) => (v && isCarrier(v as string) ? CARRIER_LABELS[v as Carrier] : ((v as string | null) ?? '')),
    },
    trackingNo: text('tracking_no'),
    bundleGroup: text('bundle_group'),
    paidAt: { sql: 'paid_at', value: jstColumn() },
    shippedAt: { sql: 'shipped_at', value: jstColumn() },
  };
}

/**
 * The orders in the list's own order (newest first, as the grid shows it by default), as
 * raw rows of the order number then one value per chosen column, streamed from ONE query:
 * the ids travel as one JSON array parameter, only the chosen columns are read, the item
 * summary is joined per order by the database, and no row outlives its CSV line.
 */
function streamRows(
  sqlite: BetterSqlite3.Database,
  ids: readonly number[],
  chosen: readonly Cell[],
): IterableIterator<Value[]> {
  const column = (c: Cell) =>
    c.sql === 'items'
      ? ITEMS_SQL
      : c.amount
        ? `CASE WHEN o.amounts_unknown THEN NULL ELSE o.${c.sql} END`
        : `o.${c.sql}`;
  const select = ['o.order_no', ...chosen.map(column)];
  return sqlite
    .prepare(
      `SELECT ${select.join(', ')} FROM orders o WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.ordered_at DESC, o.id DESC`,
    )
    .raw()
    .iterate(JSON.stringify(ids)) as IterableIterator<Value[]>;
}

/** What E9 CSV出力 works with: the database, the settings (encoding, 催促 periods), the clock, the list's query. */
interface OrderCsvParts extends Pick<AppContext, 'settings' | 'clock'> {
  sqlite: BetterSqlite3.Database;
  orders: Pick<OrderQueries, 'ids'>;
}

/**
 * E9 CSV出力: the listed (or checked) orders with the chosen columns, for Excel — CRLF,
 * Shift_JIS (CP932) or UTF-8 with BOM, text cells neutralised against formula injection,
 * and every character CP932 cannot hold reported with its line, order and column.
 */
export class OrderCsvExport {
  constructor(private readonly parts: OrderCsvParts) {}

  run(input: ListQuery & { orderIds?: number[]; columns: ExportColumn[]; encoding?: CsvEncoding }): CsvExportResult {
    const { sqlite, settings, clock, orders } = this.parts;
    const encoding = input.encoding ?? settings.get('csvEncoding');
    const ids = input.orderIds ?? orders.ids({ tab: input.tab, criteria: input.criteria }, reminderCutoffs(this.parts));
    if (ids.length === 0)
      throw new UserError('一覧に注文がありません。出力する注文を表示してから CSV出力 を選んでください。', 'empty');
    const columns = [...new Set(input.columns)];
    const all = cells(sqlite);
    const chosen = columns.map((c) => all[c]);
    const writer = new CsvWriter(
      columns.map((c) => LABELS.get(c)!),
      { encoding, neutralizeFormulas: true, quoteAll: false },
    );
    const values = new Array<CsvValue>(chosen.length);
    for (const row of streamRows(sqlite, ids, chosen)) {
      for (let i = 0; i < chosen.length; i++) values[i] = chosen[i]!.value(row[i + 1] as Value);
      writer.addRow(values, row[0] as string);
    }
    const bytes = writer.toBuffer();
    return {
      file: {
        fileName: `注文一覧_${fileStamp(clock.now())}.csv`,
        mimeType: 'text/csv',
        base64: bytes.toString('base64'),
      },
      rows: writer.rowCount,
      encoding,
      unencodable: writer.unencodable
        .slice(0, REPORT_LIMIT)
        .map((u) => ({ line: u.line, orderNo: u.ref, column: u.column, chars: u.chars })),
      unencodableTotal: writer.unencodable.length,
    };
  }
}
