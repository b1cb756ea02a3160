/**
 * 検品 (packing-table scan): decides what one item scan does to an order's lines. An item is
 * matched by its 商品コード (SKU) or by its JAN (the stock master gives each SKU its JAN). A
 * wrong item or one unit too many ticks nothing; the caller shows the message in red.
 */
export interface PackingLine {
  sku: string;
  jan: string | null;
  title: string;
  ordered: number;
  scanned: number;
}

export type PackingOutcome = 'ticked' | 'complete' | 'wrong_item' | 'too_many' | 'empty';

interface PackingScan {
  outcome: PackingOutcome;
  /** The lines after the scan (unchanged unless ticked or complete). */
  lines: PackingLine[];
  /** Index of the line the scan matched, or -1. */
  lineIndex: number;
  message: string;
}

/** Scanner input as the stock master stores codes: full-width folded, spaces trimmed. */
export function normalizeItemCode(code: string): string {
  return code.normalize('NFKC').trim();
}

/** True when every line has as many units scanned as ordered. */
export function isPacked(lines: readonly PackingLine[]): boolean {
  return lines.length > 0 && lines.every((l) => l.scanned >= l.ordered);
}

function matches(line: PackingLine, code: string): boolean {
  return normalizeItemCode(line.sku) === code || (line.jan !== null && normalizeItemCode(line.jan) === code);
}

/** Applies one item scan: the first line of that item that still lacks units gets one. */
export function scanPackingItem(lines: readonly PackingLine[], rawCode: string): PackingScan {
  const code = normalizeItemCode(rawCode);
  const unchanged = { lines: [...lines], lineIndex: -1 };
  if (code === '') return { ...unchanged, outcome: 'empty', message: 'コードを読み取れませんでした。' };
  const candidates = lines.map((l, i) => ({ l, i })).filter(({ l }) => matches(l, code));
  const first = candidates[0];
  if (!first) {
    return {
      ...unchanged,
      outcome: 'wrong_item',
      message: `${code} はこの注文の商品ではありません。商品を確かめてください。`,
    };
  }
  const open = candidates.find(({ l }) => l.scanned < l.ordered);
  if (!open) {
    const { l, i } = first;
    return {
      lines: [...lines],
      lineIndex: i,
      outcome: 'too_many',
      message: `${l.title}（${l.sku}）は注文数 ${l.ordered} 個をすでに検品済です。数量を確かめてください。`,
    };
  }
  const line = { ...open.l, scanned: open.l.scanned + 1 };
  const next = lines.map((l, i) => (i === open.i ? line : l));
  const done = isPacked(next);
  return {
    lines: next,
    lineIndex: open.i,
    outcome: done ? 'complete' : 'ticked',
    message: done
      ? '検品が完了しました。送り状番号をスキャンするか Enter で出荷確定します。'
      : `${line.title}（${line.sku}） ${line.scanned} / ${line.ordered}`,
  };
}
