import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What the last file import said about each order (F1): the values as imported. A later
 * import compares the file, this snapshot and the order as it is now, and updates a field
 * only where the store has not changed it since (three-way merge, see imports/merge.ts).
 */
export const importRecords = sqliteTable(
  'import_records',
  {
    channel: text('channel').notNull(),
    orderNo: text('order_no').notNull(),
    orderId: integer('order_id').notNull(),
    /** JSON of the imported fields (ImportedValues). */
    snapshot: text('snapshot').notNull(),
    source: text('source').notNull(),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.orderNo] })],
);

/** Saved column mappings: how a store's own CSV layout maps onto the order fields. */
export const importMappings = sqliteTable('import_mappings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  channel: text('channel').notNull(),
  /** JSON: { [ImportField]: header name in the file } */
  fields: text('fields').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
