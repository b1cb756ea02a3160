import type BetterSqlite3 from 'better-sqlite3';
import { addressTokens, contactTokens, nameTokens, stockSearchKey } from '../../src-shared/text/search-tokens.js';
import { searchIndexedUpTo } from './index-batch.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * SQL functions the search index's triggers call (drizzle/0006_order_search_fts.sql). Every
 * connection that writes orders must have them: openDatabase registers them before it
 * migrates, so the migration that fills the index for existing orders can use them too.
 */
export function registerSearchFunctions(sqlite: BetterSqlite3.Database): void {
  const options = { deterministic: true };
  sqlite.function('chumon_name_tokens', options, (buyer: unknown, kana: unknown, ship: unknown) =>
    nameTokens(text(buyer), text(kana), text(ship)),
  );
  sqlite.function('chumon_address_tokens', options, (prefecture: unknown, line1: unknown, line2: unknown) =>
    addressTokens(text(prefecture), text(line1), text(line2)),
  );
  sqlite.function('chumon_contact_tokens', options, (email: unknown, phone: unknown, shipPhone: unknown) =>
    contactTokens(text(email), text(phone), text(shipPhone)),
  );
  // Fills 在庫一覧's search key of rows written before it existed (drizzle/0021_stock_ledger.sql).
  sqlite.function('chumon_stock_key', options, (sku: unknown, jan: unknown, title: unknown, location: unknown) =>
    stockSearchKey({ sku: text(sku), jan: text(jan), title: text(title), location: text(location) }),
  );
  // Not deterministic: it moves while a bulk load's batch is open (search/index-batch.ts).
  sqlite.function('chumon_search_indexed_upto', { deterministic: false }, () => searchIndexedUpTo(sqlite));
}
