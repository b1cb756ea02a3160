import { nfkc, normalizeAddress, normalizeForSearch } from './normalize.js';

/**
 * The words the F5 search index holds for an order (S10), and the keys a typed condition is
 * reduced to. Both sides go through the same functions, so ｶﾀｶﾅ = カタカナ = かたかな and
 * ＡＢＣ１２３ = abc123 hold by construction. Pure: used by the main process's SQL functions.
 */

const NOT_NAME_CHAR = /[^\p{L}\p{N}]/gu;
const NOT_ADDRESS_CHAR = /[^\p{L}\p{N}-]/gu;
const NOT_EMAIL_CHAR = /[^a-z0-9@._+-]/g;

/** A name as the index sees it: normalised, letters and digits only (山田 太郎 → 山田太郎). */
export function nameKey(text: string): string {
  return normalizeForSearch(text).replace(NOT_NAME_CHAR, '');
}

/** An address: normalised, 丁目/番地/番/号 and dashes alike (1丁目2番 → 1-2). */
export function addressKey(text: string): string {
  return normalizeAddress(text).replace(NOT_ADDRESS_CHAR, '').replace(/-+/g, '-');
}

export function emailKey(text: string): string {
  return nfkc(text).toLowerCase().replace(NOT_EMAIL_CHAR, '');
}

/** Digits only: ０９０－１１１１ → 0901111. */
export function phoneKey(text: string): string {
  return nfkc(text).replace(/\D/g, '');
}

/** Consecutive character pairs; a fragment of n ≥ 2 characters is the phrase of its n-1 pairs. */
export function characterPairs(key: string): string[] {
  const chars = [...key];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function distinct(keys: string[]): string[] {
  return [...new Set(keys.filter((k) => k !== ''))];
}

/**
 * Name words: every character (for one-character fragments such as 林) and every pair, per
 * distinct name (buyer, kana, ship-to), so that a phrase never spans two names.
 */
export function nameTokens(...names: string[]): string {
  return distinct(names.map(nameKey))
    .map((key) => [...key, ...characterPairs(key)].join(' '))
    .join(' ');
}

/** Address words: character pairs of the whole address (prefecture, town, building). */
export function addressTokens(...parts: string[]): string {
  return characterPairs(addressKey(parts.join(''))).join(' ');
}

/** Contact words: the e-mail address and the phone numbers whole, for prefix matching. */
export function contactTokens(email: string, ...phones: string[]): string {
  return distinct([emailKey(email), ...phones.map(phoneKey)]).join(' ');
}

/** The three columns of an order's F5 search row, from the same fields the SQL functions read. */
export function orderSearchWords(order: {
  buyer: { name: string; kana: string; email: string; phone: string };
  shipTo: { name: string; prefecture: string; address1: string; address2: string; phone: string };
}): [name: string, address: string, contact: string] {
  const { buyer, shipTo } = order;
  return [
    nameTokens(buyer.name, buyer.kana, shipTo.name),
    addressTokens(shipTo.prefecture, shipTo.address1, shipTo.address2),
    contactTokens(buyer.email, buyer.phone, shipTo.phone),
  ];
}

/**
 * A stock row's search key (在庫一覧's filter): SKU, JAN, title and 棚番 normalised, joined by
 * a character no typed filter holds, so a match never spans two of them.
 */
export function stockSearchKey(row: { sku: string; jan: string; title: string; location: string }): string {
  return [row.sku, row.jan, row.title, row.location].map(normalizeForSearch).join('\u0001');
}
