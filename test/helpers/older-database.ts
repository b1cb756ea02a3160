import type BetterSqlite3 from 'better-sqlite3';

/** Columns of `orders` that migrations after the seam add, as today's order writer names them. */
const LATER_ORDER_COLUMNS: Record<string, string> = {
  ship_notice: 'text',
  channel_note: "text NOT NULL DEFAULT ''",
  delivery_date: "text NOT NULL DEFAULT ''",
  delivery_time_slot: "text NOT NULL DEFAULT ''",
  delivery_method: "text NOT NULL DEFAULT ''",
};

/**
 * Runs today's writer against a database migrated only part of the way: the order columns it
 * lacks are lent for the call and taken away again, so the later migrations still add them.
 */
export function withLaterOrderColumns<T>(sqlite: BetterSqlite3.Database, write: () => T): T {
  const present = new Set(sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('orders') as string[]);
  const lent = Object.entries(LATER_ORDER_COLUMNS).filter(([column]) => !present.has(column));
  for (const [column, type] of lent) sqlite.exec(`ALTER TABLE orders ADD ${column} ${type}`);
  try {
    return write();
  } finally {
    for (const [column] of lent) sqlite.exec(`ALTER TABLE orders DROP COLUMN ${column}`);
  }
}
