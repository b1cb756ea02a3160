import { IMPORT_FIELD_LABELS, type ImportField, type RejectedRow } from '../../src-shared/api/imports.js';
import type { Channel } from '../../src-shared/domain/channels.js';
import { subtotalOf, totalOf } from '../../src-shared/domain/money.js';
import type { NewOrder, OrderItem } from '../../src-shared/domain/order.js';
import type { CsvTable } from '../files/csv-read.js';
import { headerIndex } from '../files/csv-read.js';
import type { FieldValues, FileReader, Layout } from './layouts.js';
import { parseCount, parseOrderDate, parsePostalCode, parseYen, resolvePayment, splitPrefecture } from './values.js';

export interface SourceTable {
  name: string;
  table: CsvTable;
  reader: FileReader;
}

/** An order read from the file(s), valid and complete, with where it came from. */
export interface ParsedOrder {
  order: NewOrder;
  file: string;
  line: number;
}

interface Row {
  file: string;
  line: number;
  values: FieldValues;
}

type Outcome = { ok: true; order: NewOrder } | { ok: false; line: number; reason: string };

const ORDER_LEVEL: readonly ImportField[] = [
  'orderedAt', 'buyerName', 'buyerKana', 'buyerEmail', 'buyerPhone', 'shipName', 'shipPostalCode', 'shipPrefecture',
  'shipAddress1', 'shipAddress2', 'shipPhone', 'paymentMethod', 'shippingFee', 'codFee', 'discount', 'total', 'orderComment',
];

/** Longest text each field may hold (what the central server accepts). */
const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  orderNo: 100, buyerName: 200, buyerKana: 200, buyerEmail: 300, buyerPhone: 40, shipName: 200, shipPostalCode: 20,
  shipPrefecture: 20, shipAddress1: 300, shipAddress2: 300, shipPhone: 40, orderComment: 5000, sku: 200, title: 1000,
};

function readRows(source: SourceTable): Row[] {
  const index = headerIndex(source.table.header);
  const cache = new Map<string, number>();
  const idx = (name: string) => {
    let i = cache.get(name);
    if (i === undefined) cache.set(name, (i = index(name)));
    return i;
  };
  return source.table.records.map((record) => {
    const col = (name: string) => {
      const i = idx(name);
      return i < 0 ? '' : record.fields[i]!.trim();
    };
    return { file: source.name, line: record.line, values: source.reader.read(col) };
  });
}

const v = (row: Row, field: ImportField) => row.values[field] ?? '';

function toItems(rows: Row[]): { ok: true; items: OrderItem[] } | { ok: false; line: number; reason: string } {
  const items: OrderItem[] = [];
  const seen = new Set<number>();
  for (const [index, row] of rows.entries()) {
    const fail = (reason: string) => ({ ok: false as const, line: row.line, reason });
    const lineText = v(row, 'lineNo');
    const lineNo = lineText === '' ? index + 1 : parseCount(lineText);
    if (lineNo === null || lineNo < 1) return fail(`明細行番号「${lineText}」が正しくありません。`);
    if (seen.has(lineNo)) return fail(`同じ注文に明細行番号 ${lineNo} が2回あります。`);
    seen.add(lineNo);
    const sku = v(row, 'sku');
    const title = v(row, 'title') || sku;
    if (sku === '') return fail('商品コード（SKU）が空です。');
    const quantity = parseCount(v(row, 'quantity'));
    if (quantity === null || quantity < 1) return fail(`数量「${v(row, 'quantity')}」は1以上の整数にしてください。`);
    const unitPrice = parseYen(v(row, 'unitPrice'));
    if (unitPrice === null || unitPrice < 0) return fail(`単価「${v(row, 'unitPrice')}」が金額として読めません。`);
    items.push({ lineNo, sku, title, quantity, unitPrice, location: '' });
  }
  items.sort((a, b) => a.lineNo - b.lineNo);
  return { ok: true, items };
}

function toOrder(head: Row, itemRows: Row[], channel: Channel, payments: readonly { code: string; name: string }[]): Outcome {
  const fail = (reason: string, line = head.line): Outcome => ({ ok: false, line, reason });
  for (const row of [head, ...itemRows]) {
    for (const [field, max] of Object.entries(MAX_LENGTH) as [ImportField, number][]) {
      if (v(row, field).length > max) return fail(`${IMPORT_FIELD_LABELS[field]}が長すぎます（${max}文字まで）。`, row.line);
    }
  }
  const orderedAt = parseOrderDate(v(head, 'orderedAt'));
  if (!orderedAt) return fail(`注文日時「${v(head, 'orderedAt')}」を日時として読めません。`);
  const shipName = v(head, 'shipName');
  if (shipName === '') return fail('お届け先名が空です。');
  const postalCode = parsePostalCode(v(head, 'shipPostalCode'));
  if (!postalCode) return fail(`お届け先郵便番号「${v(head, 'shipPostalCode')}」は7桁の数字にしてください。`);
  let prefecture = v(head, 'shipPrefecture');
  let address1 = v(head, 'shipAddress1');
  if (prefecture === '') ({ prefecture, rest: address1 } = splitPrefecture(address1));
  if (prefecture === '') return fail('お届け先の都道府県がわかりません。');
  if (address1 === '') return fail('お届け先住所が空です。');
  const payment = resolvePayment(v(head, 'paymentMethod'), channel, payments);
  if (!payment) {
    return fail(`決済方法「${v(head, 'paymentMethod')}」が決済方法マスタにありません。マスタの名前に合わせるか、マスタに追加してください。`);
  }
  const money: Record<'shippingFee' | 'codFee' | 'discount', number> = { shippingFee: 0, codFee: 0, discount: 0 };
  for (const field of ['shippingFee', 'codFee', 'discount'] as const) {
    const value = parseYen(v(head, field));
    if (value === null) return fail(`${IMPORT_FIELD_LABELS[field]}「${v(head, field)}」が金額として読めません。`);
    // Some exports write discounts as negative amounts; fees are never negative.
    if (field !== 'discount' && value < 0) return fail(`${IMPORT_FIELD_LABELS[field]}がマイナスです。`);
    money[field] = Math.abs(value);
  }
  const items = toItems(itemRows);
  if (!items.ok) return items;
  const order: NewOrder = {
    channel,
    orderNo: v(head, 'orderNo'),
    orderedAt,
    buyer: { name: v(head, 'buyerName') || shipName, kana: v(head, 'buyerKana'), email: v(head, 'buyerEmail'), phone: v(head, 'buyerPhone') },
    shipTo: { name: shipName, postalCode, prefecture, address1, address2: v(head, 'shipAddress2'), phone: v(head, 'shipPhone') || v(head, 'buyerPhone') },
    paymentMethod: payment,
    items: items.items,
    ...money,
    orderComment: v(head, 'orderComment'),
    mailInquiry: false,
    orderFormDone: true,
    storeId: null,
  };
  const declared = v(head, 'total');
  if (declared !== '') {
    const expected = parseYen(declared);
    const computed = totalOf({ subtotal: subtotalOf(order.items), discount: order.discount, shippingFee: order.shippingFee, codFee: order.codFee });
    if (expected === null) return fail(`合計金額「${declared}」が金額として読めません。`);
    if (expected !== computed) {
      return fail(`合計金額がファイルと合いません（ファイル ${expected.toLocaleString('ja-JP')}円・明細と送料などから計算 ${computed.toLocaleString('ja-JP')}円）。`);
    }
  }
  return { ok: true, order };
}

/** Adds up per-line money fields of an order; the first unreadable value rejects it. */
function sumLines(rows: Row[], fields: readonly ImportField[]): FieldValues | { line: number; reason: string } {
  const out: FieldValues = {};
  for (const field of fields) {
    let sum = 0;
    for (const row of rows) {
      const value = parseYen(v(row, field));
      if (value === null) return { line: row.line, reason: `${IMPORT_FIELD_LABELS[field]}「${v(row, field)}」が金額として読めません。` };
      sum += value;
    }
    out[field] = String(sum);
  }
  return out;
}

/**
 * Turns the files' rows into orders: groups lines by order number, checks that the lines
 * of one order agree, and validates every value. An order with any bad line is rejected
 * whole, with the line and the reason; the others go on.
 */
export function parseOrders(
  layout: Layout,
  sources: SourceTable[],
  channel: Channel,
  payments: readonly { code: string; name: string }[],
): { orders: ParsedOrder[]; rejected: RejectedRow[] } {
  const groups = new Map<string, { heads: Row[]; items: Row[] }>();
  const rejected: RejectedRow[] = [];
  const twoFiles = layout.files.length > 1;
  const summed = layout.summed ?? [];
  for (const source of sources) {
    for (const row of readRows(source)) {
      const orderNo = v(row, 'orderNo');
      if (orderNo === '') {
        rejected.push({ file: row.file, line: row.line, orderNo: '', reason: '注文番号が空です。' });
        continue;
      }
      let group = groups.get(orderNo);
      if (!group) groups.set(orderNo, (group = { heads: [], items: [] }));
      if (source.reader.part !== 'item') group.heads.push(row);
      if (source.reader.part !== 'order') group.items.push(row);
    }
  }
  const orders: ParsedOrder[] = [];
  for (const [orderNo, { heads, items }] of groups) {
    const reject = (row: Row, reason: string) => rejected.push({ file: row.file, line: row.line, orderNo, reason });
    const head = heads[0];
    if (!head) {
      reject(items[0]!, '注文ファイルにこの注文番号がありません（商品ファイルだけにあります）。');
      continue;
    }
    if (twoFiles && heads.length > 1) {
      reject(heads[1]!, `注文ファイルに同じ注文番号が2回以上あります（${head.line}行目にも）。`);
      continue;
    }
    if (items.length === 0) {
      reject(head, '商品明細がありません（商品ファイルにこの注文番号の行がありません）。');
      continue;
    }
    const compared = ORDER_LEVEL.filter((f) => !summed.includes(f));
    const conflict = heads.slice(1).find((row) => compared.some((f) => v(row, f) !== v(head, f)));
    if (conflict) {
      const field = compared.find((f) => v(conflict, f) !== v(head, f))!;
      reject(conflict, `同じ注文番号の行で「${IMPORT_FIELD_LABELS[field]}」が食い違っています（${head.line}行目と${conflict.line}行目）。`);
      continue;
    }
    const totals = sumLines(heads, summed);
    if ('line' in totals) {
      rejected.push({ file: head.file, line: totals.line, orderNo, reason: totals.reason });
      continue;
    }
    const outcome = toOrder({ ...head, values: { ...head.values, ...totals } }, items, channel, payments);
    if (!outcome.ok) {
      rejected.push({ file: head.file, line: outcome.line, orderNo, reason: outcome.reason });
      continue;
    }
    orders.push({ order: outcome.order, file: head.file, line: head.line });
  }
  rejected.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file.localeCompare(b.file)));
  return { orders, rejected };
}
