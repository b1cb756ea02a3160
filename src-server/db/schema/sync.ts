import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * One row: the server's identity and the last change number handed out. Every writing
 * transaction locks this row first, so change numbers are given out in commit order and a
 * cursor never skips a change that committed late (DESIGN 6) — across server processes too.
 */
export const syncState = pgTable('sync_state', {
  id: integer('id').primaryKey(),
  serverId: text('server_id').notNull(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  purgedThrough: text('purged_through'),
});

/**
 * Every pushed operation id, with the answer given: a resend gets the same answer. Op ids
 * are the sending PC's own, so they are kept per client: a PC reusing another's id gets
 * nothing of the other's.
 */
export const appliedOps = pgTable(
  'applied_ops',
  {
    opId: text('op_id').notNull(),
    clientId: integer('client_id').notNull(),
    orderId: integer('order_id'),
    accepted: boolean('accepted').notNull(),
    reason: text('reason'),
    appliedAt: text('applied_at').notNull(),
    /** Which order and what was tried, so head office can read a refusal (同期エラー). */
    channel: text('channel').notNull().default(''),
    orderNo: text('order_no').notNull().default(''),
    kind: text('kind').notNull().default(''),
    operation: text('operation'),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.opId] }),
    index('applied_ops_refused_idx')
      .on(t.appliedAt)
      .where(sql`NOT ${t.accepted}`),
  ],
);

/** Masters owned by head office (payment methods, sub-statuses, mail templates, stores). */
export const masterRows = pgTable(
  'master_rows',
  {
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    data: jsonb('data').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    seq: bigint('seq', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] }), index('master_rows_seq_idx').on(t.seq)],
);
