import type BetterSqlite3 from 'better-sqlite3';

/** Per connection: the highest order id the search triggers keep, while a batch is open. */
const batchStarts = new WeakMap<BetterSqlite3.Database, number>();

/** What chumon_search_indexed_upto() answers on this connection (see the 0014 migration). */
export function searchIndexedUpTo(sqlite: BetterSqlite3.Database): number {
  return batchStarts.get(sqlite) ?? Number.MAX_SAFE_INTEGER;
}

const FILL = `INSERT INTO order_search (rowid, name, addr, contact)
  SELECT id,
    chumon_name_tokens(buyer_name, buyer_kana, ship_name),
    chumon_address_tokens(ship_prefecture, ship_address1, ship_address2),
    chumon_contact_tokens(buyer_email, buyer_phone, ship_phone)
  FROM orders WHERE id > ?`;

/**
 * Runs a batch of order inserts (inside the caller's transaction) with the F5 search index
 * filled once at its end, in one INSERT … SELECT over the new orders, instead of row by row
 * by the triggers. Orders the batch inserts and then changes or deletes are handled too:
 * the triggers leave every id above the batch's start to the fill.
 */
export function withSearchIndexBatch<T>(sqlite: BetterSqlite3.Database, insert: () => T): T {
  if (!sqlite.inTransaction) throw new Error('withSearchIndexBatch needs the caller’s transaction');
  if (batchStarts.has(sqlite)) return insert();
  const start = (sqlite.prepare('SELECT coalesce(max(id), 0) FROM orders').pluck().get() as number);
  batchStarts.set(sqlite, start);
  try {
    const result = insert();
    batchStarts.delete(sqlite);
    sqlite.prepare(FILL).run(start);
    return result;
  } finally {
    batchStarts.delete(sqlite);
  }
}
