import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Every mail attempt (S13). The row is written as 'pending' before the send and updated
 * after, so a crash in the middle of a batch leaves evidence instead of a duplicate.
 *
 * result: pending (intent committed, send under way) → sent | failed (the server refused or
 * could not be reached: certainly not delivered) | unknown (the process died or the
 * connection broke after the message was handed over: possibly delivered, never resent
 * automatically). 'marked' = E12, marked as sent without sending. 'retried' = an unknown
 * attempt the clerk chose to send again (the retry is its own row, retry_of = this id).
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
    /** Stable per mail: a retry of the same mail reuses it, so clients can drop a duplicate. */
    messageId: text('message_id'),
    retryOf: integer('retry_of'),
    actor: text('actor').notNull().default(''),
  },
  (t) => [
    index('mail_log_created_idx').on(t.createdAt),
    // The database itself refuses a second status mail for the same order and main status
    // while one is sent, marked, in flight or of unknown outcome (S5: never twice).
    uniqueIndex('mail_log_status_once_uq')
      .on(t.orderId, t.mainStatus)
      .where(
        sql`${t.kind} IN ('stock_confirmed', 'payment_confirmed', 'shipped') AND ${t.result} IN ('pending', 'sent', 'unknown', 'marked')`,
      ),
    // An order's mails (F12, the purge) and, per kind, its last reminder ("not again within
    // the same period") and its status-mail claim. It replaces (order_id, id): one index
    // fewer to write per mail.
    index('mail_log_order_kind_idx').on(t.orderId, t.kind, t.createdAt),
    // Start-up reconciliation and the F8 "needs attention" filter touch only these few rows.
    index('mail_log_open_idx')
      .on(t.result, t.id)
      .where(sql`${t.result} IN ('pending', 'unknown', 'failed')`),
  ],
);

/** Mail templates edited in the master screen; a kind without a row uses the built-in text. */
export const mailTemplates = sqliteTable('mail_templates', {
  kind: text('kind').primaryKey(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull().default(''),
});

/**
 * This PC's メール方針 as the database sees it: the (channel, main status) pairs whose status
 * mail is switched off. The orders triggers read it to keep orders.mail_due; mail/mail-due.ts
 * writes it from the settings at start-up and when the policy is saved.
 */
export const mailPolicyOff = sqliteTable(
  'mail_policy_off',
  {
    channel: text('channel').notNull(),
    status: text('status').notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.status] })],
);
