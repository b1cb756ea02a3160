import PDFDocument from 'pdfkit';
import { code128Bars } from './code128.js';
import type { FontFiles } from './assets.js';
import type { PaperSize } from '../../src-shared/domain/print-kinds.js';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 36;

/** Each paper's size in points and the margin kept around its content (a label has little room). */
const PAPER: Record<PaperSize, { width: number; height: number; margin: number }> = {
  A4: { ...A4, margin: MARGIN },
  A5: { width: 419.53, height: 595.28, margin: 28 },
  label: { width: 283.46, height: 425.2, margin: 12 },
};
/** Space kept at the bottom of every page for the page footer. */
const FOOTER_SPACE = 24;

const FONT = 'jp';
const FONT_BOLD = 'jp-bold';

/**
 * A document on the given paper (A4 unless told) with the bundled Japanese font registered. pdfkit embeds only the glyphs
 * used (a subset), so a 4.5 MB TTF adds a few tens of KB to a list. Pages are buffered so
 * that "page x / y" can be written once the count is known.
 */
export function createPdf(
  title: string,
  subject: string,
  fonts: FontFiles,
  paper: PaperSize = 'A4',
): PDFKit.PDFDocument {
  const { width, height, margin } = PAPER[paper];
  const doc = new PDFDocument({
    size: [width, height],
    margin,
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: title, Subject: subject, Creator: 'Chumon', Producer: 'Chumon' },
  });
  doc.registerFont(FONT, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  doc.font(FONT);
  return doc;
}

/** Ends the document and collects its bytes. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Lowest y content may use on a page. */
export function contentBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom - FOOTER_SPACE;
}

/** Writes one line of text without letting pdfkit wrap or add pages on its own. */
export function line(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  options: { width?: number; size?: number; bold?: boolean; align?: 'left' | 'right' | 'center'; color?: string } = {},
): void {
  const size = options.size ?? 9;
  doc
    .font(options.bold ? FONT_BOLD : FONT)
    .fontSize(size)
    .fillColor(options.color ?? '#000000');
  const { width, align = 'left' } = options;
  const measured = width ? doc.widthOfString(text) : 0;
  if (!width || measured <= width) {
    // Fits: placed by hand, which skips pdfkit's line wrapper (most of a list's cells).
    const dx = !width || align === 'left' ? 0 : align === 'right' ? width - measured : (width - measured) / 2;
    doc.text(text, x + dx, y, { lineBreak: false });
  } else {
    // Too long: a one-line-high box with an ellipsis cuts it instead of wrapping it.
    doc.text(text, x, y, { width, height: size * 1.3, ellipsis: '…', align });
  }
}

/** Height of wrapped text in a column. */
export function wrappedHeight(doc: PDFKit.PDFDocument, text: string, width: number, size: number): number {
  return doc
    .font(FONT)
    .fontSize(size)
    .heightOfString(text || ' ', { width });
}

/** Writes wrapped text in a column whose height the caller has already made room for. */
export function wrapped(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
): void {
  doc.font(FONT).fontSize(size).fillColor('#000000').text(text, x, y, { width });
}

/**
 * Draws a Code 128 barcode with its quiet zones and the human-readable text under it.
 * Returns the total width. A module of 0.85 pt (0.3 mm) scans with ordinary handheld
 * scanners from a laser print.
 */
export function barcode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  options: { height: number; module?: number },
): number {
  const module = options.module ?? 0.85;
  const { bars, modules } = code128Bars(text);
  const quiet = 10 * module;
  doc.save().fillColor('#000000');
  for (const [start, width] of bars) doc.rect(x + quiet + start * module, y, width * module, options.height);
  doc.fill().restore();
  const total = modules * module + 2 * quiet;
  line(doc, text, x, y + options.height + 1.5, { width: total, size: 7, align: 'center' });
  return total;
}

export function barcodeWidth(text: string, module = 0.85): number {
  return code128Bars(text).modules * module + 20 * module;
}

/** Writes "page x / y" and a running title on every buffered page. */
export function pageFooters(doc: PDFKit.PDFDocument, left: string): number {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // The footer sits in the bottom margin: lift the margin so pdfkit does not add a page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const { width, height, margins } = doc.page;
    const y = height - margins.left - 10;
    line(doc, left, margins.left, y, { width: width - 2 * margins.left - 70, size: 8, color: '#444444' });
    line(doc, `${i + 1} / ${range.count} ページ`, width - margins.left - 65, y, {
      width: 65,
      size: 8,
      align: 'right',
      color: '#444444',
    });
    doc.page.margins.bottom = bottom;
  }
  return range.count;
}

export function rule(
  doc: PDFKit.PDFDocument,
  y: number,
  color = '#999999',
  x1 = doc.page.margins.left,
  x2 = doc.page.width - doc.page.margins.right,
): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(0.5).strokeColor(color).stroke().restore();
}
