import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';

/**
 * A seller's account at a channel with an API (Amazon, Yahoo!ショッピング, 楽天): where to
 * reach it, its credentials (sealed with the server's key file, never readable from the
 * database alone), how often it is fetched and where its cursor stands. `cursor` moves
 * only in the transaction that stores the orders it covers.
 */
export const channelAccounts = pgTable('channel_accounts', {
  id: serial('id').primaryKey(),
  channel: text('channel').notNull(),
  name: text('name').notNull(),
  /** Shipping store given to the orders of this account (null: head office assigns). */
  storeId: text('store_id'),
  intervalMinutes: integer('interval_minutes').notNull().default(10),
  enabled: boolean('enabled').notNull().default(true),
  /** Endpoints and public identifiers (seller id, marketplace): nothing secret. */
  settings: jsonb('settings').notNull(),
  /** AES-256-GCM sealed JSON of the secrets, bound to this row's id. */
  credentials: text('credentials').notNull(),
  /** 'ok' | 'stopped' (bad credential: waits for new ones) | 'failing' (channel unreachable). */
  state: text('state').notNull().default('ok'),
  /** The last problem, in Japanese, for head office. */
  message: text('message').notNull().default(''),
  cursor: jsonb('cursor'),
  lastRunAt: text('last_run_at'),
  lastSuccessAt: text('last_success_at'),
  nextRunAt: text('next_run_at'),
  /** One run at a time across server processes: whoever holds an unexpired lease runs it. */
  leaseUntil: text('lease_until'),
  leaseHolder: text('lease_holder'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * An order as its channel account knows it: the channel's state and last update (to see a
 * change before shipping), and what a shipment notice needs (Amazon's order item ids,
 * 楽天's basket ids).
 */
export const channelOrders = pgTable(
  'channel_orders',
  {
    accountId: integer('account_id').notNull(),
    orderNo: text('order_no').notNull(),
    orderId: integer('order_id').notNull(),
    channelState: text('channel_state').notNull(),
    channelUpdatedAt: text('channel_updated_at').notNull(),
    /** Comparable digest of the ship-to the channel last sent (an edit shows as a new digest). */
    shipToDigest: text('ship_to_digest').notNull(),
    shipmentRef: jsonb('shipment_ref').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.orderNo] }), index('channel_orders_order_idx').on(t.orderId)],
);

/**
 * One shipment notice per order (出荷通知), queued in the transaction that ships the order.
 * 'pending' waits for `nextAttemptAt`; 'sending' was handed to the channel and its answer is
 * not recorded yet (after a crash it is checked with the channel before any resend); 'sent';
 * 'refused' keeps the channel's message until head office retries it.
 */
export const shipmentNotices = pgTable(
  'shipment_notices',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id').notNull().unique(),
    accountId: integer('account_id').notNull(),
    orderNo: text('order_no').notNull(),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    shipDate: text('ship_date').notNull(),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    /** Set when handed to the channel; a stale one marks an answer lost with its process. */
    sendingSince: text('sending_since'),
    /** Its last answer was lost: the channel is asked whether it has it before any resend. */
    unsure: boolean('unsure').notNull().default(false),
    channelMessage: text('channel_message').notNull().default(''),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [
    index('shipment_notices_due_idx')
      .on(t.accountId, t.nextAttemptAt)
      .where(sql`${t.state} = 'pending'`),
    index('shipment_notices_state_idx').on(t.state),
  ],
);

/** A channel-side change the store had moved past (shipped, label printed): head office sees it. */
export const channelConflicts = pgTable(
  'channel_conflicts',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id').notNull(),
    accountId: integer('account_id').notNull(),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    detectedAt: text('detected_at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    index('channel_conflicts_open_idx')
      .on(t.detectedAt)
      .where(sql`${t.resolvedAt} IS NULL`),
  ],
);

/**
 * One run of a channel account (取込 of the console): when, what it fetched and created,
 * the notices it sent, and how it ended (the account's state and its Japanese message).
 */
export const channelRuns = pgTable(
  'channel_runs',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id').notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at').notNull(),
    onDemand: boolean('on_demand').notNull(),
    pages: integer('pages').notNull(),
    created: integer('created').notNull(),
    changed: integer('changed').notNull(),
    conflicts: integer('conflicts').notNull(),
    noticesSent: integer('notices_sent').notNull(),
    noticesRefused: integer('notices_refused').notNull(),
    state: text('state').notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('channel_runs_account_idx').on(t.accountId, t.id)],
);
