import type BetterSqlite3 from 'better-sqlite3';

/** From this many orders on, a change's commit leaves the WAL checkpoint for later. */
export const LARGE_CHANGE = 1000;
/** How long after the answer the checkpoint runs: the screen's refresh is served first. */
const CHECKPOINT_DELAY_MS = 250;

/**
 * A large change dirties about one database page per order. Its commit does not also copy
 * those pages back into the database file (SQLite's automatic WAL checkpoint, with its fsync,
 * half as long again as the change): that runs shortly after the answer, once the screen has
 * refreshed. Durability is the same: the commit is in the WAL either way.
 */
export function withDeferredCheckpoint<T>(sqlite: BetterSqlite3.Database, orders: number, change: () => T): T {
  if (orders < LARGE_CHANGE) return change();
  const automatic = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  try {
    return change();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${automatic}`);
    setTimeout(() => {
      if (sqlite.open) sqlite.pragma('wal_checkpoint(PASSIVE)');
    }, CHECKPOINT_DELAY_MS).unref();
  }
}
