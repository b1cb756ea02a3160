import iconv from 'iconv-lite';

/**
 * Characters that JIS-based systems (macOS, some web forms) write with a different code
 * point than Windows' CP932 for the same glyph: the classic wave-dash family. Mapping them
 * is not a loss, so they are not reported as unencodable.
 */
const CP932_VARIANTS: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 → ～
  '\u2212': '\uFF0D', // − → －
  '\u2016': '\u2225', // ‖ → ∥
  '\u2014': '\u2015', // — → ―
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
  '\u00A0': ' ', // no-break space → space
};
const VARIANT_RE = new RegExp(`[${Object.keys(CP932_VARIANTS).join('')}]`, 'g');

/** In a CP932 table: the code unit has no CP932 byte (every lone surrogate too). */
export const NOT_CP932 = 0xffff;

/** Lead bytes of CP932 (a trail byte follows): 0x81–0x9F and 0xE0–0xFC. */
function isLeadByte(b: number): boolean {
  return (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
}

let rawTable: Uint16Array | null = null;

/**
 * iconv-lite's own CP932 bytes for every BMP code unit (one byte, < 0x100, or lead << 8 |
 * trail), or NOT_CP932, read from ONE encode of all of them: Shift_JIS is self-synchronising
 * (a lead byte says a trail byte follows), so the output splits back into one code per
 * character. Built once per process, in a few tens of milliseconds.
 */
function cp932Raw(): Uint16Array {
  if (rawTable) return rawTable;
  const table = new Uint16Array(0x10000).fill(NOT_CP932);
  const codes: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) codes.push(c);
  let text = '';
  for (let i = 0; i < codes.length; i += 4096) text += String.fromCharCode(...codes.slice(i, i + 4096));
  const bytes = iconv.encode(text, 'cp932');
  let at = 0;
  for (const c of codes) {
    const b = bytes[at]!;
    if (isLeadByte(b)) {
      table[c] = (b << 8) | bytes[at + 1]!;
      at += 2;
    } else {
      // iconv-lite writes '?' for a character CP932 does not have.
      table[c] = b === 0x3f && c !== 0x3f ? NOT_CP932 : b;
      at += 1;
    }
  }
  if (at !== bytes.length) throw new Error('CP932 table out of step with iconv-lite');
  rawTable = table;
  return table;
}

let variantTable: Uint16Array | null = null;

/**
 * The CP932 bytes a text cell is written with: the raw table with the variants above
 * already mapped, so one lookup per character does what toCp932Variants and the encoder do.
 */
export function cp932Table(): Uint16Array {
  if (variantTable) return variantTable;
  const table = cp932Raw().slice();
  for (const [from, to] of Object.entries(CP932_VARIANTS)) table[from.charCodeAt(0)] = table[to.charCodeAt(0)]!;
  variantTable = table;
  return table;
}

function encodable(code: number): boolean {
  return code < 0x80 || cp932Raw()[code] !== NOT_CP932;
}

export function toCp932Variants(text: string): string {
  return text.replace(VARIANT_RE, (c) => CP932_VARIANTS[c]!);
}

/** The characters of `text` (after variant mapping) that CP932 cannot hold, each once. */
export function unencodableChars(text: string): string[] {
  let found: Set<string> | null = null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || encodable(code)) continue;
    found ??= new Set();
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      found.add(text.slice(i, i + 2));
      i += 1;
    } else found.add(text[i]!);
  }
  return found ? [...found] : [];
}

/** Replaces every character CP932 cannot hold with 〓 (the geta mark, 0x81AC). */
export function replaceUnencodable(text: string, chars: readonly string[]): string {
  let out = text;
  for (const c of chars) out = out.split(c).join('〓');
  return out;
}

/** Byte length in Shift_JIS: how carriers count field sizes (全角 = 2, 半角 = 1). */
export function sjisByteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 || (c >= 0xff61 && c <= 0xff9f) ? 1 : 2;
    if (c >= 0xd800 && c <= 0xdbff) i += 1;
  }
  return n;
}

export function encodeCp932(text: string): Buffer {
  return iconv.encode(text, 'cp932');
}
