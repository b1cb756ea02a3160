import type BetterSqlite3 from 'better-sqlite3';

/** Columns that migrations after the seam add, as today's order writer names them, per table. */
const LATER_COLUMNS: Record<string, Record<string, string>> = {
  orders: {
    ship_notice: 'text',
    channel_note: "text NOT NULL DEFAULT ''",
    delivery_date: "text NOT NULL DEFAULT ''",
    delivery_time_slot: "text NOT NULL DEFAULT ''",
    delivery_method: "text NOT NULL DEFAULT ''",
    amounts_unknown: 'integer NOT NULL DEFAULT 0',
    channel_order_no: 'text',
    split_from: 'text',
  },
  order_items: { tax_rate: 'integer NOT NULL DEFAULT 10' },
};

/**
 * Runs today's writer against a database migrated only part of the way: the columns it
 * lacks are lent for the call and taken away again, so the later migrations still add them.
 */
export function withLaterOrderColumns<T>(sqlite: BetterSqlite3.Database, write: () => T): T {
  const lent = Object.entries(LATER_COLUMNS).flatMap(([table, columns]) => {
    const present = new Set(sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
    return Object.entries(columns)
      .filter(([column]) => !present.has(column))
      .map(([column, type]) => ({ table, column, type }));
  });
  for (const { table, column, type } of lent) sqlite.exec(`ALTER TABLE ${table} ADD ${column} ${type}`);
  try {
    return write();
  } finally {
    for (const { table, column } of lent) sqlite.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
  }
}
