import { sql } from 'drizzle-orm';
import type { WireHistory, WireItem, WireOrder } from '../../src-shared/sync/protocol.js';
import { rows, type ServerDb } from '../db/open.js';
import { selectOrderColumns } from './columns.js';

export type OrderRow = Omit<WireOrder, 'items' | 'history'> & { id: number; seq: number };

/** One parameter for a list of ids, so a page of thousands stays one statement. */
export function idList(ids: readonly number[]): string {
  return `{${ids.join(',')}}`;
}

/** Reads orders with their items and, when asked, the history new since `historyAfter`. */
export async function loadOrders(
  db: ServerDb,
  ordersRows: OrderRow[],
  history?: { after: number; excludeClientId: number | null },
): Promise<WireOrder[]> {
  if (ordersRows.length === 0) return [];
  const ids = idList(ordersRows.map((o) => o.id));
  const items = await rows<WireItem & { orderId: number }>(
    db,
    sql`SELECT order_id AS "orderId", line_no AS "lineNo", sku, title, quantity, unit_price AS "unitPrice", location
        FROM order_items WHERE order_id = ANY(${ids}::int[]) ORDER BY order_id, line_no`,
  );
  const byOrder = new Map<number, WireItem[]>();
  for (const { orderId, ...item } of items) {
    const list = byOrder.get(orderId);
    if (list) list.push(item);
    else byOrder.set(orderId, [item]);
  }
  const historyByOrder = new Map<number, WireHistory[]>();
  if (history) {
    const found = await rows<WireHistory & { orderId: number }>(
      db,
      sql`SELECT order_id AS "orderId", at, actor, store_id AS "storeId", pc_id AS "pcId", kind,
            from_value AS "from", to_value AS "to", reason
          FROM order_history
          WHERE order_id = ANY(${ids}::int[]) AND seq > ${history.after}
            AND origin_client_id IS DISTINCT FROM ${history.excludeClientId}
          ORDER BY order_id, id`,
    );
    for (const { orderId, ...entry } of found) {
      const list = historyByOrder.get(orderId);
      if (list) list.push(entry);
      else historyByOrder.set(orderId, [entry]);
    }
  }
  return ordersRows.map(({ id, seq: _seq, ...order }) => ({
    ...order,
    items: byOrder.get(id) ?? [],
    history: historyByOrder.get(id) ?? [],
  }));
}

export async function selectOrdersByIds(db: ServerDb, ids: readonly number[]): Promise<OrderRow[]> {
  if (ids.length === 0) return [];
  return rows<OrderRow>(
    db,
    sql`SELECT o.id, o.seq, ${selectOrderColumns('o')} FROM orders o WHERE o.id = ANY(${idList(ids)}::int[])`,
  );
}
