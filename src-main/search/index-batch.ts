import type BetterSqlite3 from 'better-sqlite3';
import { catalogInsert, SEARCH_TABLES, searchRowInserts } from './search-rows.js';

/** Per connection: the highest order id the search triggers keep, while a batch or a load is open. */
const batchStarts = new WeakMap<BetterSqlite3.Database, number>();

/** meta key: the order id above which a bulk load left the search index to its end. */
const DEFERRED_KEY = 'deferred_search_from';

/**
 * The triggers that index a new order, item or order number when its order id is at or below
 * chumon_search_indexed_upto(): a load into an empty orders table drops them until its end.
 */
export const SEARCH_INSERT_TRIGGERS = ['order_search_insert', 'order_code_search_insert', 'order_item_search_insert'];

/** What chumon_search_indexed_upto() answers on this connection (see the 0014 migration). */
export function searchIndexedUpTo(sqlite: BetterSqlite3.Database): number {
  return batchStarts.get(sqlite) ?? Number.MAX_SAFE_INTEGER;
}

/** Orders in (@above, @upTo]. */
const between = (id: string) => `${id} > @above AND ${id} <= @upTo`;
const [FILL_WORDS, ...FILL_CODES_AND_ITEMS] = searchRowInserts(between);
const FILL_CATALOG = catalogInsert(between);

/** The order-number, SKU and catalog rows of orders in (above, upTo]: SQL alone, no app function. */
function fillCodesAndItems(sqlite: BetterSqlite3.Database, above: number, upTo: number): void {
  for (const sql of [...FILL_CODES_AND_ITEMS, FILL_CATALOG]) sqlite.prepare(sql).run({ above, upTo });
}

/** Every search index's rows for the orders above `above`. */
function fill(sqlite: BetterSqlite3.Database, above: number): void {
  const upTo = Number.MAX_SAFE_INTEGER;
  sqlite.prepare(FILL_WORDS!).run({ above, upTo });
  fillCodesAndItems(sqlite, above, upTo);
}

const maxOrderId = (sqlite: BetterSqlite3.Database): number =>
  sqlite.prepare('SELECT coalesce(max(id), 0) FROM orders').pluck().get() as number;

/**
 * Runs a batch of order inserts (inside the caller's transaction) with the F5 search indexes
 * filled once at its end, in one INSERT … SELECT each over the new orders, instead of row by
 * row by the triggers. Orders the batch inserts and then changes or deletes are handled too:
 * the triggers leave every id above the batch's start to the fill. Inside a deferred load
 * (below) it just runs: the load fills the index at its end.
 */
export function withSearchIndexBatch<T>(sqlite: BetterSqlite3.Database, insert: () => T): T {
  if (!sqlite.inTransaction) throw new Error('withSearchIndexBatch needs the caller’s transaction');
  if (batchStarts.has(sqlite)) return insert();
  batchStarts.set(sqlite, maxOrderId(sqlite));
  try {
    const result = insert();
    const start = batchStarts.get(sqlite)!;
    batchStarts.delete(sqlite);
    fill(sqlite, start);
    return result;
  } finally {
    batchStarts.delete(sqlite);
  }
}

/**
 * Writes the search rows of the newest orders from a query giving (id, name, addr, contact)
 * per order, computed elsewhere with orderSearchWords (the demo seed's worker does it on the
 * second core), fills their order-number and SKU rows, and moves the open batch or deferred
 * load past them, so that its fill does not index them again. The rows must be exactly the
 * orders above the batch's start.
 */
export function insertSearchRowsFrom(
  sqlite: BetterSqlite3.Database,
  source: string,
  params: Record<string, unknown>,
): void {
  const start = batchStarts.get(sqlite);
  if (start === undefined || !sqlite.inTransaction)
    throw new Error('insertSearchRowsFrom needs an open search batch or deferred load');
  const { changes } = sqlite.prepare(`INSERT INTO order_search (rowid, name, addr, contact) ${source}`).run(params);
  const end = maxOrderId(sqlite);
  const above = sqlite.prepare('SELECT count(*) FROM orders WHERE id > ?').pluck().get(start) as number;
  if (changes !== above || changes !== end - start)
    throw new Error(`search rows out of step: ${changes} rows for ${above} orders above ${start}`);
  fillCodesAndItems(sqlite, start, end);
  batchStarts.set(sqlite, end);
  sqlite.prepare('UPDATE meta SET value = ? WHERE key = ?').run(String(end), DEFERRED_KEY);
}

/**
 * For a bulk load of many transactions (demo seed, first sync): from now on the search
 * index leaves every new order to fillDeferredSearchIndex, which indexes them all in one
 * statement. Call inside the transaction that records the load (bulk-load.ts): the start is
 * kept in `meta`, so a process killed mid-load fills the index at the next open.
 */
export function deferSearchIndex(sqlite: BetterSqlite3.Database): void {
  const start = maxOrderId(sqlite);
  sqlite.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(DEFERRED_KEY, String(start));
  batchStarts.set(sqlite, start);
}

/** The order id above which a deferred load left the search index to its end, if one did. */
export function deferredSearchFrom(sqlite: BetterSqlite3.Database): number | undefined {
  const value = sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(DEFERRED_KEY) as string | undefined;
  return value === undefined ? undefined : Number(value);
}

/** A search index made elsewhere (background-index.ts) that a deferred load's end can take as it is. */
export interface MadeSearchIndex {
  /**
   * Makes it this database's search index of the orders above `from`, together with `also`, in
   * one transaction; false (and nothing changed) when it cannot, and the caller fills instead.
   */
  adopt(from: number, also: (db: BetterSqlite3.Database) => void): boolean;
}

/**
 * Indexes the orders a deferred load left out, in one transaction — if any: at every open
 * this is one read of `meta` and nothing more. `made`: the index built meanwhile on another
 * thread, taken when it can be.
 */
export function fillDeferredSearchIndex(sqlite: BetterSqlite3.Database, made: MadeSearchIndex | null = null): void {
  batchStarts.delete(sqlite);
  const from = deferredSearchFrom(sqlite);
  if (from === undefined) return;
  const done = (db: BetterSqlite3.Database) => db.prepare('DELETE FROM meta WHERE key = ?').run(DEFERRED_KEY);
  if (!made?.adopt(from, done))
    sqlite.transaction(() => {
      fill(sqlite, from);
      done(sqlite);
    })();
  mergeSearchSegments(sqlite);
}

/** Pages of merge work per statement: a few tens of milliseconds each. */
const MERGE_PAGES = 500;

/**
 * Merges the segments a bulk load left in the search tables. A load writes its words in
 * large segments (0016's hashsize) that FTS5 keeps side by side on its lowest level; every
 * later commit adds a small one there, and the commit that makes that level's sixteenth
 * (FTS5's crisismerge) merges them all in one go: for 1,000,000 orders about 2 s, on
 * whichever clerk's change came then (a purge step, a 送付先 correction). Merged here, at
 * the load's end, the later commits find only their own small segments to merge.
 */
export function mergeSearchSegments(sqlite: BetterSqlite3.Database): void {
  const changes = sqlite.prepare('SELECT total_changes()').pluck();
  for (const table of SEARCH_TABLES) {
    const merge = sqlite.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('merge', ${MERGE_PAGES})`);
    for (;;) {
      const before = changes.get() as number;
      merge.run();
      // FTS5's sign of a merge that found nothing left to do: fewer than two changes.
      if ((changes.get() as number) - before < 2) break;
    }
  }
}
