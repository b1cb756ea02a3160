import type BetterSqlite3 from 'better-sqlite3';
import { availableParallelism } from 'node:os';
import { openSibling } from './driver.js';
import { deferSearchIndex, fillDeferredSearchIndex, SEARCH_INSERT_TRIGGERS } from '../search/index-batch.js';
import { BackgroundSearchIndex } from '../search/background-index.js';
import type { AppLogger } from '../logs/logger.js';

/** meta key holding the definitions of indexes (and triggers) dropped for a bulk load still under way. */
const DEFERRED_KEY = 'deferred_indexes';

/** Each connection's look-up of the deferred definitions (prepared once). */
const deferredLookups = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

/**
 * Whether a load has the secondary indexes dropped, read from the database itself: the
 * drop and its `meta` row commit together, so every connection to the file sees it (the
 * host's reader lane has its own connection to the writer's file).
 */
function indexesDeferred(sqlite: BetterSqlite3.Database): boolean {
  let lookup = deferredLookups.get(sqlite);
  if (!lookup) deferredLookups.set(sqlite, (lookup = sqlite.prepare('SELECT 1 FROM meta WHERE key = ?').pluck()));
  return lookup.get(DEFERRED_KEY) !== undefined;
}

/**
 * A query with its INDEXED BY hints, or without them while a load has the indexes dropped:
 * the screen stays usable during a first sync (a hint naming a missing index is an error).
 * Callers keep their statements by the returned text, so each form is prepared once.
 */
export function hinted(sqlite: BetterSqlite3.Database, sql: string): string {
  return indexesDeferred(sqlite) ? sql.replace(/\bINDEXED BY \w+/g, '') : sql;
}

/**
 * Runs a bulk load into empty tables with their secondary (non-unique) indexes dropped,
 * then builds them again in one sorted pass each — several times faster than keeping a
 * dozen indexes up to date row by row. Unique indexes stay: they are constraints.
 * Only the tables that are empty at the start are touched (demo seed, first sync); with
 * none empty it just runs.
 * The dropped definitions are kept in `meta` in the same transaction as the drop, so a
 * process killed mid-load gets its indexes back at the next open (restoreDeferredIndexes).
 */
export function withDeferredIndexes<T>(sqlite: BetterSqlite3.Database, tables: readonly string[], load: () => T): T {
  if (!dropSecondaryIndexes(sqlite, tables)) return load();
  try {
    return load();
  } finally {
    restoreDeferredIndexes(sqlite);
  }
}

/** What a load that awaits between its transactions tells as it goes. */
export interface LoadProgress {
  /** A transaction that wrote orders committed: their F5 search index can be made meanwhile. */
  ordersCommitted(): void;
}

/**
 * The same for a load that awaits between its transactions (the first sync's pages). Told of
 * its committed orders, it makes their F5 search index on a worker thread as it goes; `log`
 * is told when that worker fails (the index is then filled at the end, on this thread).
 */
export async function withDeferredIndexesAsync<T>(
  sqlite: BetterSqlite3.Database,
  tables: readonly string[],
  log: Pick<AppLogger, 'warn'>,
  load: (progress: LoadProgress) => Promise<T>,
): Promise<T> {
  if (!dropSecondaryIndexes(sqlite, tables)) return load({ ordersCommitted: () => undefined });
  const search = new BackgroundSearchIndex(sqlite, log);
  try {
    return await load(search);
  } finally {
    await finishLoad(sqlite, search);
  }
}

/**
 * The end of a load that may await: the secondary indexes are built while the worker indexes
 * the last orders and merges its segments, then its search index is taken
 * (restoreDeferredIndexes, filling the search index on this thread, is what a restart does).
 */
async function finishLoad(sqlite: BetterSqlite3.Database, search: BackgroundSearchIndex): Promise<void> {
  try {
    const made = search.finished();
    buildDeferredIndexes(sqlite);
    fillDeferredSearchIndex(sqlite, await made);
  } finally {
    await search.close();
  }
}

/**
 * Drops the secondary indexes of those of the tables that are empty; says whether it did.
 * With orders empty the search index waits for the load's end, and so the search triggers
 * that only index orders at or below the deferral's start go too: they would index none of
 * the load's rows, yet each asks the app for that start once per inserted row.
 */
function dropSecondaryIndexes(sqlite: BetterSqlite3.Database, tables: readonly string[]): boolean {
  const empty = tables.filter((t) => !sqlite.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get());
  if (empty.length === 0) return false;
  const searchDeferred = empty.includes('orders');
  const triggers = searchDeferred ? SEARCH_INSERT_TRIGGERS : [];
  const dropped = sqlite
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE (type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
              AND tbl_name IN (${empty.map(() => '?').join(',')}))
          OR (type = 'trigger' AND name IN (${triggers.map(() => '?').join(',')}))`,
    )
    .all(...empty, ...triggers) as { type: 'index' | 'trigger'; name: string; sql: string }[];
  sqlite.transaction(() => {
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run(DEFERRED_KEY, JSON.stringify(dropped.map(({ name, sql }) => ({ name, sql }))));
    for (const { type, name } of dropped) sqlite.exec(`DROP ${type === 'index' ? 'INDEX' : 'TRIGGER'} "${name}"`);
    if (searchDeferred) deferSearchIndex(sqlite);
  })();
  return true;
}

/**
 * Finishes what a bulk load left (also at open, after a load was killed): fills the search
 * index, then builds the dropped indexes and triggers, if any are still missing (one
 * transaction each).
 */
export function restoreDeferredIndexes(sqlite: BetterSqlite3.Database): void {
  fillDeferredSearchIndex(sqlite);
  buildDeferredIndexes(sqlite);
}

/** Builds the indexes and triggers a load dropped, if any are still missing, in one transaction. */
function buildDeferredIndexes(sqlite: BetterSqlite3.Database): void {
  const row = sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(DEFERRED_KEY) as { value: string } | undefined;
  if (row)
    withIndexBuilder(sqlite, (builder) => {
      const indexes = JSON.parse(row.value) as { name: string; sql: string }[];
      const exists = builder.prepare('SELECT 1 FROM sqlite_master WHERE name = ?');
      builder.transaction(() => {
        for (const index of indexes) if (!exists.get(index.name)) builder.exec(index.sql);
        builder.prepare('DELETE FROM meta WHERE key = ?').run(DEFERRED_KEY);
      })();
    });
}

/**
 * CREATE INDEX sorts the whole table. SQLite's sorter works in several threads when allowed
 * (PRAGMA threads) and sorts fastest with small in-memory runs merged through temporary
 * files; the app's connection keeps a large cache and temporary data in memory, which
 * suits its queries but made the sort of 1,000,000 orders' indexes 16.7 s instead of
 * 10–11 s. So the indexes are built on a second connection to the same file, set up for
 * sorting (an in-memory database has no second connection: it builds on its own).
 */
function withIndexBuilder(sqlite: BetterSqlite3.Database, build: (builder: BetterSqlite3.Database) => void): void {
  if (sqlite.memory) return build(sqlite);
  const builder = openSibling(sqlite);
  try {
    builder.pragma(`threads = ${Math.min(4, availableParallelism())}`);
    builder.pragma('cache_size = -4000');
    builder.pragma('temp_store = FILE');
    build(builder);
  } finally {
    builder.close();
  }
}
