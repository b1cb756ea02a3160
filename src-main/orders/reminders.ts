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
 * A page of reminder targets, newest first: a merge of the two index-ordered groups, so a
 * page costs its own rows, not a sort of every target. `columns` must include ordered_at, id.
 */
export function reminderPageSql(columns: string, direction: 'ASC' | 'DESC'): string {
  return `SELECT ${columns} FROM orders INDEXED BY orders_unpaid_idx WHERE ${UNPAID_DUE}
    UNION ALL
    SELECT ${columns} FROM orders INDEXED BY orders_form_unfilled_idx WHERE ${FORM_DUE}
    ORDER BY orderedAt ${direction}, id ${direction} LIMIT @limit OFFSET @offset`;
}
