import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Stock per SKU and store. `reserved` is held by stock-confirmed orders not yet shipped. */
export const stock = sqliteTable(
  'stock',
  {
    sku: text('sku').notNull(),
    storeId: text('store_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    location: text('location').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.sku, t.storeId] })],
);
