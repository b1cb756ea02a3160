import type { CsvExportResult, ExportColumn } from '../../src-shared/api/csv-export.js';
import { EXPORT_COLUMNS } from '../../src-shared/api/csv-export.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { ListQuery } from '../../src-shared/api/orders.js';
import { CARRIER_LABELS, isCarrier } from '../../src-shared/domain/carriers.js';
import { CHANNEL_LABELS, type Channel } from '../../src-shared/domain/channels.js';
import { STATUS_LABELS, isMainStatus } from '../../src-shared/domain/status.js';
import type { ServiceContext } from '../core/context.js';
import { CsvWriter, type CsvEncoding, type CsvValue } from '../files/csv-write.js';
import { fileStamp } from '../printing/documents.js';
import { reminderCutoffs } from '../orders/handlers.js';

const COLUMN_NAMES = [
  'id', 'order_no', 'channel', 'ordered_at', 'status', 'sub_status_id', 'buyer_name', 'buyer_kana', 'buyer_email', 'buyer_phone',
  'ship_name', 'ship_postal_code', 'ship_prefecture', 'ship_address1', 'ship_address2', 'ship_phone', 'payment_method', 'subtotal',
  'discount', 'shipping_fee', 'cod_fee', 'total', 'order_comment', 'staff_comment', 'store_id', 'carrier', 'tracking_no',
  'bundle_group', 'paid_at', 'shipped_at',
] as const;
type ColumnName = (typeof COLUMN_NAMES)[number];
/** Position of each column in a raw row; the item summary goes last. */
const AT = Object.fromEntries(COLUMN_NAMES.map((name, i) => [name, i])) as Record<ColumnName, number>;
const ITEMS_AT = COLUMN_NAMES.length;
/** Rows as arrays (better-sqlite3 raw mode): half the work of an object per row. */
type Row = (string | number | null)[];

const LABELS = new Map<ExportColumn, string>(EXPORT_COLUMNS.map(([id, label]) => [id, label]));
const REPORT_LIMIT = 200;

/** "2026/11/20 12:34" in Japan time: what Excel shows as a date without help. */
function jst(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString();
  return `${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)} ${d.slice(11, 16)}`;
}

/**
 * The orders (and, when asked for, their items) in two set queries: the ids travel as one
 * JSON array parameter, so 100,000 orders need neither 100,000 queries nor IN-list chunks.
 */
function loadRows(ctx: ServiceContext, ids: readonly number[], withItems: boolean): Row[] {
  const { sqlite } = ctx.database;
  const json = JSON.stringify(ids);
  const rows = sqlite
    .prepare(`SELECT ${COLUMN_NAMES.join(', ')} FROM orders WHERE id IN (SELECT value FROM json_each(?))`)
    .raw()
    .all(json) as Row[];
  if (withItems) {
    const summary = new Map<number, string>();
    const items = sqlite
      .prepare(
        `SELECT order_id, sku || ' ' || title || ' ×' || quantity FROM order_items
         WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, line_no`,
      )
      .raw()
      .all(json) as [number, string][];
    for (const [id, text] of items) {
      const before = summary.get(id);
      summary.set(id, before === undefined ? text : `${before} / ${text}`);
    }
    for (const row of rows) row[ITEMS_AT] = summary.get(row[AT.id] as number) ?? '';
  }
  // The list's own order: newest first, as the grid shows it by default.
  const at = AT.ordered_at;
  return rows.sort((a, b) => (a[at]! < b[at]! ? 1 : a[at]! > b[at]! ? -1 : (b[AT.id] as number) - (a[AT.id] as number)));
}

/**
 * E9 CSV出力: the listed (or checked) orders with the chosen columns, for Excel — CRLF,
 * Shift_JIS (CP932) or UTF-8 with BOM, text cells neutralised against formula injection,
 * and every character CP932 cannot hold reported with its line, order and column.
 */
export function exportOrdersCsv(
  ctx: ServiceContext,
  input: ListQuery & { orderIds?: number[]; columns: ExportColumn[]; encoding?: CsvEncoding },
): CsvExportResult {
  const encoding = input.encoding ?? ctx.settings.get('csvEncoding');
  const ids = input.orderIds ?? ctx.services.orders.ids({ tab: input.tab, criteria: input.criteria }, reminderCutoffs(ctx));
  if (ids.length === 0) throw new UserError('一覧に注文がありません。出力する注文を表示してから CSV出力 を選んでください。', 'empty');
  const columns = [...new Set(input.columns)];
  const { sqlite } = ctx.database;
  const subStatuses = new Map((sqlite.prepare('SELECT id, name FROM sub_statuses').all() as { id: number; name: string }[]).map((s) => [s.id, s.name]));
  const payments = new Map((sqlite.prepare('SELECT code, name FROM payment_methods').all() as { code: string; name: string }[]).map((p) => [p.code, p.name]));
  const stores = new Map((sqlite.prepare('SELECT id, name FROM stores').all() as { id: string; name: string }[]).map((s) => [s.id, s.name]));
  const text = (name: ColumnName) => (r: Row) => (r[AT[name]] as string | null) ?? '';
  const num = (name: ColumnName) => (r: Row) => r[AT[name]] as number;
  const cell: Record<ExportColumn, (r: Row) => CsvValue> = {
    orderNo: text('order_no'),
    channel: (r) => CHANNEL_LABELS[r[AT.channel] as Channel] ?? String(r[AT.channel]),
    orderedAt: (r) => jst(r[AT.ordered_at] as string),
    status: (r) => {
      const status = r[AT.status] as string;
      return isMainStatus(status) ? STATUS_LABELS[status] : status;
    },
    subStatus: (r) => (r[AT.sub_status_id] === null ? '' : (subStatuses.get(r[AT.sub_status_id] as number) ?? '')),
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
    paymentMethod: (r) => payments.get(r[AT.payment_method] as string) ?? String(r[AT.payment_method]),
    items: (r) => (r[ITEMS_AT] as string | undefined) ?? '',
    subtotal: num('subtotal'),
    discount: num('discount'),
    shippingFee: num('shipping_fee'),
    codFee: num('cod_fee'),
    total: num('total'),
    orderComment: text('order_comment'),
    staffComment: text('staff_comment'),
    store: (r) => (r[AT.store_id] ? (stores.get(r[AT.store_id] as string) ?? String(r[AT.store_id])) : ''),
    carrier: (r) => {
      const carrier = r[AT.carrier] as string | null;
      return carrier && isCarrier(carrier) ? CARRIER_LABELS[carrier] : (carrier ?? '');
    },
    trackingNo: text('tracking_no'),
    bundleGroup: text('bundle_group'),
    paidAt: (r) => jst(r[AT.paid_at] as string | null),
    shippedAt: (r) => jst(r[AT.shipped_at] as string | null),
  };
  const writer = new CsvWriter(
    columns.map((c) => LABELS.get(c)!),
    { encoding, neutralizeFormulas: true, quoteAll: false },
  );
  const getters = columns.map((c) => cell[c]);
  for (const row of loadRows(ctx, ids, columns.includes('items'))) writer.addRow(getters.map((get) => get(row)), row[AT.order_no] as string);
  const bytes = writer.toBuffer();
  return {
    file: { fileName: `注文一覧_${fileStamp(ctx.clock.now())}.csv`, mimeType: 'text/csv', base64: bytes.toString('base64') },
    rows: writer.rowCount,
    encoding,
    unencodable: writer.unencodable.slice(0, REPORT_LIMIT).map((u) => ({ line: u.line, orderNo: u.ref, column: u.column, chars: u.chars })),
    unencodableTotal: writer.unencodable.length,
  };
}
