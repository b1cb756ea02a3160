/**
 * Keeps personal data out of the store app's logs (they are sent to head office): names,
 * addresses, phone numbers and mail addresses are replaced before a line is written.
 *
 * Two layers: the values of fields that hold personal data (in objects and in JSON text,
 * e.g. an order's input in an error), and patterns in free text — mail addresses, phone
 * numbers, postal codes, addresses from a prefecture on, and a name before 様 / さん / 殿.
 */
const PERSONAL_KEYS =
  /^(name|.*(?:Name|Kana|kana|Address|address|Phone|phone|Tel|tel|Mail|mail|Email|email|Zip|zip|Postal|postal)\d?|address\d?|buyer|recipient|sender|operator|note|comment)$/;

const REPLACEMENTS: [RegExp, string][] = [
  // "buyerName":"山田 太郎" inside JSON text (logged inputs and answers).
  [
    /"([A-Za-z_]*(?:[Nn]ame|[Kk]ana|[Aa]ddress\d?|[Pp]hone|[Tt]el|[Mm]ail|[Ee]mail|[Zz]ip|[Pp]ostal)\d?)"\s*:\s*"(?:[^"\\]|\\.)*"/g,
    '"$1":"［個人情報］"',
  ],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '［メール］'],
  // Phone numbers: 03-1234-5678, 090 1234 5678, 0312345678, +81-90-1234-5678, full-width digits too.
  [
    /(?<![0-9０-９A-Za-z-])(?:\+81[-\s]?|[0０])[0-9０-９]{1,4}[-‐－ー\s(（)）]?[0-9０-９]{1,4}[-‐－ー\s)）]?[0-9０-９]{3,4}(?![0-9０-９])/g,
    '［電話］',
  ],
  [/〒?\s?[0-9０-９]{3}[-‐－ー][0-9０-９]{4}(?![0-9０-９])/g, '［郵便番号］'],
  // An address from the prefecture to the end of the run of non-space text.
  [/(?:北海道|東京都|京都府|大阪府|..?.?県)[^\s"',、。]{2,}/g, '［住所］'],
  // A name before an honorific: 山田 太郎 様, ヤマダ様, 田中さん.
  [
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}A-Za-zー]{1,12}(?:[ 　][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}A-Za-zー]{1,12})?[ 　]?(?:様|さん|殿)/gu,
    '［氏名］様',
  ],
];

/** Free text with personal data replaced by ［メール］, ［電話］, ［住所］, ［氏名］… */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return out;
}

/** A value (object, array, text) with personal fields blanked and personal patterns replaced. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack ? redactText(value.stack) : undefined;
    return copy;
  }
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    out[key] =
      PERSONAL_KEYS.test(key) && (typeof v === 'string' || typeof v === 'number')
        ? '［個人情報］'
        : redactValue(v, depth + 1);
  return out;
}
