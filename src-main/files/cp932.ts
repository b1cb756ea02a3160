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

/** Per BMP code unit: 0 = not yet known, 1 = CP932 can hold it, 2 = it cannot. */
const known = new Uint8Array(65536);

function encodable(code: number): boolean {
  if (code < 0x80) return true;
  if (code >= 0xd800 && code <= 0xdfff) return false; // astral characters (𠮷, emoji)
  let state = known[code]!;
  if (state === 0) {
    const bytes = iconv.encode(String.fromCharCode(code), 'cp932');
    state = bytes.length === 1 && bytes[0] === 0x3f ? 2 : 1;
    known[code] = state;
  }
  return state === 1;
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
