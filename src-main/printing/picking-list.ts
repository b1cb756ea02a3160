import { CHANNEL_LABELS } from '../../src-shared/domain/channels.js';
import { describeWish } from '../../src-shared/domain/delivery-wishes.js';
import { formatJst } from '../../src-shared/text/jst.js';
import {
  barcode,
  barcodeWidth,
  contentBottom,
  createPdf,
  finishPdf,
  line,
  pageFooters,
  rule,
  wrapped,
  wrappedHeight,
} from './pdf-doc.js';
import { shipToLines, type PrintData, type PrintOrder } from './print-data.js';
import type { FontFiles } from './assets.js';
import type { PaperSize } from '../../src-shared/domain/print-kinds.js';
import { compareNatural } from '../../src-shared/text/natural-order.js';

export interface DocumentMeta {
  printedAt: Date;
  operator: string;
  /** The app's bundled font (fontFiles(ctx.paths.assets)). */
  fonts: FontFiles;
}

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
}

interface SkuLine {
  location: string;
  sku: string;
  title: string;
  quantity: number;
  orders: { orderNo: string; quantity: number }[];
}

/** The page's content box and the columns of the item tables, from the paper the list is printed on. */
interface PageBox {
  margin: number;
  right: number;
  width: number;
  col: { location: number; sku: number; title: number; qty: number };
}

function boxOf(doc: PDFKit.PDFDocument): PageBox {
  const margin = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  return {
    margin,
    right,
    width: right - margin,
    col: { location: margin, sku: margin + 62, title: margin + 160, qty: right - 40 },
  };
}

/** Items of all orders grouped per SKU, sorted by picking location (natural order: A-2 before A-10) then SKU (the walk). */
function groupBySku(orders: readonly PrintOrder[]): SkuLine[] {
  const lines = new Map<string, SkuLine>();
  for (const order of orders) {
    for (const item of order.items) {
      const key = `${item.location}\u0000${item.sku}`;
      let entry = lines.get(key);
      if (!entry) {
        entry = { location: item.location, sku: item.sku, title: item.title, quantity: 0, orders: [] };
        lines.set(key, entry);
      }
      entry.quantity += item.quantity;
      entry.orders.push({ orderNo: order.orderNo, quantity: item.quantity });
    }
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Items without a location go last: they need looking for.
  return [...lines.values()].sort(
    (a, b) =>
      Number(a.location === '') - Number(b.location === '') ||
      compareNatural(a.location, b.location) ||
      byText(a.sku, b.sku),
  );
}

class Cursor {
  readonly box: PageBox;
  y: number;
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly onNewPage: () => void,
  ) {
    this.box = boxOf(doc);
    this.y = this.box.margin;
  }
  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > contentBottom(this.doc)) {
      this.doc.addPage();
      this.y = this.box.margin;
      this.onNewPage();
    }
  }
}

function pageHead(
  doc: PDFKit.PDFDocument,
  cursor: Cursor,
  storeName: string,
  meta: DocumentMeta,
  counts: string,
): void {
  const { margin, width } = cursor.box;
  line(doc, 'ピッキングリスト', margin, cursor.y, { size: 15, bold: true });
  line(doc, `${storeName}　印刷 ${formatJst(meta.printedAt)}　担当 ${meta.operator}`, margin + 150, cursor.y + 4, {
    width: width - 150,
    size: 9,
    align: 'right',
  });
  line(doc, counts, margin + 150, cursor.y + 17, { width: width - 150, size: 8, align: 'right', color: '#444444' });
  cursor.y += 32;
  rule(doc, cursor.y - 4, '#000000');
}

function skuTableHead(doc: PDFKit.PDFDocument, cursor: Cursor): void {
  const { col } = cursor.box;
  line(doc, '棚番', col.location, cursor.y, { size: 8, bold: true });
  line(doc, 'SKU', col.sku, cursor.y, { size: 8, bold: true });
  line(doc, '商品名', col.title, cursor.y, { size: 8, bold: true });
  line(doc, '数量', col.qty, cursor.y, { size: 8, bold: true, width: 40, align: 'right' });
  cursor.y += 12;
  rule(doc, cursor.y - 2);
}

function skuSection(doc: PDFKit.PDFDocument, cursor: Cursor, skus: SkuLine[]): void {
  const { margin, width, col } = cursor.box;
  line(doc, '■ 商品別集計（棚番順）', margin, cursor.y, { size: 11, bold: true });
  cursor.y += 16;
  skuTableHead(doc, cursor);
  for (const sku of skus) {
    const served = `対象注文: ${sku.orders.map((o) => (o.quantity > 1 ? `${o.orderNo}×${o.quantity}` : o.orderNo)).join('、')}`;
    const servedHeight = wrappedHeight(doc, served, width - 62, 7);
    const height = 13 + servedHeight + 4;
    if (cursor.y + height > contentBottom(doc)) {
      cursor.ensure(height);
      skuTableHead(doc, cursor);
    }
    line(doc, sku.location || '（棚番なし）', col.location, cursor.y, { size: 9, width: 60, bold: true });
    line(doc, sku.sku, col.sku, cursor.y, { size: 9, width: 96 });
    line(doc, sku.title, col.title, cursor.y, { size: 9, width: col.qty - col.title - 6 });
    line(doc, String(sku.quantity), col.qty, cursor.y, { size: 10, width: 40, align: 'right', bold: true });
    cursor.y += 13;
    wrapped(doc, served, col.sku, cursor.y, width - 62, 7);
    cursor.y += servedHeight + 4;
    rule(doc, cursor.y - 2, '#cccccc');
  }
}

function orderBlockHeight(doc: PDFKit.PDFDocument, box: PageBox, order: PrintOrder): number {
  const { width } = box;
  const comments = commentText(order);
  return 72 + order.items.length * 12 + (comments ? wrappedHeight(doc, comments, width, 8) + 4 : 0) + 10;
}

/** The lines under an order's items: its 配送希望 (what the parcel must be sent as), then the comments. */
function commentText(order: PrintOrder): string {
  const wish = describeWish({
    date: order.deliveryDate ?? '',
    timeSlot: order.deliveryTimeSlot ?? '',
    method: order.deliveryMethod ?? '',
  });
  return [
    wish && `配送希望: ${wish}`,
    order.orderComment && `注文時コメント: ${order.orderComment}`,
    order.staffComment && `受注後コメント: ${order.staffComment}`,
  ]
    .filter(Boolean)
    .join('\n');
}

function orderBlock(doc: PDFKit.PDFDocument, cursor: Cursor, order: PrintOrder): void {
  const { margin, right, width, col } = cursor.box;
  const top = cursor.y;
  const codeWidth = barcodeWidth(order.orderNo);
  barcode(doc, order.orderNo, right - codeWidth, top, { height: 26 });
  const textWidth = width - codeWidth - 10;
  line(doc, `注文番号 ${order.orderNo}`, margin, top, { size: 11, bold: true, width: textWidth });
  line(
    doc,
    `${CHANNEL_LABELS[order.channel] ?? order.channel}　注文日 ${formatJst(order.orderedAt)}　${order.paymentName}${order.bundleGroup ? `　同梱 ${order.bundleGroup}` : ''}`,
    margin,
    top + 14,
    { size: 8, width: textWidth, color: '#333333' },
  );
  line(doc, `購入者 ${order.buyer.name}`, margin, top + 25, { size: 8, width: textWidth });
  const [address, ...rest] = shipToLines(order);
  line(doc, `お届け先 ${address ?? ''}`, margin, top + 36, { size: 8, width: width });
  line(doc, rest.join('　'), margin + 36, top + 47, { size: 8, width: width - 36 });
  let y = top + 60;
  for (const item of order.items) {
    line(doc, item.location || '—', col.location, y, { size: 8, width: 60 });
    line(doc, item.sku, col.sku, y, { size: 8, width: 96 });
    line(doc, item.title, col.title, y, { size: 8, width: col.qty - col.title - 6 });
    line(doc, String(item.quantity), col.qty, y, { size: 9, width: 40, align: 'right', bold: true });
    y += 12;
  }
  const comments = commentText(order);
  if (comments) {
    y += 2;
    wrapped(doc, comments, margin, y, width, 8);
    y += wrappedHeight(doc, comments, width, 8) + 2;
  }
  cursor.y = y + 6;
  rule(doc, cursor.y - 4);
}

/**
 * ピッキングリスト (E8): page head with store, print time and operator; the SKU walk
 * (grouped and sorted by location, then SKU, with the orders each line serves); then one
 * block per order with a Code 128 barcode of its number for the ship-confirm scan.
 */
export async function renderPickingList(
  data: PrintData,
  meta: DocumentMeta,
  paper: PaperSize = 'A4',
): Promise<RenderedPdf> {
  const doc = createPdf('ピッキングリスト', `${data.orders.length}件の注文`, meta.fonts, paper);
  const storeName = data.store?.name ?? '全店舗';
  const itemLines = data.orders.reduce((n, o) => n + o.items.length, 0);
  const counts = `注文 ${data.orders.length.toLocaleString('ja-JP')}件・明細 ${itemLines.toLocaleString('ja-JP')}行`;
  const cursor: Cursor = new Cursor(doc, () => pageHead(doc, cursor, storeName, meta, counts));
  pageHead(doc, cursor, storeName, meta, counts);
  skuSection(doc, cursor, groupBySku(data.orders));
  cursor.y += 10;
  cursor.ensure(60);
  line(doc, '■ 注文別明細', cursor.box.margin, cursor.y, { size: 11, bold: true });
  cursor.y += 18;
  for (const order of data.orders) {
    cursor.ensure(orderBlockHeight(doc, cursor.box, order));
    orderBlock(doc, cursor, order);
  }
  const pages = pageFooters(doc, `ピッキングリスト　${storeName}　${formatJst(meta.printedAt)}`);
  return { pdf: await finishPdf(doc), pages };
}
