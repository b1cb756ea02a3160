import type { CsvExportResult, ExportColumn } from '../../src-shared/api/csv-export.js';
import { EXPORT_COLUMNS } from '../../src-shared/api/csv-export.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { ListQuery } from '../../src-shared/api/orders.js';
import { CARRIER_LABELS, isCarrier } from '../../src-shared/domain/carriers.js';
import { CHANNEL_LABELS, type Channel } from '../../src-shared/domain/channels.js';
import { STATUS_LABELS, isMainStatus } from '../../src-shared/domain/status.js';
import { chunked } from '../core/chunked.js';
import type { ServiceContext } from '../core/context.js';
import { CsvWriter, type CsvEncoding, type CsvValue } from '../files/csv-write.js';
import { fileStamp } from '../printing/documents.js';
import { reminderCutoffs } from '../orders/handlers.js';

interface Row {
  id: number;
  order_no: string;
  channel: string;
  ordered_at: string;
  status: string;
  sub_status_id: number | null;
  buyer_name: string;
  buyer_kana: string;
  buyer_email: string;
  buyer_phone: string;
  ship_name: string;
  ship_postal_code: string;
  ship_prefecture: string;
  ship_address1: string;
  ship_address2: string;
  ship_phone: string;
  payment_method: string;
  subtotal: number;
  discount: number;
  shipping_fee: number;
  cod_fee: number;
  total: number;
  order_comment: string;
  staff_comment: string;
  store_id: string | null;
  carrier: string | null;
  tracking_no: string | null;
  bundle_group: string | null;
  paid_at: string | null;
  shipped_at: string | null;
  items?: string | null;
}

const LABELS = new Map<ExportColumn, string>(EXPORT_COLUMNS.map(([id, label]) => [id, label]));
const REPORT_LIMIT = 200;

/** "2026/11/20 12:34" in Japan time: what Excel shows as a date without help. */
function jst(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString();
  return `${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)} ${d.slice(11, 16)}`;
}

function loadRows(ctx: ServiceContext, ids: readonly number[], withItems: boolean): Row[] {
  const rows: Row[] = [];
  const items = withItems
    ? `, (SELECT group_concat(sku || ' ' || title || ' ×' || quantity, ' / ') FROM (SELECT sku, title, quantity FROM order_items WHERE order_id = o.id ORDER BY line_no)) AS items`
    : '';
  for (const part of chunked(ids, 900)) {
    const stmt = ctx.database.sqlite.prepare(`SELECT o.*${items} FROM orders o WHERE o.id IN (${part.map(() => '?').join(',')})`);
    for (const row of stmt.iterate(...part)) rows.push(row as Row);
  }
  // The list's own order: newest first, as the grid shows it by default.
  return rows.sort((a, b) => (a.ordered_at < b.ordered_at ? 1 : a.ordered_at > b.ordered_at ? -1 : b.id - a.id));
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
  const cell: Record<ExportColumn, (r: Row) => CsvValue> = {
    orderNo: (r) => r.order_no,
    channel: (r) => CHANNEL_LABELS[r.channel as Channel] ?? r.channel,
    orderedAt: (r) => jst(r.ordered_at),
    status: (r) => (isMainStatus(r.status) ? STATUS_LABELS[r.status] : r.status),
    subStatus: (r) => (r.sub_status_id === null ? '' : (subStatuses.get(r.sub_status_id) ?? '')),
    buyerName: (r) => r.buyer_name,
    buyerKana: (r) => r.buyer_kana,
    buyerEmail: (r) => r.buyer_email,
    buyerPhone: (r) => r.buyer_phone,
    shipName: (r) => r.ship_name,
    shipPostalCode: (r) => r.ship_postal_code,
    shipPrefecture: (r) => r.ship_prefecture,
    shipAddress1: (r) => r.ship_address1,
    shipAddress2: (r) => r.ship_address2,
    shipPhone: (r) => r.ship_phone,
    paymentMethod: (r) => payments.get(r.payment_method) ?? r.payment_method,
    items: (r) => r.items ?? '',
    subtotal: (r) => r.subtotal,
    discount: (r) => r.discount,
    shippingFee: (r) => r.shipping_fee,
    codFee: (r) => r.cod_fee,
    total: (r) => r.total,
    orderComment: (r) => r.order_comment,
    staffComment: (r) => r.staff_comment,
    store: (r) => (r.store_id ? (stores.get(r.store_id) ?? r.store_id) : ''),
    carrier: (r) => (r.carrier && isCarrier(r.carrier) ? CARRIER_LABELS[r.carrier] : (r.carrier ?? '')),
    trackingNo: (r) => r.tracking_no ?? '',
    bundleGroup: (r) => r.bundle_group ?? '',
    paidAt: (r) => jst(r.paid_at),
    shippedAt: (r) => jst(r.shipped_at),
  };
  const writer = new CsvWriter(
    columns.map((c) => LABELS.get(c)!),
    { encoding, neutralizeFormulas: true, quoteAll: false },
  );
  const getters = columns.map((c) => cell[c]);
  for (const row of loadRows(ctx, ids, columns.includes('items'))) writer.addRow(getters.map((get) => get(row)), row.order_no);
  const bytes = writer.toBuffer();
  return {
    file: { fileName: `注文一覧_${fileStamp(ctx.clock.now())}.csv`, mimeType: 'text/csv', base64: bytes.toString('base64') },
    rows: writer.rowCount,
    encoding,
    unencodable: writer.unencodable.slice(0, REPORT_LIMIT).map((u) => ({ line: u.line, orderNo: u.ref, column: u.column, chars: u.chars })),
    unencodableTotal: writer.unencodable.length,
  };
}
