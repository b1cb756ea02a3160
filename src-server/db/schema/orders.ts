import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The central copy of every order: the same fields as a store PC's (SPEC §1), plus `seq`,
 * the position of its latest change in the server's single change order (sync_state).
 */
export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    channel: text('channel').notNull(),
    orderNo: text('order_no').notNull(),
    orderedAt: text('ordered_at').notNull(),
    /** The channel's order number when order_no differs from it (a 分割 part); null: order_no itself. */
    channelOrderNo: text('channel_order_no'),
    /** 分割元: order_no of the order this one was split from. */
    splitFrom: text('split_from'),
    buyerName: text('buyer_name').notNull().default(''),
    buyerKana: text('buyer_kana').notNull().default(''),
    buyerEmail: text('buyer_email').notNull().default(''),
    buyerPhone: text('buyer_phone').notNull().default(''),
    shipName: text('ship_name').notNull().default(''),
    shipPostalCode: text('ship_postal_code').notNull().default(''),
    shipPrefecture: text('ship_prefecture').notNull().default(''),
    shipAddress1: text('ship_address1').notNull().default(''),
    shipAddress2: text('ship_address2').notNull().default(''),
    shipPhone: text('ship_phone').notNull().default(''),
    paymentMethod: text('payment_method').notNull(),
    needsPayment: boolean('needs_payment').notNull().default(true),
    subtotal: integer('subtotal').notNull().default(0),
    discount: integer('discount').notNull().default(0),
    shippingFee: integer('shipping_fee').notNull().default(0),
    codFee: integer('cod_fee').notNull().default(0),
    total: integer('total').notNull().default(0),
    /** 金額未取得: the amounts are unknown (a file without prices), not ¥0 (order-fields.ts). */
    amountsUnknown: boolean('amounts_unknown').notNull().default(false),
    orderComment: text('order_comment').notNull().default(''),
    staffComment: text('staff_comment').notNull().default(''),
    /** 配送希望 (delivery-wishes.ts): YYYY-MM-DD, a time-slot code, the channel's 配送方法; '' none. */
    deliveryDate: text('delivery_date').notNull().default(''),
    deliveryTimeSlot: text('delivery_time_slot').notNull().default(''),
    deliveryMethod: text('delivery_method').notNull().default(''),
    mailInquiry: boolean('mail_inquiry').notNull().default(false),
    orderFormDone: boolean('order_form_done').notNull().default(true),
    buyerRating: boolean('buyer_rating').notNull().default(true),
    storeId: text('store_id'),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    bundleGroup: text('bundle_group'),
    status: text('status').notNull().default('new'),
    subStatusId: integer('sub_status_id'),
    mailPending: boolean('mail_pending').notNull().default(false),
    paidAt: text('paid_at'),
    shippedAt: text('shipped_at'),
    cancelledAt: text('cancelled_at'),
    cancelReason: text('cancel_reason'),
    piiPurgedAt: text('pii_purged_at'),
    /** 出荷通知 to the channel: null (no API notice), 'pending', 'sent', 'error', 'file'. */
    shipNotice: text('ship_notice'),
    /** The channel's word on this order for the store: a refused notice, a conflicting change. */
    channelNote: text('channel_note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /**
     * The order as it travels to the PCs (packed: src-shared/sync/packed-orders.ts), rebuilt by
     * every write: a pull page is then a concatenation of stored texts, not thousands of JSON
     * constructions (PGlite runs single-threaded in WebAssembly). A text packed under other
     * keys (an older version's) is not sent: it is packed again from the columns.
     */
    wire: text('wire'),
  },
  (t) => [
    uniqueIndex('orders_channel_order_no_uq').on(t.channel, t.orderNo),
    index('orders_seq_idx').on(t.seq),
    index('orders_store_seq_idx').on(t.storeId, t.seq),
    // A tracking number pushed by a PC is checked against the other parcels waiting to ship.
    index('orders_tracking_idx').on(t.trackingNo),
    index('orders_purge_idx')
      .on(t.shippedAt)
      .where(sql`${t.channel} = 'amazon' AND ${t.piiPurgedAt} IS NULL`),
  ],
);

export const orderItems = pgTable(
  'order_items',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    sku: text('sku').notNull(),
    title: text('title').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    location: text('location').notNull().default(''),
    taxRate: integer('tax_rate').notNull().default(10),
  },
  (t) => [uniqueIndex('order_items_order_line_uq').on(t.orderId, t.lineNo)],
);

/**
 * Every change to an order (S2). `seq` places it in the change order, so a pull sends only
 * the rows new since the puller's cursor; `originClientId` keeps a PC's own rows from
 * echoing back to it.
 */
export const orderHistory = pgTable(
  'order_history',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    storeId: text('store_id'),
    pcId: text('pc_id').notNull(),
    kind: text('kind').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    reason: text('reason').notNull().default(''),
    originClientId: integer('origin_client_id'),
  },
  (t) => [index('order_history_order_seq_idx').on(t.orderId, t.seq), index('order_history_seq_idx').on(t.seq)],
);

/** An order leaving a store (E5 reassignment): that store's PCs delete their copy on pull. */
export const orderDepartures = pgTable(
  'order_departures',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    orderId: integer('order_id').notNull(),
    channel: text('channel').notNull(),
    orderNo: text('order_no').notNull(),
    storeId: text('store_id').notNull(),
  },
  (t) => [index('order_departures_store_seq_idx').on(t.storeId, t.seq)],
);
