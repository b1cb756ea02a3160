import { REMINDER_SENT } from '../mail/mail-log.js';

export interface ReminderCutoffs {
  /** ISO timestamps: orders placed before these are reminder targets (S6). */
  unpaidBefore: string;
  orderFormBefore: string;
}

/**
 * 催促対象 (S6): unpaid orders and orders whose order form is not filled in, older than the
 * period set for each, and not reminded of it within that period (after a reminder an order
 * leaves the tab until its next one is due, as 催促メール sends it). The two groups overlap,
 * so the form group leaves out what the unpaid group already holds; each group reads its own
 * covering partial index (INDEXED BY keeps the planner from the status index, which would
 * read a table row per order).
 */
// The same predicates as the partial indexes' (schema/orders.ts), so that the planner can use them.
const UNPAID = `needs_payment = 1 AND (status IN ('new', 'stock_confirmed') OR status = 'out_of_stock')`;
const FORM_UNFILLED = `order_form_done = 0 AND status NOT IN ('shipped', 'cancelled')`;

/** Orders whose reminder of this kind went out since the cutoff (a short list: one period of mails). */
const remindedSince = (kind: string, cutoff: string) =>
  `id NOT IN (SELECT order_id FROM mail_log WHERE kind = '${kind}' AND created_at >= @${cutoff} AND ${REMINDER_SENT})`;

const UNPAID_DUE = `${UNPAID} AND ordered_at < @unpaidBefore AND ${remindedSince('unpaid_reminder', 'unpaidBefore')}`;
const FORM_OWED = `${FORM_UNFILLED} AND ordered_at < @orderFormBefore AND ${remindedSince('order_form_reminder', 'orderFormBefore')}`;
const FORM_DUE = `${FORM_OWED} AND NOT (${UNPAID_DUE})`;

/** Whether a row of `orders` is a reminder target (for filters that combine with others). */
export const REMINDER_WHERE = `((${UNPAID_DUE}) OR (${FORM_OWED}))`;

export const REMINDER_COUNT_SQL = `SELECT
  (SELECT count(*) FROM orders INDEXED BY orders_unpaid_idx WHERE ${UNPAID_DUE}) +
  (SELECT count(*) FROM orders INDEXED BY orders_form_unfilled_idx WHERE ${FORM_DUE}) AS n`;

/**
 * The reminder targets' ids with the column a page is sorted by, from the two covering
 * indexes alone (they hold ordered_at, total and order_no): the caller appends ORDER BY and
 * LIMIT. In date order SQLite merges the two index-ordered groups; by amount or number it
 * sorts their index entries, never reading an order row.
 */
export function reminderIdsSql(column: string): string {
  return `SELECT id FROM (
    SELECT id, ${column} FROM orders INDEXED BY orders_unpaid_idx WHERE ${UNPAID_DUE}
    UNION ALL
    SELECT id, ${column} FROM orders INDEXED BY orders_form_unfilled_idx WHERE ${FORM_DUE})`;
}

/** Each listed order's reminders so far (催促済: the last one's date and how many). */
export const REMINDERS_SENT_SQL = `SELECT order_id AS orderId, max(created_at) AS at, count(*) AS n FROM mail_log
  WHERE order_id IN (SELECT value FROM json_each(?)) AND kind IN ('unpaid_reminder', 'order_form_reminder')
    AND ${REMINDER_SENT} GROUP BY order_id`;
