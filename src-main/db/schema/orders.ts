import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Orders (SPEC §1). Money is integer yen; dates are ISO strings in UTC.
 * `mailPending` is 1 while the mail for the current main status has not gone out (S5);
 * the status engine and the mailer keep it true, and it keeps the メール未送信 tab cheap.
 */
export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    /** Copied from the payment method: whether 入金確認 is needed (drives 催促対象, S6). */
    needsPayment: integer('needs_payment', { mode: 'boolean' }).notNull().default(true),
    subtotal: integer('subtotal').notNull().default(0),
    discount: integer('discount').notNull().default(0),
    shippingFee: integer('shipping_fee').notNull().default(0),
    codFee: integer('cod_fee').notNull().default(0),
    total: integer('total').notNull().default(0),
    /** 金額未取得: the amounts are unknown (a file without prices), not ¥0 (order-fields.ts). */
    amountsUnknown: integer('amounts_unknown', { mode: 'boolean' }).notNull().default(false),
    orderComment: text('order_comment').notNull().default(''),
    staffComment: text('staff_comment').notNull().default(''),
    /** 配送希望 (delivery-wishes.ts): YYYY-MM-DD, a time-slot code, the channel's 配送方法; '' none. */
    deliveryDate: text('delivery_date').notNull().default(''),
    deliveryTimeSlot: text('delivery_time_slot').notNull().default(''),
    deliveryMethod: text('delivery_method').notNull().default(''),
    mailInquiry: integer('mail_inquiry', { mode: 'boolean' }).notNull().default(false),
    orderFormDone: integer('order_form_done', { mode: 'boolean' }).notNull().default(true),
    buyerRating: integer('buyer_rating', { mode: 'boolean' }).notNull().default(true),
    storeId: text('store_id'),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    bundleGroup: text('bundle_group'),
    /** Normalised buyer name + postal code + address of an open order (S14), kept by triggers. */
    bundleKey: text('bundle_key'),
    status: text('status').notNull().default('new'),
    subStatusId: integer('sub_status_id'),
    mailPending: integer('mail_pending', { mode: 'boolean' }).notNull().default(false),
    /**
     * This PC's メール未送信: mail_pending, unless the メール方針 turns the status mail off for
     * the order's channel (mail_policy_off). Local, never synced; kept by triggers and by
     * mail/mail-due.ts when the policy is saved.
     */
    mailDue: integer('mail_due', { mode: 'boolean' }).notNull().default(false),
    paidAt: text('paid_at'),
    shippedAt: text('shipped_at'),
    cancelledAt: text('cancelled_at'),
    cancelReason: text('cancel_reason'),
    piiPurgedAt: text('pii_purged_at'),
    /** 出荷通知 (ShipNoticeState): set by the central server, or 'file' by this PC's upload files. */
    shipNotice: text('ship_notice'),
    /** The channel's word on this order (a refused notice, a conflicting change), from the server. */
    channelNote: text('channel_note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Bumped on every change; sync uses it to detect concurrent edits. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('orders_channel_order_no_uq').on(t.channel, t.orderNo),
    index('orders_status_ordered_idx').on(t.status, t.orderedAt, t.id),
    index('orders_order_no_idx').on(t.orderNo),
    index('orders_mail_due_idx')
      .on(t.orderedAt, t.id)
      .where(sql`${t.mailDue} = 1`),
    // A tab sorted by amount or number (header click) reads its page's ids from these at any
    // depth without touching a row: main-status tabs by (status, column), メール未送信 by the
    // column among mail_due orders (orders/tab-pages.ts).
    index('orders_status_total_idx').on(t.status, t.total),
    // F5 by amount range across every status.
    index('orders_total_idx').on(t.total),
    index('orders_status_order_no_idx').on(t.status, t.orderNo),
    index('orders_mail_due_total_idx')
      .on(t.total)
      .where(sql`${t.mailDue} = 1`),
    index('orders_mail_due_order_no_idx')
      .on(t.orderNo)
      .where(sql`${t.mailDue} = 1`),
    // 催促対象 (S6): covering partial indexes, so the reminder count and its pages in any sort
    // order read index entries only.
    // Status sets in these predicates are IN lists of at most two values (or OR-ed ones):
    // SQLite evaluates a longer IN list by filling a temporary table, and it evaluates every
    // predicate for the old and the new row of each status change (drizzle/0017).
    index('orders_unpaid_idx')
      .on(t.orderedAt, t.needsPayment, t.status, t.orderFormDone, t.total, t.orderNo)
      .where(
        sql`${t.needsPayment} = 1 AND (${t.status} IN ('new', 'stock_confirmed') OR ${t.status} = 'out_of_stock')`,
      ),
    index('orders_form_unfilled_idx')
      .on(t.orderedAt, t.needsPayment, t.status, t.orderFormDone, t.total, t.orderNo)
      .where(sql`${t.orderFormDone} = 0 AND ${t.status} NOT IN ('shipped', 'cancelled')`),
    index('orders_store_status_idx').on(t.storeId, t.status),
    index('orders_tracking_idx').on(t.trackingNo),
    index('orders_bundle_idx').on(t.bundleGroup),
    // F10 finds candidates by scanning this alone: open orders only, grouped by store and key.
    index('orders_bundle_key_idx')
      .on(t.storeId, t.bundleKey, t.orderedAt, t.status)
      .where(sql`${t.status} NOT IN ('shipped', 'cancelled')`),
    // F5 search and E2–E4 extractions: date order across every status, and small
    // partial indexes so that "orders with a comment / an inquiry in this tab" reads no rows.
    index('orders_ordered_idx').on(t.orderedAt, t.id),
    // A deep page of an F5 result in date order sorts every match once: this narrow copy of
    // each order's date, in id order, gives it without reading the wide order rows.
    index('orders_id_ordered_idx').on(t.id, t.orderedAt),
    index('orders_order_comment_idx')
      .on(t.status, t.orderedAt, t.id)
      .where(sql`${t.orderComment} <> ''`),
    index('orders_staff_comment_idx')
      .on(t.status, t.orderedAt, t.id)
      .where(sql`${t.staffComment} <> ''`),
    index('orders_mail_inquiry_idx')
      .on(t.status, t.orderedAt, t.id)
      .where(sql`${t.mailInquiry} = 1`),
    index('orders_sub_status_idx')
      .on(t.subStatusId, t.status)
      .where(sql`${t.subStatusId} IS NOT NULL`),
  ],
);

export const orderItems = sqliteTable(
  'order_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
  (t) => [uniqueIndex('order_items_order_line_uq').on(t.orderId, t.lineNo), index('order_items_sku_idx').on(t.sku)],
);

/** Every change to an order: who, from which store/PC, when, from, to, why (S2). */
export const orderHistory = sqliteTable(
  'order_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    storeId: text('store_id'),
    pcId: text('pc_id').notNull(),
    kind: text('kind').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    reason: text('reason').notNull().default(''),
  },
  (t) => [index('order_history_order_idx').on(t.orderId, t.id)],
);

/** Trigger-maintained row counts per tab, so that the tab bar is O(1) at any size. */
export const tabCounts = sqliteTable('tab_counts', {
  tab: text('tab').primaryKey(),
  n: integer('n').notNull().default(0),
});
