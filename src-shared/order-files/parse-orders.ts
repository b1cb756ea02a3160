import { parseTaxRate } from '../domain/tax.js';
import { IMPORT_FIELD_LABELS, IMPORT_ORDER_FIELDS, type ImportField, type RejectedRow } from '../api/imports.js';
import type { Channel } from '../domain/channels.js';
import { subtotalOf, totalOf } from '../domain/money.js';
import { parseTimeSlot, parseWishDate } from '../domain/delivery-wishes.js';
import type { NewOrder, OrderItem } from '../domain/order.js';
import { headerIndex, readHeader, scanCsv } from './csv-read.js';
import type { FieldValues, FileReader, Layout } from './layouts.js';
import { parseCount, parseOrderDate, parsePostalCode, parseYen, resolvePayment, splitPrefecture } from './values.js';

/** A decoded file and how its records are read. */
export interface SourceFile {
  name: string;
  text: string;
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

interface Rejection {
  ok: false;
  line: number;
  reason: string;
}

type Outcome = { ok: true; order: NewOrder } | Rejection;

/** Longest text each field may hold (what the central server accepts). */
const MAX_LENGTH = Object.entries({
  orderNo: 100,
  buyerName: 200,
  buyerKana: 200,
  buyerEmail: 300,
  buyerPhone: 40,
  shipName: 200,
  shipPostalCode: 20,
  shipPrefecture: 20,
  shipAddress1: 300,
  shipAddress2: 300,
  shipPhone: 40,
  orderComment: 5000,
  deliveryMethod: 100,
  sku: 200,
  title: 1000,
}) as [ImportField, number][];

const v = (row: Row, field: ImportField) => row.values[field] ?? '';

/** A rejection of the order at a line: one function, not a closure made per row (those showed in the 150,000-line profile). */
const rejection = (line: number, reason: string): Rejection => ({ ok: false, line, reason });

/**
 * The order's item lines; `priced` false when their prices are empty (the file has none:
 * 金額未取得). An order with some lines priced and some not is refused: a file cut off
 * right after a line's quantity reads that way, and would import the line at ¥0.
 */
function toItems(rows: Row[]): { ok: true; items: OrderItem[]; priced: boolean } | Rejection {
  const items: OrderItem[] = [];
  let unpricedLine: number | null = null;
  let pricedLine: number | null = null;
  const seen = new Set<number>();
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const lineText = v(row, 'lineNo');
    const lineNo = lineText === '' ? index + 1 : parseCount(lineText);
    if (lineNo === null || lineNo < 1) return rejection(row.line, `明細行番号「${lineText}」が正しくありません。`);
    if (seen.has(lineNo)) return rejection(row.line, `同じ注文に明細行番号 ${lineNo} が2回あります。`);
    seen.add(lineNo);
    const sku = v(row, 'sku');
    const title = v(row, 'title') || sku;
    if (sku === '') return rejection(row.line, '商品コード（SKU）が空です。');
    const quantity = parseCount(v(row, 'quantity'));
    if (quantity === null || quantity < 1)
      return rejection(row.line, `数量「${v(row, 'quantity')}」は1以上の整数にしてください。`);
    if (v(row, 'unitPrice') === '') unpricedLine ??= row.line;
    else pricedLine ??= row.line;
    const unitPrice = parseYen(v(row, 'unitPrice'));
    if (unitPrice === null || unitPrice < 0)
      return rejection(row.line, `単価「${v(row, 'unitPrice')}」が金額として読めません。`);
    const taxRate = parseTaxRate(v(row, 'taxRate'));
    if (taxRate === null)
      return rejection(row.line, `税率「${v(row, 'taxRate')}」が読めません。10% か 8%（軽減税率）で入力してください。`);
    items.push({ lineNo, sku, title, quantity, unitPrice, location: '', taxRate });
  }
  if (unpricedLine !== null && pricedLine !== null)
    return rejection(
      unpricedLine,
      '単価が空です。同じ注文のほかの明細には単価があります。ファイルが途中で切れていないか確かめてください。',
    );
  items.sort((a, b) => a.lineNo - b.lineNo);
  return { ok: true, items, priced: unpricedLine === null };
}

/** The first value of `row` longer than the central server accepts, as a rejection. */
function tooLong(row: Row): Rejection | null {
  for (const [field, max] of MAX_LENGTH) {
    if (v(row, field).length > max)
      return rejection(row.line, `${IMPORT_FIELD_LABELS[field]}が長すぎます（${max}文字まで）。`);
  }
  return null;
}

function toOrder(head: Row, itemRows: Row[], channel: Channel, paymentOf: (raw: string) => string | null): Outcome {
  let long = tooLong(head);
  for (let i = 0; !long && i < itemRows.length; i++) long = tooLong(itemRows[i]!);
  if (long) return long;
  const orderedAt = parseOrderDate(v(head, 'orderedAt'));
  if (!orderedAt) return rejection(head.line, `注文日時「${v(head, 'orderedAt')}」を日時として読めません。`);
  const shipName = v(head, 'shipName');
  if (shipName === '') return rejection(head.line, 'お届け先名が空です。');
  const postalCode = parsePostalCode(v(head, 'shipPostalCode'));
  if (!postalCode)
    return rejection(head.line, `お届け先郵便番号「${v(head, 'shipPostalCode')}」は7桁の数字にしてください。`);
  let prefecture = v(head, 'shipPrefecture');
  let address1 = v(head, 'shipAddress1');
  if (prefecture === '') ({ prefecture, rest: address1 } = splitPrefecture(address1));
  if (prefecture === '') return rejection(head.line, 'お届け先の都道府県がわかりません。');
  if (address1 === '') return rejection(head.line, 'お届け先住所が空です。');
  const payment = paymentOf(v(head, 'paymentMethod'));
  if (!payment) {
    return rejection(
      head.line,
      `決済方法「${v(head, 'paymentMethod')}」が決済方法マスタにありません。マスタの名前に合わせるか、マスタに追加してください。`,
    );
  }
  const money: Record<'shippingFee' | 'codFee' | 'discount', number> = { shippingFee: 0, codFee: 0, discount: 0 };
  for (const field of ['shippingFee', 'codFee', 'discount'] as const) {
    const value = parseYen(v(head, field));
    if (value === null)
      return rejection(head.line, `${IMPORT_FIELD_LABELS[field]}「${v(head, field)}」が金額として読めません。`);
    // Some exports write discounts as negative amounts; fees are never negative.
    if (field !== 'discount' && value < 0) return rejection(head.line, `${IMPORT_FIELD_LABELS[field]}がマイナスです。`);
    money[field] = Math.abs(value);
  }
  const deliveryDate = parseWishDate(v(head, 'deliveryDate'));
  if (deliveryDate === null)
    return rejection(head.line, `配送希望日「${v(head, 'deliveryDate')}」を日付として読めません。`);
  const deliveryTimeSlot = parseTimeSlot(v(head, 'deliveryTimeSlot'));
  if (deliveryTimeSlot === null) {
    return rejection(
      head.line,
      `配送時間帯「${v(head, 'deliveryTimeSlot')}」は午前中・12時～14時・14時～16時・16時～18時・18時～20時・19時～21時のどれでもありません。`,
    );
  }
  const items = toItems(itemRows);
  if (!items.ok) return items;
  const order: NewOrder = {
    channel,
    orderNo: v(head, 'orderNo'),
    orderedAt,
    buyer: {
      name: v(head, 'buyerName') || shipName,
      kana: v(head, 'buyerKana'),
      email: v(head, 'buyerEmail'),
      phone: v(head, 'buyerPhone'),
    },
    shipTo: {
      name: shipName,
      postalCode,
      prefecture,
      address1,
      address2: v(head, 'shipAddress2'),
      phone: v(head, 'shipPhone') || v(head, 'buyerPhone'),
    },
    paymentMethod: payment,
    items: items.items,
    ...money,
    orderComment: v(head, 'orderComment'),
    mailInquiry: false,
    orderFormDone: true,
    storeId: null,
    deliveryDate,
    deliveryTimeSlot,
    deliveryMethod: v(head, 'deliveryMethod'),
  };
  if (!items.priced) order.amountsUnknown = true;
  const declared = v(head, 'total');
  if (declared !== '' && items.priced) {
    const expected = parseYen(declared);
    const computed = totalOf({
      subtotal: subtotalOf(order.items),
      discount: order.discount,
      shippingFee: order.shippingFee,
      codFee: order.codFee,
    });
    if (expected === null) return rejection(head.line, `合計金額「${declared}」が金額として読めません。`);
    if (expected !== computed) {
      return rejection(
        head.line,
        `合計金額がファイルと合いません（ファイル ${expected.toLocaleString('ja-JP')}円・明細と送料などから計算 ${computed.toLocaleString('ja-JP')}円）。`,
      );
    }
  }
  return { ok: true, order };
}

const sumsAsText = (sums: Record<string, number>): FieldValues =>
  Object.fromEntries(Object.entries(sums).map(([f, n]) => [f, String(n)]));

/** What is kept of an order while its files are scanned: its first order row, checks, items. */
interface Group {
  head: Row | null;
  /** The first order row's record as scanned (combined files), to know a repeat of it unread. */
  headRecord: string[] | null;
  problem: { row: Row; reason: string } | null;
  sums: Record<string, number>;
  items: Row[];
}

/** Why a group of lines cannot be an order whatever its values, if so. */
function refusal(group: Group): { row: Row; reason: string } | null {
  if (!group.head)
    return { row: group.items[0]!, reason: '注文ファイルにこの注文番号がありません（商品ファイルだけにあります）。' };
  if (group.problem) return group.problem;
  if (group.items.length === 0)
    return { row: group.head, reason: '商品明細がありません（商品ファイルにこの注文番号の行がありません）。' };
  return null;
}

/**
 * Turns the files' rows into orders, streaming: a 150,000-line file keeps only each
 * order's first order row and its item fields, not every row. Lines are grouped by order
 * number; the order rows of one order must agree; every value is validated. An order with
 * any bad line is rejected whole, with the line and the reason; the others go on.
 */
export function parseOrders(
  layout: Layout,
  sources: SourceFile[],
  channel: Channel,
  payments: readonly { code: string; name: string }[],
): { orders: ParsedOrder[]; rejected: RejectedRow[]; rows: number[] } {
  const groups = new Map<string, Group>();
  const rejected: RejectedRow[] = [];
  const twoFiles = layout.files.length > 1;
  const summed = layout.summed ?? [];
  const compared = IMPORT_ORDER_FIELDS.filter((f) => !summed.includes(f));
  const rows = sources.map((source) => {
    let count = 0;
    let fields: string[] = [];
    const label = `「${source.name}」`;
    const header = readHeader(source.text, label);
    const index = headerIndex(header);
    const cache = new Map<string, number>();
    // The columns the order reader asked for on first order rows (a combined file repeats
    // them on every item line). A reader is a pure function of the columns it asks for: a
    // later line equal to its order's first line in all of these reads to the same values.
    const orderColumns: number[] = [];
    const asked = new Uint8Array(header.length);
    let noting = false;
    // One column reader for all records (not a closure per record).
    const col = (name: string) => {
      let i = cache.get(name);
      if (i === undefined) cache.set(name, (i = index(name)));
      if (i < 0) return '';
      if (noting && asked[i] === 0) {
        asked[i] = 1;
        orderColumns.push(i);
      }
      return fields[i]!.trim();
    };
    const repeatsHead = (record: string[], head: string[]) => {
      for (const i of orderColumns) if (record[i] !== head[i]) return false;
      return true;
    };
    const { order: readOrder, item: readItem } = source.reader;
    const combined = readOrder !== undefined && readItem !== undefined && summed.length === 0;
    scanCsv(source.text, label, (record, line) => {
      count += 1;
      fields = record;
      const item = readItem?.(col);
      let order = item ? null : readOrder!(col);
      const orderNo = (item ?? order)!.orderNo ?? '';
      if (orderNo === '') {
        rejected.push({ file: source.name, line, orderNo: '', reason: '注文番号が空です。' });
        return;
      }
      let group = groups.get(orderNo);
      if (!group) groups.set(orderNo, (group = { head: null, headRecord: null, problem: null, sums: {}, items: [] }));
      if (readOrder && !order) {
        const head = group.headRecord;
        // A repeat of the order's first row, or any row of an order refused already, needs no reading.
        if (!(combined && head && (group.problem || repeatsHead(record, head)))) {
          const first = combined && !group.head;
          noting = first;
          order = readOrder(col);
          noting = false;
          if (first) group.headRecord = record;
        }
      }
      if (order) addHead(group, { file: source.name, line, values: order });
      if (item) group.items.push({ file: source.name, line, values: item });
    });
    return count;
  });

  function addHead(group: Group, row: Row): void {
    for (const f of summed) {
      const value = parseYen(v(row, f));
      if (value === null)
        group.problem ??= { row, reason: `${IMPORT_FIELD_LABELS[f]}「${v(row, f)}」が金額として読めません。` };
      else group.sums[f] = (group.sums[f] ?? 0) + value;
    }
    const head = group.head;
    if (!head) {
      group.head = row;
      return;
    }
    if (twoFiles) {
      group.problem ??= { row, reason: `注文ファイルに同じ注文番号が2回以上あります（${head.line}行目にも）。` };
      return;
    }
    const field = compared.find((f) => v(row, f) !== v(head, f));
    if (field) {
      group.problem ??= {
        row,
        reason: `同じ注文番号の行で「${IMPORT_FIELD_LABELS[field]}」が食い違っています（${head.line}行目と${row.line}行目）。`,
      };
    }
  }

  // A file names a few payment methods many times: each wording is looked up once.
  const paymentCodes = new Map<string, string | null>();
  const paymentOf = (raw: string) => {
    let code = paymentCodes.get(raw);
    if (code === undefined) paymentCodes.set(raw, (code = resolvePayment(raw, channel, payments)));
    return code;
  };
  const orders: ParsedOrder[] = [];
  for (const [orderNo, group] of groups) {
    const refused = refusal(group);
    if (refused) {
      rejected.push({ file: refused.row.file, line: refused.row.line, orderNo, reason: refused.reason });
      continue;
    }
    const head = group.head!;
    // Per-line money (Amazon's shipping) replaces the first line's value with the order's sum.
    const orderHead = summed.length === 0 ? head : { ...head, values: { ...head.values, ...sumsAsText(group.sums) } };
    const outcome = toOrder(orderHead, group.items, channel, paymentOf);
    if (!outcome.ok) {
      rejected.push({ file: head.file, line: outcome.line, orderNo, reason: outcome.reason });
      continue;
    }
    orders.push({ order: outcome.order, file: head.file, line: head.line });
  }
  rejected.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file.localeCompare(b.file)));
  return { orders, rejected, rows };
}
