/**
 * Folds for 同梱 (S14): spellings of one name or address that people and channels write
 * differently, made one before two orders are compared. Applied to text that
 * normalizeForSearch has already made NFKC, katakana and space-free.
 */

/** Common 異体字 of names and place names, each to the form most often typed. */
const VARIANTS: Readonly<Record<string, string>> = {
  '\ufa11': '崎', // 﨑 (たつさき)
  嵜: '崎',
  髙: '高',
  邊: '辺',
  邉: '辺',
  濵: '浜',
  濱: '浜',
  澤: '沢',
  齋: '斎',
  齊: '斉',
  廣: '広',
  國: '国',
  櫻: '桜',
  德: '徳',
  藏: '蔵',
  眞: '真',
  曻: '昇',
  槇: '槙',
  冨: '富',
};

const VARIANT_PATTERN = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'gu');

/** 﨑 → 崎, 髙 → 高, 邊/邉 → 辺 …: one spelling for each common 異体字. */
export function foldVariants(text: string): string {
  return text.replace(VARIANT_PATTERN, (ch) => VARIANTS[ch] ?? ch);
}

const KANJI_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const KANJI_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** 三 → 3, 十二 → 12, 二十 → 20, 百五 → 105, 二〇 → 20. */
function kanjiNumberValue(kanji: string): number {
  if (![...kanji].some((ch) => ch in KANJI_UNITS)) {
    return [...kanji].reduce((n, ch) => n * 10 + (KANJI_DIGITS[ch] ?? 0), 0);
  }
  let total = 0;
  let digit = 0;
  for (const ch of kanji) {
    const unit = KANJI_UNITS[ch];
    if (unit === undefined) {
      digit = KANJI_DIGITS[ch] ?? 0;
      continue;
    }
    total += (digit || 1) * unit;
    digit = 0;
  }
  return total + digit;
}

/** A kanji number written as a 丁目, 番地, 番 or 号 (芝公園三丁目 → 芝公園3丁目). */
const KANJI_BLOCK = /([〇零一二三四五六七八九十百千]+)(?=丁目|番地|番|号)/g;

/** Kanji numerals of 丁目/番地/番/号 as digits. */
export function foldKanjiNumerals(text: string): string {
  return text.replace(KANJI_BLOCK, (kanji) => String(kanjiNumberValue(kanji)));
}

/** ヶ, ヵ, ケ and が (ガ after the katakana fold) between kanji are one sound in place names: 百合ヶ丘 = 百合ケ丘 = 百合が丘. */
const SMALL_KE = /(?<=[\u4e00-\u9fff])[ヶヵケガ](?=[\u4e00-\u9fff])/g;

export function foldSmallKe(text: string): string {
  return text.replace(SMALL_KE, 'ケ');
}

const FOLDS: readonly { label: string; fold: (text: string) => string }[] = [
  { label: '漢数字', fold: foldKanjiNumerals },
  { label: 'ヶ/ケ/が', fold: foldSmallKe },
  { label: '異体字', fold: foldVariants },
];

/** The folds that changed any of these (search-normalised) texts, in Japanese, for 同梱's reasons. */
export function foldsUsed(texts: readonly string[]): string[] {
  return FOLDS.filter(({ fold }) => texts.some((text) => fold(text) !== text)).map(({ label }) => label);
}
