import { sql, type SQL } from 'drizzle-orm';
import type { ServerDb } from './open.js';

/** The tables a bulk write grows, by what was written. */
const TABLES = {
  orders: [sql`orders`, sql`order_items`, sql`order_history`],
  stock: [sql`stock`, sql`stock_ledger`],
} as const satisfies Record<string, SQL[]>;

export type WrittenKind = keyof typeof TABLES;

/** Rows written in bulk since the planner's figures were last refreshed. */
const ANALYZE_AFTER = 20_000;
const written = new WeakMap<ServerDb, Record<WrittenKind, number>>();

/**
 * Fresh planner statistics. PGlite runs no autovacuum: with the figures of an emptier table
 * the planner reads a page of orders or stock by scanning and sorting all of them (a first
 * sync of 300,000 stock rows then costs 70 ms a page instead of 10).
 */
export async function refreshStatistics(db: ServerDb, kinds: readonly WrittenKind[] = ['orders', 'stock']) {
  const counts = written.get(db);
  for (const kind of kinds) {
    if (counts) counts[kind] = 0;
    for (const table of TABLES[kind]) await db.execute(sql`ANALYZE ${table}`);
  }
}

/** Counts rows a bulk intake wrote; refreshes the statistics once enough have been. */
export async function noteBulkWrite(db: ServerDb, kind: WrittenKind, rows: number): Promise<void> {
  const counts = written.get(db) ?? { orders: 0, stock: 0 };
  written.set(db, counts);
  counts[kind] += rows;
  if (counts[kind] >= ANALYZE_AFTER) await refreshStatistics(db, [kind]);
}
