/**
 * Japanese normalisation for search and bundling (S10, S14): width-insensitive
 * (ＡＢＣ１２３ = ABC123, ｶﾀｶﾅ = カタカナ) and kana-insensitive (かたかな = カタカナ).
 * Pure string functions: no Node, no DOM.
 */

import { foldKanjiNumerals, foldSmallKe, foldVariants } from './address-fold.js';

const KANA_OFFSET = 0x60;

const HAS_HIRAGANA = /[\u3041-\u3096]/;

/** Most names and addresses hold no hiragana (kanji, katakana, digits): those come back as they are. */
function hiraganaToKatakana(text: string): string {
  if (!HAS_HIRAGANA.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code >= 0x3041 && code <= 0x3096 ? String.fromCharCode(code + KANA_OFFSET) : text[i];
  }
  return out;
}

/**
 * Text NFKC leaves as it is: printable ASCII, hiragana, katakana, ー, 々, 〆, 〇 and the
 * unified kanji. No two of these compose, so a string of them alone skips the (costly) ICU
 * call; anything else (full/half width, ①, ㈱, combining marks, compatibility kanji) does not.
 */
const NFKC_STABLE = /^[\x20-\x7e\u3041-\u3096\u30a1-\u30fa\u30fc\u3005-\u3007\u4e00-\u9fff]*$/;

/** NFKC, without the ICU call for text that it would not change. */
export function nfkc(text: string): string {
  return NFKC_STABLE.test(text) ? text : text.normalize('NFKC');
}

/** Dashes and long-vowel marks that people type interchangeably in numbers and addresses. */
const DASHES = /[‐‑‒–—―−ｰ－﹣]/g;
const SPACES = /[\s\u3000]+/g;

/** The key text is compared by: NFKC, katakana, lower case, no spaces. */
export function normalizeForSearch(text: string): string {
  return hiraganaToKatakana(nfkc(text)).toLowerCase().replace(SPACES, '');
}

/** Name key for bundling: the search key with common 異体字 made one (髙橋 = 高橋). */
export function normalizeName(text: string): string {
  return foldVariants(normalizeForSearch(text));
}

/**
 * Address key for bundling: also treats 丁目/番地/番/号 and every dash alike, kanji
 * numerals of those as digits, ヶ/ケ/が between kanji and common 異体字 as one,
 * so "三丁目2番3号" = "３－２－３" = "3-2-3" and 百合ヶ丘 = 百合が丘.
 */
export function normalizeAddress(text: string): string {
  return (
    foldKanjiNumerals(foldSmallKe(foldVariants(normalizeForSearch(text))))
      .replace(DASHES, '-')
      // The long-vowel mark is a dash only between digits (1ー2ー3), never in コーポ.
      .replace(/(\d)ー(?=\d)/g, '$1-')
      .replace(/(\d)(?:丁目|番地|番|号)(?=\d)/g, '$1-')
      .replace(/(\d)(?:丁目|番地|番|号)$/g, '$1')
      .replace(/-+/g, '-')
  );
}

/** Postal code as seven digits, whatever was typed (〒１２３－４５６７ → 1234567). */
export function normalizePostalCode(text: string): string {
  return nfkc(text).replace(/\D/g, '');
}
