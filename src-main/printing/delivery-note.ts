import { amountOf, formatYen } from '../../src-shared/domain/money.js';
import { formatJst } from '../../src-shared/text/jst.js';
import type { OrderItem } from '../../src-shared/domain/order.js';
import type { PaperSize } from '../../src-shared/domain/print-kinds.js';
import { REDUCED_RATE_LEGEND, REDUCED_RATE_MARK, documentRateTotals } from '../../src-shared/domain/tax.js';
import {
  barcode,
  barcodeWidth,
  contentBottom,
  createPdf,
  finishPdf,
  line,
  pageFooters,
  rule,
  wrappedHeight,
} from './pdf-doc.js';
import type { DocumentMeta, RenderedPdf } from './picking-list.js';
import type { PrintData, PrintOrder, StoreInfoRow } from './print-data.js';
import { shipToLines } from './print-data.js';

interface NoteOptions {
  /** 納品書 with unit prices and totals, or quantities only (a gift, say). */
  withPrices: boolean;
  /** 適格請求書発行事業者の登録番号 ('' = not registered: no 登録番号 line). */
  registrationNumber: string;
  paper: PaperSize;
}

/** The page's content box and the item table's columns, from the paper. */
interface Frame {
  left: number;
  right: number;
  width: number;
  compact: boolean;
  col: { sku: number; title: number; qty: number; price: number; amount: number };
  w: { qty: number; price: number; amount: number };
}

function frameOf(doc: PDFKit.PDFDocument): Frame {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const width = right - left;
  // A label has no room for the 商品コード column: the title takes it.
  const compact = width < 300;
  const w = compact ? { qty: 22, price: 44, amount: 50 } : { qty: 40, price: 55, amount: 60 };
  const amount = right - w.amount;
  const price = amount - w.price - 5;
  const qty = price - w.qty - 5;
  return { left, right, width, compact, w, col: { sku: left, title: compact ? left : left + 100, qty, price, amount } };
}

/** One parcel: an order, or the orders of a bundle (同梱) that ship together. */
function parcels(orders: readonly PrintOrder[]): PrintOrder[][] {
  const groups = new Map<string, PrintOrder[]>();
  const out: PrintOrder[][] = [];
  for (const order of orders) {
    if (!order.bundleGroup) {
      out.push([order]);
      continue;
    }
    let group = groups.get(order.bundleGroup);
    if (!group) {
      group = [];
      groups.set(order.bundleGroup, group);
      out.push(group);
    }
    group.push(order);
  }
  return out;
}

function storeBlock(
  doc: PDFKit.PDFDocument,
  f: Frame,
  store: StoreInfoRow | null,
  registrationNumber: string,
  y: number,
): void {
  const width = Math.min(200, f.width / 2 - 5);
  const x = f.right - width;
  let at = y;
  if (store) {
    line(doc, store.name, x, at, { size: 11, bold: true, width });
    at += 16;
    if (store.postalCode || store.address) {
      line(doc, `〒${store.postalCode}　${store.address}`, x, at, { size: 8, width });
      at += 12;
    }
    if (store.phone) {
      line(doc, `TEL ${store.phone}`, x, at, { size: 8, width });
      at += 12;
    }
  }
  if (registrationNumber) line(doc, `登録番号 ${registrationNumber}`, x, at, { size: 8, width });
}

function itemsHead(doc: PDFKit.PDFDocument, f: Frame, y: number, withPrices: boolean): number {
  doc
    .save()
    .rect(f.left, y - 3, f.width, 15)
    .fill('#eeeeee')
    .restore();
  const head = { size: 8, bold: true };
  if (!f.compact) line(doc, '商品コード', f.col.sku, y, head);
  line(doc, '商品名', f.col.title, y, head);
  line(doc, '数量', f.col.qty, y, { ...head, width: f.w.qty, align: 'right' });
  if (withPrices) {
    line(doc, '単価', f.col.price, y, { ...head, width: f.w.price, align: 'right' });
    line(doc, '金額', f.col.amount, y, { ...head, width: f.w.amount, align: 'right' });
  }
  return y + 16;
}

function noteHead(
  doc: PDFKit.PDFDocument,
  f: Frame,
  group: PrintOrder[],
  store: StoreInfoRow | null,
  meta: DocumentMeta,
  options: NoteOptions,
  continued: boolean,
): number {
  const first = group[0]!;
  const top = doc.page.margins.top;
  line(doc, continued ? '納品書（続き）' : '納品書', f.left, top, {
    size: f.compact ? 14 : 20,
    bold: true,
    width: f.width,
    align: 'center',
  });
  const codeWidth = barcodeWidth(first.orderNo);
  const head = top + (f.compact ? 24 : 34);
  barcode(doc, first.orderNo, f.right - codeWidth, head, { height: 24 });
  const beside = f.width - codeWidth - 10;
  line(doc, `発行日 ${formatJst(meta.printedAt, false)}`, f.left, head, { size: 9, width: beside });
  const numbers = group.map((o) => o.orderNo).join('、');
  line(doc, `注文番号 ${numbers}`, f.left, head + 13, { size: 9, width: beside });
  line(doc, `ご注文日 ${formatJst(first.orderedAt, false)}`, f.left, head + 26, { size: 9, width: beside });
  let y = head + 50;
  const to = shipToLines(first);
  const toWidth = f.width - Math.min(200, f.width / 2 - 5) - 10;
  to.forEach((text, i) =>
    line(doc, text, f.left, y + i * 14, {
      size: i === to.length - 1 ? 12 : 9,
      bold: i === to.length - 1,
      width: toWidth,
    }),
  );
  storeBlock(doc, f, store, options.registrationNumber, y);
  y += Math.max(to.length * 14, options.registrationNumber ? 54 : 40) + 10;
  if (!continued) {
    line(doc, 'この度はお買い上げいただき、誠にありがとうございます。下記のとおり納品いたします。', f.left, y, {
      size: f.compact ? 7 : 9,
      width: f.width,
    });
    y += 18;
  }
  return y;
}

function totalsLines(group: PrintOrder[]): [string, number][] {
  const sum = (fn: (o: PrintOrder) => number) => group.reduce((s, o) => s + fn(o), 0);
  const rows: [string, number][] = [['小計', sum((o) => o.subtotal)]];
  if (sum((o) => o.discount)) rows.push(['値引', -sum((o) => o.discount)]);
  rows.push(['送料', sum((o) => o.shippingFee)]);
  if (sum((o) => o.codFee)) rows.push(['代引手数料', sum((o) => o.codFee)]);
  rows.push(['合計', sum((o) => o.total)]);
  return rows;
}

/** 合計 and, for the インボイス, each rate's total with its 消費税額 (rounded once per rate). */
function totalsBlock(doc: PDFKit.PDFDocument, f: Frame, group: PrintOrder[], y: number): number {
  const labelX = f.col.price - 60;
  const labelWidth = f.col.amount - labelX - 5;
  for (const [label, value] of totalsLines(group)) {
    const last = label === '合計';
    line(doc, label, labelX, y, { size: last ? 11 : 9, bold: last, width: labelWidth, align: 'right' });
    line(doc, formatYen(value), f.col.amount, y, {
      size: last ? 11 : 9,
      bold: last,
      width: f.w.amount,
      align: 'right',
    });
    y += last ? 18 : 13;
  }
  const rates = documentRateTotals(group);
  for (const { rate, amount, tax } of rates) {
    const text = `${rate}%対象 ${formatYen(amount)}（うち消費税 ${formatYen(tax)}）`;
    line(doc, text, f.left, y, { size: 9, width: f.width, align: 'right' });
    y += 13;
  }
  if (rates.some((r) => r.rate === 8)) {
    line(doc, REDUCED_RATE_LEGEND, f.left, y, { size: 8, width: f.width, align: 'right' });
    y += 13;
  }
  return y;
}

function itemLine(doc: PDFKit.PDFDocument, f: Frame, item: OrderItem, y: number, withPrices: boolean): void {
  const reduced = item.taxRate === 8;
  if (!f.compact) line(doc, item.sku, f.col.sku, y, { size: 9, width: 96 });
  const title = reduced ? `${REDUCED_RATE_MARK} ${item.title}` : item.title;
  line(doc, title, f.col.title, y, { size: 9, width: f.col.qty - f.col.title - 4 });
  line(doc, String(item.quantity), f.col.qty, y, { size: 9, width: f.w.qty, align: 'right' });
  if (withPrices) {
    line(doc, formatYen(item.unitPrice), f.col.price, y, { size: 9, width: f.w.price, align: 'right' });
    line(doc, formatYen(amountOf(item)), f.col.amount, y, { size: 9, width: f.w.amount, align: 'right' });
  }
}

function renderParcel(
  doc: PDFKit.PDFDocument,
  group: PrintOrder[],
  store: StoreInfoRow | null,
  meta: DocumentMeta,
  options: NoteOptions,
): void {
  const f = frameOf(doc);
  // An order whose amounts are unknown (金額未取得) gets a note without the money, not a ¥0 one.
  if (options.withPrices && group.some((o) => o.amountsUnknown)) options = { ...options, withPrices: false };
  let y = itemsHead(doc, f, noteHead(doc, f, group, store, meta, options, false), options.withPrices);
  const multiple = group.length > 1;
  // Room kept under the last line for the totals and the per-rate lines.
  const totalsRoom = options.withPrices ? 130 : 20;
  for (const order of group) {
    if (multiple) {
      line(doc, `注文番号 ${order.orderNo}`, f.left, y, { size: 8, bold: true, color: '#333333' });
      y += 12;
    }
    for (const item of order.items) {
      if (y + 14 > contentBottom(doc) - totalsRoom) {
        doc.addPage();
        y = itemsHead(doc, f, noteHead(doc, f, group, store, meta, options, true), options.withPrices);
      }
      itemLine(doc, f, item, y, options.withPrices);
      y += 14;
      rule(doc, y - 3, '#dddddd');
    }
  }
  y += 6;
  if (options.withPrices) y = totalsBlock(doc, f, group, y);
  const remarks = [...new Set(group.map((o) => o.orderComment).filter(Boolean))].join('\n');
  const room = contentBottom(doc) - y - 22;
  if (remarks && room > 12) {
    y += 8;
    line(doc, '備考', f.left, y, { size: 9, bold: true });
    const height = Math.min(wrappedHeight(doc, remarks, f.width, 9), room);
    doc
      .save()
      .rect(f.left, y + 12, f.width, height + 8)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke()
      .restore();
    doc.font('jp').fontSize(9);
    doc.text(remarks, f.left + 4, y + 16, { width: f.width - 8, height, ellipsis: '…' });
  }
}

/**
 * 納品書 (E8): one page per parcel (an order, or all orders of a bundle), on the paper set
 * for it, with the store's name, address and 登録番号, the ship-to, the items with quantities
 * and — when the setting says so — prices, totals and each tax rate's total and 消費税額
 * (適格請求書); lines at the reduced rate carry ※. The order-time comment is printed as 備考.
 */
export async function renderDeliveryNotes(
  data: PrintData,
  meta: DocumentMeta,
  options: NoteOptions,
): Promise<RenderedPdf> {
  const doc = createPdf('納品書', `${data.orders.length}件の注文`, meta.fonts, options.paper);
  parcels(data.orders).forEach((group, index) => {
    if (index > 0) doc.addPage();
    const store = (group[0]!.storeId ? data.stores.get(group[0]!.storeId) : undefined) ?? data.store;
    renderParcel(doc, group, store ?? null, meta, options);
  });
  const pages = pageFooters(doc, `納品書　${formatJst(meta.printedAt)}`);
  return { pdf: await finishPdf(doc), pages };
}
