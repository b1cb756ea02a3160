import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { rows, type ServerDb } from './open.js';

/** The tables a bulk write grows, by what was written. */
const TABLES = {
  orders: ['orders', 'order_items', 'order_history', 'order_buyer_text'],
  stock: ['stock', 'stock_ledger'],
} as const satisfies Record<string, readonly string[]>;

type WrittenKind = keyof typeof TABLES;

/** Rows written in bulk since the planner's figures were last refreshed. */
const ANALYZE_AFTER = 20_000;
const written = new WeakMap<ServerDb, Record<WrittenKind, number>>();

const analyze = (db: ServerDb, table: string) => db.execute(sql`ANALYZE ${sql.identifier(table)}`);

/**
 * Fresh planner statistics. PGlite runs no autovacuum: with the figures of an emptier table
 * the planner reads a page of orders or stock by scanning and sorting all of them (a first
 * sync of 300,000 stock rows then costs 70 ms a page instead of 10).
 */
async function refreshStatistics(db: ServerDb, kinds: readonly WrittenKind[] = ['orders', 'stock']) {
  const counts = written.get(db);
  for (const kind of kinds) {
    if (counts) counts[kind] = 0;
    for (const table of TABLES[kind]) await analyze(db, table);
  }
}

/**
 * Analyzes those of the tables whose figures are missing (never analyzed) or out of date
 * (the table has grown to more than twice the pages the planner knows of); returns their names.
 */
async function analyzeStale(db: ServerDb, tables: readonly string[]): Promise<string[]> {
  const stale = await rows<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_class c
        WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
          AND c.relname IN (${sql.join(
            tables.map((t) => sql`${t}`),
            sql`, `,
          )})
          AND (c.reltuples < 0
               OR pg_relation_size(c.oid) / current_setting('block_size')::int > 2 * c.relpages + 8)`,
  );
  for (const { name } of stale) await analyze(db, name);
  return stale.map((r) => r.name);
}

/**
 * At start: only the stale tables (as after a process stopped before its intake's refresh).
 * Analyzing every table again cost seconds at each start of a large database for figures
 * that were already right.
 */
export function refreshMissingStatistics(db: ServerDb): Promise<string[]> {
  return analyzeStale(db, Object.values(TABLES).flat());
}

const embedded = (db: ServerDb) => (db as { $client?: unknown }).$client instanceof PGlite;

/** The refreshes running off the requests' path (PostgreSQL), each after the one before. */
const running = new WeakMap<ServerDb, Promise<unknown>>();

/**
 * Counts rows a bulk intake wrote; refreshes the statistics once enough have been. PGlite
 * runs no autovacuum: every ANALYZE_AFTER rows its tables are analyzed, on its one
 * connection before anything else (the intake waits for it).
 * PostgreSQL's autovacuum analyzes a table after a tenth of it changed, but checks only once
 * a minute: here only a table that has outgrown its figures twice over (a new server filling
 * up) is analyzed, on another connection, off the intake's path. Analyzing the four order
 * tables every 20,000 orders took a core for seconds at 1,000 orders/s, and every request of
 * the fleet waited in those windows.
 */
export async function noteBulkWrite(db: ServerDb, kind: WrittenKind, count: number): Promise<void> {
  const counts = written.get(db) ?? { orders: 0, stock: 0 };
  written.set(db, counts);
  counts[kind] += count;
  if (counts[kind] < ANALYZE_AFTER) return;
  if (embedded(db)) return refreshStatistics(db, [kind]);
  counts[kind] = 0;
  const refresh = (running.get(db) ?? Promise.resolve())
    .then(() => analyzeStale(db, TABLES[kind]))
    // Figures for the planner only: a refresh that fails (the server stopping) leaves the old ones.
    .catch(() => undefined);
  running.set(db, refresh);
}

/** Resolves once the statistics refreshes started so far have ended. */
export async function statisticsRefreshed(db: ServerDb): Promise<void> {
  await running.get(db);
}
