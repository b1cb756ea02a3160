import { sql, type SQL } from 'drizzle-orm';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { newOrderRecord } from '../../src-shared/domain/order-record.js';
import { writeTransaction, type ChangeNumbers } from '../db/changes.js';
import { idList, rows, writesConcurrently, type ServerDb } from '../db/open.js';
import { noteBulkWrite } from '../db/statistics.js';
import { paymentNeeds } from '../sync/masters.js';
import { ORDER_COLUMNS, recordDefinition } from './columns.js';
import { fillUnknownAmounts } from './fill-amounts.js';
import { ITEM_COLUMN_LIST, itemRecord, itemValues } from './item-columns.js';
import { itemsPacked, wireOfRecord } from './wire.js';

const COLUMN_LIST = sql.raw(ORDER_COLUMNS.map(([, column]) => column).join(', '));
const KEY_LIST = sql.raw(ORDER_COLUMNS.map(([key]) => `"${key}"`).join(', '));

export interface IntakeResult {
  created: number;
  /** Already known (same channel + order number): left as they are, but for their amounts below. */
  duplicates: string[];
  /** Known ones whose unknown amounts (金額未取得) the source's prices filled. */
  filled: string[];
}

/**
 * Takes orders in centrally (channel connectors, CSV). Idempotent on channel + order number:
 * a resent order is reported as a duplicate and changes nothing — except that a priced one
 * fills the amounts of a known order whose amounts are unknown (金額未取得). One transaction per call.
 */
export async function intakeOrders(
  db: ServerDb,
  orders: readonly NewOrder[],
  source: string,
  now: Date,
  onCommit?: () => void,
): Promise<IntakeResult> {
  if (orders.length === 0) return { created: 0, duplicates: [], filled: [] };
  const needs = await paymentNeeds(db);
  // Where writers run side by side, the orders are written before the lock is taken (see
  // insertOrders); on PGlite, one transaction at a time, they are numbered as they are written.
  const numberFirst = !writesConcurrently(db);
  const result = await writeTransaction(
    db,
    async (tx, numbers) => {
      if (numberFirst) await numbers.take(orders.length);
      const result = await insertOrders(tx, numbers, orders, source, now.toISOString(), needs);
      const known = new Set(result.duplicates);
      const repeated = orders.filter((o) => known.has(o.orderNo));
      return { ...result, filled: await fillUnknownAmounts(tx, numbers, repeated, source, now.toISOString()) };
    },
    onCommit,
    // The numbers are reserved with the lock, so sync_state is written once.
    { takesNumbersLate: true },
  );
  await noteBulkWrite(db, 'orders', result.created);
  return result;
}

/** The intake's history row of each new order, numbered as the order: `from` gives id and seq. */
const intakeHistory = (from: SQL, at: string, source: string) =>
  sql`INSERT INTO order_history (order_id, seq, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
      SELECT id, seq, ${at}, ${source}, NULL, 'server', 'intake', NULL, 'new', '' FROM ${from}`;

/**
 * Inserts the orders not known yet (inside the caller's transaction); returns what it did.
 * The rows go in with their wire (the packed items come from the input, grouped per order)
 * and their items, in one statement. A caller holding the change-number lock has them
 * numbered, with their history, in that statement: each row is written once. Otherwise they
 * go in unnumbered (`seq` holds minus their place in `orders`), and only then is the lock
 * taken and the new rows numbered, with their history: an intake of 100 orders holds the
 * lock for the numbering, not for its whole insert, and the writers queued behind it (every
 * PC's push) wait milliseconds instead of tens, at the price of a second write of each row.
 */
export async function insertOrders(
  tx: ServerDb,
  numbers: ChangeNumbers,
  orders: readonly NewOrder[],
  source: string,
  at: string,
  needs: Map<string, boolean>,
): Promise<Omit<IntakeResult, 'filled'>> {
  const records = orders.map((o, idx) => ({
    idx: idx + 1,
    ...newOrderRecord(o, at, needs.get(o.paymentMethod) ?? true),
  }));
  const items = orders.flatMap((o, idx) => o.items.map((item) => ({ idx: idx + 1, ...item })));
  const itemsJson = JSON.stringify(items);
  const itemSet = itemRecord('i', 'idx int');
  const numbered = numbers.held;
  const base = numbered ? numbers.reserve(orders.length) : 0;
  const created = await rows<{ id: number; idx: number }>(
    tx,
    sql`WITH packed_items AS (
          SELECT i.idx, ${itemsPacked('i')} AS items FROM jsonb_to_recordset(${itemsJson}::jsonb) AS ${itemSet} GROUP BY i.idx),
        created AS (
          INSERT INTO orders (${COLUMN_LIST}, seq, wire)
          SELECT ${KEY_LIST}, ${numbered ? sql`${base}::bigint + x.idx` : sql`-x.idx`}, ${wireOfRecord('x', 'p.items')}
          FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS ${recordDefinition(ORDER_COLUMNS, ', idx int')}
            LEFT JOIN packed_items p ON p.idx = x.idx
          ON CONFLICT (channel, order_no) DO NOTHING
          RETURNING id, ${numbered ? sql`seq - ${base}::bigint` : sql`-seq`} AS idx, seq),
        items AS (
          INSERT INTO order_items (order_id, ${sql.raw(ITEM_COLUMN_LIST)})
          SELECT c.id, ${sql.raw(itemValues('i'))}
          FROM created c JOIN jsonb_to_recordset(${itemsJson}::jsonb) AS ${itemSet} ON i.idx = c.idx)
        ${numbered ? sql`, history AS (${intakeHistory(sql`created`, at, source)})` : sql``}
        SELECT id, idx FROM created`,
  );
  if (!numbered) {
    await numbers.take(orders.length);
    const first = numbers.reserve(orders.length);
    if (created.length > 0)
      await tx.execute(
        sql`WITH numbered AS (
              UPDATE orders SET seq = ${first}::bigint - seq WHERE id = ANY(${idList(created.map((c) => c.id))}::int[])
              RETURNING id, seq)
            ${intakeHistory(sql`numbered`, at, source)}`,
      );
  }
  const createdIdx = new Set(created.map((c) => Number(c.idx)));
  return {
    created: created.length,
    duplicates: records.filter((r) => !createdIdx.has(r.idx)).map((r) => r.orderNo),
  };
}
