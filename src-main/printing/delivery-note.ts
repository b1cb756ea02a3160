import { amountOf, formatYen } from '../../src-shared/domain/money.js';
import { formatJst } from '../../src-shared/text/jst.js';
import {
  A4,
  MARGIN,
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

const RIGHT = A4.width - MARGIN;
const WIDTH = RIGHT - MARGIN;

interface NoteOptions {
  /** 納品書 with unit prices and totals, or quantities only (a gift, say). */
  withPrices: boolean;
}

/** One parcel: an order, or the orders of a bundle (同梱) that ship together. */
export function parcels(orders: readonly PrintOrder[]): PrintOrder[][] {
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

function storeBlock(doc: PDFKit.PDFDocument, store: StoreInfoRow | null, y: number): void {
  if (!store) return;
  const x = RIGHT - 200;
  line(doc, store.name, x, y, { size: 11, bold: true, width: 200 });
  if (store.postalCode || store.address)
    line(doc, `〒${store.postalCode}　${store.address}`, x, y + 16, { size: 8, width: 200 });
  if (store.phone) line(doc, `TEL ${store.phone}`, x, y + 28, { size: 8, width: 200 });
}

const COL = { sku: MARGIN, title: MARGIN + 100, qty: RIGHT - 170, price: RIGHT - 120, amount: RIGHT - 60 };

function itemsHead(doc: PDFKit.PDFDocument, y: number, withPrices: boolean): number {
  doc
    .save()
    .rect(MARGIN, y - 3, WIDTH, 15)
    .fill('#eeeeee')
    .restore();
  line(doc, '商品コード', COL.sku, y, { size: 8, bold: true });
  line(doc, '商品名', COL.title, y, { size: 8, bold: true });
  line(doc, '数量', COL.qty, y, { size: 8, bold: true, width: 40, align: 'right' });
  if (withPrices) {
    line(doc, '単価', COL.price, y, { size: 8, bold: true, width: 55, align: 'right' });
    line(doc, '金額', COL.amount, y, { size: 8, bold: true, width: 60, align: 'right' });
  }
  return y + 16;
}

function noteHead(
  doc: PDFKit.PDFDocument,
  group: PrintOrder[],
  store: StoreInfoRow | null,
  meta: DocumentMeta,
  continued: boolean,
): number {
  const first = group[0]!;
  line(doc, continued ? '納品書（続き）' : '納品書', MARGIN, MARGIN, {
    size: 20,
    bold: true,
    width: WIDTH,
    align: 'center',
  });
  const codeWidth = barcodeWidth(first.orderNo);
  barcode(doc, first.orderNo, RIGHT - codeWidth, MARGIN + 34, { height: 24 });
  line(doc, `発行日 ${formatJst(meta.printedAt, false)}`, MARGIN, MARGIN + 34, { size: 9 });
  const numbers = group.map((o) => o.orderNo).join('、');
  line(doc, `注文番号 ${numbers}`, MARGIN, MARGIN + 47, { size: 9, width: WIDTH - codeWidth - 10 });
  line(doc, `ご注文日 ${formatJst(first.orderedAt, false)}`, MARGIN, MARGIN + 60, { size: 9 });
  let y = MARGIN + 84;
  const to = shipToLines(first);
  to.forEach((text, i) =>
    line(doc, text, MARGIN, y + i * 14, { size: i === to.length - 1 ? 12 : 9, bold: i === to.length - 1, width: 300 }),
  );
  storeBlock(doc, store, y);
  y += Math.max(to.length * 14, 40) + 10;
  if (!continued) {
    line(doc, 'この度はお買い上げいただき、誠にありがとうございます。下記のとおり納品いたします。', MARGIN, y, {
      size: 9,
      width: WIDTH,
    });
    y += 18;
  }
  return y;
}

function totalsLines(group: PrintOrder[]): [string, number][] {
  const sum = (f: (o: PrintOrder) => number) => group.reduce((s, o) => s + f(o), 0);
  const rows: [string, number][] = [['小計', sum((o) => o.subtotal)]];
  if (sum((o) => o.discount)) rows.push(['値引', -sum((o) => o.discount)]);
  rows.push(['送料', sum((o) => o.shippingFee)]);
  if (sum((o) => o.codFee)) rows.push(['代引手数料', sum((o) => o.codFee)]);
  rows.push(['合計', sum((o) => o.total)]);
  return rows;
}

function renderParcel(
  doc: PDFKit.PDFDocument,
  group: PrintOrder[],
  store: StoreInfoRow | null,
  meta: DocumentMeta,
  options: NoteOptions,
): void {
  let y = noteHead(doc, group, store, meta, false);
  y = itemsHead(doc, y, options.withPrices);
  const multiple = group.length > 1;
  for (const order of group) {
    if (multiple) {
      line(doc, `注文番号 ${order.orderNo}`, MARGIN, y, { size: 8, bold: true, color: '#333333' });
      y += 12;
    }
    for (const item of order.items) {
      if (y + 14 > contentBottom() - 90) {
        doc.addPage();
        y = itemsHead(doc, noteHead(doc, group, store, meta, true), options.withPrices);
      }
      line(doc, item.sku, COL.sku, y, { size: 9, width: 96 });
      line(doc, item.title, COL.title, y, { size: 9, width: COL.qty - COL.title - 4 });
      line(doc, String(item.quantity), COL.qty, y, { size: 9, width: 40, align: 'right' });
      if (options.withPrices) {
        line(doc, formatYen(item.unitPrice), COL.price, y, { size: 9, width: 55, align: 'right' });
        line(doc, formatYen(amountOf(item)), COL.amount, y, { size: 9, width: 60, align: 'right' });
      }
      y += 14;
      rule(doc, y - 3, '#dddddd');
    }
  }
  y += 6;
  if (options.withPrices) {
    for (const [label, value] of totalsLines(group)) {
      const last = label === '合計';
      line(doc, label, COL.price - 40, y, { size: last ? 11 : 9, bold: last, width: 95, align: 'right' });
      line(doc, formatYen(value), COL.amount, y, { size: last ? 11 : 9, bold: last, width: 60, align: 'right' });
      y += last ? 18 : 13;
    }
  }
  const remarks = [...new Set(group.map((o) => o.orderComment).filter(Boolean))].join('\n');
  if (remarks) {
    y += 8;
    line(doc, '備考', MARGIN, y, { size: 9, bold: true });
    const height = Math.min(wrappedHeight(doc, remarks, WIDTH, 9), contentBottom() - y - 14);
    doc
      .save()
      .rect(MARGIN, y + 12, WIDTH, height + 8)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke()
      .restore();
    doc.font('jp').fontSize(9);
    doc.text(remarks, MARGIN + 4, y + 16, { width: WIDTH - 8, height, ellipsis: '…' });
  }
}

/**
 * 納品書 (E8): one page per parcel (an order, or all orders of a bundle), with the store's
 * name and address, the ship-to, the items with quantities and — when the setting says so —
 * prices and totals; the order-time comment is printed as 備考.
 */
export async function renderDeliveryNotes(
  data: PrintData,
  meta: DocumentMeta,
  options: NoteOptions,
): Promise<RenderedPdf> {
  const doc = createPdf('納品書', `${data.orders.length}件の注文`, meta.fonts);
  parcels(data.orders).forEach((group, index) => {
    if (index > 0) doc.addPage();
    const store = (group[0]!.storeId ? data.stores.get(group[0]!.storeId) : undefined) ?? data.store;
    renderParcel(doc, group, store ?? null, meta, options);
  });
  const pages = pageFooters(doc, `納品書　${formatJst(meta.printedAt)}`);
  return { pdf: await finishPdf(doc), pages };
}
