/**
 * Japanese normalisation for search and bundling (S10, S14): width-insensitive
 * (ＡＢＣ１２３ = ABC123, ｶﾀｶﾅ = カタカナ) and kana-insensitive (かたかな = カタカナ).
 * Pure string functions: no Node, no DOM.
 */

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KANA_OFFSET = 0x60;

function hiraganaToKatakana(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code >= HIRAGANA_START && code <= HIRAGANA_END ? String.fromCodePoint(code + KANA_OFFSET) : ch;
  }
  return out;
}

/** Dashes and long-vowel marks that people type interchangeably in numbers and addresses. */
const DASHES = /[‐‑‒–—―−ｰ－﹣]/g;
const SPACES = /[\s\u3000]+/g;

/** The key text is compared by: NFKC, katakana, lower case, no spaces. */
export function normalizeForSearch(text: string): string {
  return hiraganaToKatakana(text.normalize('NFKC')).toLowerCase().replace(SPACES, '');
}

/**
 * Address key for bundling: also treats 丁目/番地/番/号 and every dash alike,
 * so "1丁目2番3号" = "１－２－３" = "1-2-3".
 */
export function normalizeAddress(text: string): string {
  return normalizeForSearch(text)
    .replace(DASHES, '-')
    // The long-vowel mark is a dash only between digits (1ー2ー3), never in コーポ.
    .replace(/(\d)ー(?=\d)/g, '$1-')
    .replace(/(\d)(?:丁目|番地|番|号)(?=\d)/g, '$1-')
    .replace(/(\d)(?:丁目|番地|番|号)$/g, '$1')
    .replace(/-+/g, '-');
}

/** Postal code as seven digits, whatever was typed (〒１２３－４５６７ → 1234567). */
export function normalizePostalCode(text: string): string {
  return text.normalize('NFKC').replace(/\D/g, '');
}
