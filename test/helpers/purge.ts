import type BetterSqlite3 from 'better-sqlite3';
import { insertOrders } from './orders.js';

/** Shipped long before the S3 retention ends: an Amazon order in this state is due for the purge. */
export const shippedLongAgo = { status: 'shipped' as const, shippedAt: '2026-09-01T00:00:00.000Z' };

/** `count` Amazon orders due for the S3 purge; returns how many orders are purged so far. */
export function dueAmazonOrders(sqlite: BetterSqlite3.Database, count: number): () => number {
  insertOrders(
    sqlite,
    Array.from({ length: count }, () => ({ order: { channel: 'amazon' as const }, initial: shippedLongAgo })),
  );
  const purged = sqlite.prepare('SELECT count(*) FROM orders WHERE pii_purged_at IS NOT NULL').pluck();
  return () => purged.get() as number;
}
