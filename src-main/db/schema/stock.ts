import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Stock per SKU and store (在庫一覧). `reserved` is held by stock-confirmed orders not yet
 * shipped. Invariants, kept by stock/ledger.ts, the one writer: reserved = SUM of the
 * order reservations, 0 <= reserved <= on_hand.
 */
export const stock = sqliteTable(
  'stock',
  {
    sku: text('sku').notNull(),
    storeId: text('store_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    /** 棚番: where the item sits on the store's shelves (the picking list's walk). */
    location: text('location').notNull().default(''),
    jan: text('jan').notNull().default(''),
    title: text('title').notNull().default(''),
    /** SKU, JAN, title and 棚番 normalised for search (kana and width insensitive, as F5). */
    searchKey: text('search_key').notNull().default(''),
    /** The last change to this row (import, adjustment, reservation, shipment ...). */
    updatedAt: text('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.sku, t.storeId] }),
    // A store's rows in 商品コード or 棚番 order (在庫一覧 on a store PC; the picking walk).
    // SKU and store never change, so a count or a reservation moves no entry of these.
    index('stock_store_sku_idx').on(t.storeId, t.sku),
    index('stock_store_location_idx').on(t.storeId, t.location, t.sku),
    // 在庫一覧's filter reads this alone (a covering scan, half the bytes of the table).
    index('stock_search_idx').on(t.storeId, t.searchKey),
  ],
);

/**
 * The stock ledger: one row for every change to a SKU's on-hand or reserved count, with
 * who, which PC, when, why, the counts before and after, and the order where there is one.
 * kind: count (棚卸), receive (入荷), adjust (手動調整), reserve (在庫確認), consume (出荷確定),
 * release (注文取消, or a reservation the central server refused).
 */
export const stockLedger = sqliteTable(
  'stock_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    sku: text('sku').notNull(),
    storeId: text('store_id').notNull(),
    kind: text('kind').notNull(),
    onHandBefore: integer('on_hand_before').notNull(),
    onHandAfter: integer('on_hand_after').notNull(),
    reservedBefore: integer('reserved_before').notNull(),
    reservedAfter: integer('reserved_after').notNull(),
    orderId: integer('order_id'),
    orderNo: text('order_no'),
    operator: text('operator').notNull(),
    pcId: text('pc_id').notNull(),
    reason: text('reason').notNull().default(''),
  },
  (t) => [
    index('stock_ledger_sku_idx').on(t.sku, t.storeId, t.id),
    index('stock_ledger_order_idx')
      .on(t.orderId)
      .where(sql`${t.orderId} IS NOT NULL`),
  ],
);

/** Saved column mappings for stock files whose headers the built-in names do not cover. */
export const stockMappings = sqliteTable('stock_mappings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** Field → header name in the file, as JSON. */
  fields: text('fields').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
