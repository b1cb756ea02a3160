import { sql } from 'drizzle-orm';
import {
  PACKED_ITEM_KEYS,
  PACKED_ORDER_KEYS,
  orderUnpacker,
  type PackedOrder,
} from '../../src-shared/sync/packed-orders.js';
import type { WireOrder } from '../../src-shared/sync/protocol.js';
import { idList, jsonRows, rows, type ServerDb } from '../db/open.js';
import { selectOrderColumns } from './columns.js';
import { sentWire, type WireShape } from './wire.js';

export type OrderRow = Omit<WireOrder, 'items' | 'history'> & { id: number; seq: number };

/** Orders as they travel, as one JSON array text in change order (history left empty). */
export async function ordersJson(db: ServerDb, ids: readonly number[], shape: WireShape): Promise<string> {
  if (ids.length === 0) return '[]';
  const [row] = await rows<{ j: string | null }>(
    db,
    sql`SELECT string_agg(${sentWire('o', shape)}, ',' ORDER BY o.seq) AS j
        FROM orders o WHERE o.id = ANY(${idList(ids)}::int[])`,
  );
  return `[${row?.j ?? ''}]`;
}

/** An order as the server packs it (today's keys) back to a WireOrder. */
export const unpackStored = orderUnpacker({ fields: PACKED_ORDER_KEYS, itemFields: PACKED_ITEM_KEYS });

export async function loadOrders(db: ServerDb, ids: readonly number[]): Promise<WireOrder[]> {
  const packed = JSON.parse(await ordersJson(db, ids, 'packed')) as PackedOrder[];
  return packed.map(unpackStored);
}

export async function selectOrdersByIds(db: ServerDb, ids: readonly number[]): Promise<OrderRow[]> {
  if (ids.length === 0) return [];
  return jsonRows<OrderRow>(
    db,
    sql`SELECT o.id, o.seq, ${selectOrderColumns('o')} FROM orders o WHERE o.id = ANY(${idList(ids)}::int[])`,
  );
}
