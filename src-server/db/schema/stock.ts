import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';

/**
 * Every store's stock, the one truth the PCs sync with (N2). `seq` places the row's latest
 * change in the server's change order, so a PC pulls only the rows changed since its cursor.
 * The check holds on hand >= reserved >= 0 whatever any writer does.
 */
export const stock = pgTable(
  'stock',
  {
    storeId: text('store_id').notNull(),
    sku: text('sku').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    location: text('location').notNull().default(''),
    jan: text('jan').notNull().default(''),
    title: text('title').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.sku] }),
    index('stock_seq_idx').on(t.seq),
    index('stock_store_seq_idx').on(t.storeId, t.seq),
    check('stock_counts_ck', sql`${t.reserved} >= 0 AND ${t.onHand} >= ${t.reserved}`),
  ],
);

/** What each order holds of its store's stock; stock.reserved = SUM(quantity) per SKU and store. */
export const stockReservations = pgTable(
  'stock_reservations',
  {
    orderId: integer('order_id').notNull(),
    storeId: text('store_id').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    reservedAt: text('reserved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.sku] }), index('stock_reservations_store_sku_idx').on(t.storeId, t.sku)],
);

/**
 * The central stock ledger: every change to a SKU's on-hand or reserved count at any store,
 * with who, which PC, when, why, before and after, and the order where there is one.
 */
export const stockLedger = pgTable(
  'stock_ledger',
  {
    id: serial('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: text('at').notNull(),
    storeId: text('store_id').notNull(),
    sku: text('sku').notNull(),
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
    /** The client whose operation made the change (null: intake or the server itself). */
    originClientId: integer('origin_client_id'),
  },
  (t) => [index('stock_ledger_store_sku_idx').on(t.storeId, t.sku, t.id), index('stock_ledger_seq_idx').on(t.seq)],
);
