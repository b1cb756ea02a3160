import type BetterSqlite3 from 'better-sqlite3';

/** SQL of a statement that answers a single column (better-sqlite3's pluck). */
interface PluckSql {
  pluck: string;
}

/**
 * A service's prepared statements, made once when the service is made (once per open
 * database), reached by name: `this.sql.byId.get(id)`. One map instead of a field, its type
 * and its assignment per statement in every service.
 */
export function prepareAll<K extends string>(
  sqlite: BetterSqlite3.Database,
  sql: Record<K, string | PluckSql>,
): Record<K, BetterSqlite3.Statement> {
  const out = {} as Record<K, BetterSqlite3.Statement>;
  for (const name of Object.keys(sql) as K[]) {
    const text = sql[name];
    out[name] = typeof text === 'string' ? sqlite.prepare(text) : sqlite.prepare(text.pluck).pluck();
  }
  return out;
}
