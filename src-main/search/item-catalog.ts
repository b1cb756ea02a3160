import type BetterSqlite3 from 'better-sqlite3';
import { normalizeForSearch } from '../../src-shared/text/normalize.js';

interface Entry {
  sku: string;
  key: string;
}

/**
 * F5 by SKU or title (S10): the typed text is matched against the distinct SKU + title pairs
 * the orders have had (item_catalog: a store's catalogue, thousands of rows, not the millions
 * of item lines), width-, kana- and case-insensitive like names; the orders are then found by
 * their SKUs in order_item_search. The normalised catalogue is kept in memory: rows are only
 * ever added, so it is read again only when it has grown.
 */
export class ItemCatalog {
  private entries: Entry[] = [];
  private readonly sizeStmt: BetterSqlite3.Statement;
  private readonly newerStmt: BetterSqlite3.Statement;
  private lastId = 0;

  constructor(sqlite: BetterSqlite3.Database) {
    this.sizeStmt = sqlite.prepare('SELECT coalesce(max(id), 0) FROM item_catalog').pluck();
    this.newerStmt = sqlite.prepare('SELECT id, sku, title FROM item_catalog WHERE id > ? ORDER BY id');
  }

  private refresh(): void {
    const last = this.sizeStmt.get() as number;
    if (last === this.lastId) return;
    if (last < this.lastId) [this.entries, this.lastId] = [[], 0];
    for (const row of this.newerStmt.all(this.lastId) as { id: number; sku: string; title: string }[]) {
      this.entries.push({ sku: row.sku, key: `${normalizeForSearch(row.sku)}\u0000${normalizeForSearch(row.title)}` });
      this.lastId = row.id;
    }
  }

  /** The SKUs whose code or one of whose titles contains the text. */
  skusMatching(text: string): string[] {
    this.refresh();
    const key = normalizeForSearch(text);
    const found = new Set<string>();
    for (const entry of this.entries) if (entry.key.includes(key)) found.add(entry.sku);
    return [...found];
  }
}

/** An SKU as the one word order_item_search holds for it: 's' and its UTF-8 bytes in hex (SQL hex()). */
export function skuWord(sku: string): string {
  return `s${Buffer.from(sku, 'utf8').toString('hex').toUpperCase()}`;
}
