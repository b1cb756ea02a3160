import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What each order holds of a store's stock after the F11 stock check (S15).
 * Invariant: for every (sku, store), stock.reserved = SUM(quantity) of these rows, and rows
 * exist only for orders in 在庫確認済 / 入金済 / 出荷待ち. Cancellation deletes an order's rows
 * (releasing the units), ship confirmation deletes them and lowers on_hand (consuming them).
 */
export const stockReservations = sqliteTable(
  'stock_reservations',
  {
    orderId: integer('order_id').notNull(),
    sku: text('sku').notNull(),
    storeId: text('store_id').notNull(),
    quantity: integer('quantity').notNull(),
    reservedAt: text('reserved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.sku] }), index('stock_reservations_store_sku_idx').on(t.storeId, t.sku)],
);

/** Shortages registered by 欠品登録 (S15): which SKU, how many were needed and available. */
export const stockShortages = sqliteTable(
  'stock_shortages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id').notNull(),
    sku: text('sku').notNull(),
    storeId: text('store_id').notNull(),
    needed: integer('needed').notNull(),
    available: integer('available').notNull(),
    registeredAt: text('registered_at').notNull(),
    /** Set when a later stock check finds the order complete. */
    resolvedAt: text('resolved_at'),
  },
  (t) => [index('stock_shortages_order_idx').on(t.orderId, t.id)],
);
