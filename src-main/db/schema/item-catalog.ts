import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Every distinct SKU + title the orders' items have had, kept by triggers on order_items
 * (drizzle/0018). F5 by SKU or title matches the typed text against this small list, then
 * finds the orders of the matching SKUs in the order_item_search index.
 */
export const itemCatalog = sqliteTable(
  'item_catalog',
  {
    id: integer('id').primaryKey(),
    sku: text('sku').notNull(),
    title: text('title').notNull(),
  },
  (t) => [uniqueIndex('item_catalog_sku_title_uq').on(t.sku, t.title)],
);
