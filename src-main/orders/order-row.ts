import type { NewOrder } from '../../src-shared/domain/order.js';
import { ORDER_FIELDS } from '../../src-shared/domain/order-fields.js';
import { arrivalOf, recordFromRow } from './order-columns.js';

/** An orders row as `SELECT *` reads it: snake_case columns. */
export type OrderDbRow = Record<string, unknown>;

/**
 * What an order arrived with (a NewOrder, its items aside), read from its orders row by the
 * field table. One mapping for the order detail (orders/queries) and for the order a PC
 * sends the server (sync/wire-order), so a column added to both cannot be read two ways.
 */
export function newOrderFields(r: OrderDbRow): Omit<NewOrder, 'items'> {
  const byKey: Record<string, unknown> = {};
  for (const field of ORDER_FIELDS) byKey[field.key] = r[field.column];
  return arrivalOf(recordFromRow(byKey));
}
