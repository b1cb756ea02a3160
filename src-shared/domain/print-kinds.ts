/** The documents E8 prints: the picking list and the delivery note (納品書) per parcel. */
export const PRINT_KINDS = ['picking', 'delivery_note'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];
export const PRINT_KIND_LABELS: Record<PrintKind, string> = { picking: 'ピッキングリスト', delivery_note: '納品書' };

export function isPrintKind(value: string): value is PrintKind {
  return (PRINT_KINDS as readonly string[]).includes(value);
}

/** The paper a document is printed on: A4, A5 or a 100 × 150 mm label (設定 → 印刷・CSV). */
export const PAPER_SIZES = ['A4', 'A5', 'label'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const PAPER_SIZE_LABELS: Record<PaperSize, string> = {
  A4: 'A4',
  A5: 'A5',
  label: 'ラベル（100×150mm）',
};

/** Where and how one kind of document is printed ('' printer = the printer set for all). */
export interface DocumentOutput {
  printer: string;
  paper: PaperSize;
  copies: number;
}

export const MAX_COPIES = 20;

export const DEFAULT_DOCUMENT_OUTPUTS: Record<PrintKind, DocumentOutput> = {
  picking: { printer: '', paper: 'A4', copies: 1 },
  delivery_note: { printer: '', paper: 'A4', copies: 1 },
};
