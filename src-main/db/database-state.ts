import type BetterSqlite3 from 'better-sqlite3';

/**
 * Where the database stands, from two counters SQLite keeps: data_version moves whenever
 * another connection (another process, the sync, a second window) commits, total_changes()
 * counts every row this connection has written. Both equal: nothing was written in between.
 */
export function databaseState(sqlite: BetterSqlite3.Database): string {
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  const ownChanges = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${dataVersion}:${ownChanges}`;
}
