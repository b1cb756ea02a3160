import { sql } from 'drizzle-orm';
import type { WireOrder } from '../../src-shared/sync/protocol.js';
import { jsonRows, jsonText, type ServerDb } from '../db/open.js';
import { selectOrderColumns } from './columns.js';

export type OrderRow = Omit<WireOrder, 'items' | 'history'> & { id: number; seq: number };

/** One parameter for a list of ids, so a page of thousands stays one statement. */
export function idList(ids: readonly number[]): string {
  return `{${ids.join(',')}}`;
}

/**
 * Orders as they travel, built by PostgreSQL as one JSON text (in change order): each with
 * its items and, when asked, the history new since `history.after` made by others.
 */
export async function ordersJson(db: ServerDb, ids: readonly number[], history?: { after: number; excludeClientId: number | null }): Promise<string> {
  if (ids.length === 0) return '[]';
  const historyColumn = history
    ? sql`coalesce((SELECT json_agg(json_build_object('at', h.at, 'actor', h.actor, 'storeId', h.store_id, 'pcId', h.pc_id,
          'kind', h.kind, 'from', h.from_value, 'to', h.to_value, 'reason', h.reason) ORDER BY h.id)
        FROM order_history h WHERE h.order_id = o.id AND h.seq > ${history.after}
          AND h.origin_client_id IS DISTINCT FROM ${history.excludeClientId}), '[]')`
    : sql`'[]'::json`;
  return jsonText(
    db,
    sql`SELECT ${selectOrderColumns('o')},
          coalesce((SELECT json_agg(json_build_object('lineNo', i.line_no, 'sku', i.sku, 'title', i.title, 'quantity', i.quantity,
              'unitPrice', i.unit_price, 'location', i.location) ORDER BY i.line_no)
            FROM order_items i WHERE i.order_id = o.id), '[]') AS items,
          ${historyColumn} AS history
        FROM orders o WHERE o.id = ANY(${idList(ids)}::int[]) ORDER BY o.seq`,
  );
}

export async function loadOrders(db: ServerDb, ids: readonly number[]): Promise<WireOrder[]> {
  return JSON.parse(await ordersJson(db, ids)) as WireOrder[];
}

export async function selectOrdersByIds(db: ServerDb, ids: readonly number[]): Promise<OrderRow[]> {
  if (ids.length === 0) return [];
  return jsonRows<OrderRow>(db, sql`SELECT o.id, o.seq, ${selectOrderColumns('o')} FROM orders o WHERE o.id = ANY(${idList(ids)}::int[])`);
}
