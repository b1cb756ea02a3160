import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Local changes the central server refused (DESIGN 6), kept until the clerk has seen them:
 * which order, what was tried, why it was refused and the order's state now.
 */
export const syncRefused = sqliteTable(
  'sync_refused',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    opId: text('op_id').notNull().unique(),
    channel: text('channel').notNull(),
    orderNo: text('order_no').notNull(),
    kind: text('kind').notNull(),
    attempted: text('attempted').notNull(),
    reason: text('reason').notNull(),
    statusNow: text('status_now'),
    at: text('at').notNull(),
    seenAt: text('seen_at'),
  },
  (t) => [index('sync_refused_seen_idx').on(t.seenAt, t.id)],
);
