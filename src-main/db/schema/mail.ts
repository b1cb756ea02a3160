import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every mail attempt (S13). The row is written as 'pending' before the send and updated
 * after, so a crash in the middle of a batch leaves evidence instead of a duplicate.
 */
export const mailLog = sqliteTable(
  'mail_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id').notNull(),
    kind: text('kind').notNull(),
    mainStatus: text('main_status').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    result: text('result').notNull(),
    error: text('error'),
    createdAt: text('created_at').notNull(),
    finishedAt: text('finished_at'),
  },
  (t) => [index('mail_log_order_idx').on(t.orderId, t.id), index('mail_log_created_idx').on(t.createdAt)],
);
