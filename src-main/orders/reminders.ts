export interface ReminderCutoffs {
  /** ISO timestamps: orders placed before these are reminder targets (S6). */
  unpaidBefore: string;
  orderFormBefore: string;
}

/**
 * 催促対象 (S6): unpaid orders and orders whose order form is not filled in, older than the
 * period set for each. The two groups overlap, so the form group leaves out what the unpaid
 * group already holds; each group reads its own covering partial index (INDEXED BY keeps
 * the planner from the status index, which would read a table row per order).
 */
// The same predicates as the partial indexes' (schema/orders.ts), so that the planner can use them.
const UNPAID = `needs_payment = 1 AND (status IN ('new', 'stock_confirmed') OR status = 'out_of_stock')`;
const FORM_UNFILLED = `order_form_done = 0 AND status NOT IN ('shipped', 'cancelled')`;

const UNPAID_DUE = `${UNPAID} AND ordered_at < @unpaidBefore`;
const FORM_DUE = `${FORM_UNFILLED} AND ordered_at < @orderFormBefore AND NOT (${UNPAID_DUE})`;

/** Whether a row of `orders` is a reminder target (for filters that combine with others). */
export const REMINDER_WHERE = `((${UNPAID_DUE}) OR (${FORM_UNFILLED} AND ordered_at < @orderFormBefore))`;

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
