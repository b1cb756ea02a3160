import { sql } from 'drizzle-orm';
import type { PullResponse, WireMaster } from '../../src-shared/sync/protocol.js';
import type { ClientIdentity } from '../auth.js';
import { lastChange } from '../db/changes.js';
import { rows, type ServerDb } from '../db/open.js';
import { selectOrderColumns } from '../orders/columns.js';
import { loadOrders, type OrderRow } from '../orders/load.js';

export const MAX_PAGE = 5000;

type Entry =
  | { seq: number; type: 'order'; row: OrderRow }
  | { seq: number; type: 'removed'; channel: string; orderNo: string }
  | { seq: number; type: 'master'; master: WireMaster };

/**
 * One page of what changed since `cursor` that this PC may see: its orders (whole, with
 * the history made elsewhere), orders that left its store, and masters. Entries are cut
 * at `limit` in change order; the new cursor is the last entry sent, or — when the page
 * is not full — the last change number, so an F6 with nothing new costs almost nothing.
 */
export async function pullPage(db: ServerDb, client: ClientIdentity, cursor: number, limit: number, now: Date): Promise<PullResponse> {
  const high = await lastChange(db);
  const serverTime = now.toISOString();
  if (cursor >= high) return { serverTime, cursor: Math.max(cursor, 0), hasMore: false, orders: [], removed: [], masters: [] };
  const size = Math.min(Math.max(limit, 1), MAX_PAGE);
  const scope = client.isHeadOffice ? sql`TRUE` : sql`o.store_id = ${client.storeId}`;
  const orderRows = await rows<OrderRow>(
    db,
    sql`SELECT o.id, o.seq, ${selectOrderColumns('o')} FROM orders o
        WHERE ${scope} AND o.seq > ${cursor} AND o.seq <= ${high} ORDER BY o.seq LIMIT ${size + 1}`,
  );
  const removedRows = client.isHeadOffice
    ? []
    : await rows<{ seq: number; channel: string; orderNo: string }>(
        db,
        sql`SELECT d.seq, d.channel, d.order_no AS "orderNo" FROM order_departures d
            WHERE d.store_id = ${client.storeId} AND d.seq > ${cursor} AND d.seq <= ${high}
              AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = d.order_id AND o.store_id = ${client.storeId})
            ORDER BY d.seq LIMIT ${size + 1}`,
      );
  const masterRows = await rows<WireMaster & { seq: number }>(
    db,
    sql`SELECT kind, key, data, deleted, seq FROM master_rows WHERE seq > ${cursor} AND seq <= ${high} ORDER BY seq LIMIT ${size + 1}`,
  );
  const entries: Entry[] = [
    ...orderRows.map((row) => ({ seq: Number(row.seq), type: 'order' as const, row })),
    ...removedRows.map((r) => ({ seq: Number(r.seq), type: 'removed' as const, channel: r.channel, orderNo: r.orderNo })),
    ...masterRows.map(({ seq, ...master }) => ({ seq: Number(seq), type: 'master' as const, master })),
  ].sort((a, b) => a.seq - b.seq);
  const hasMore = entries.length > size;
  const page = entries.slice(0, size);
  const next = hasMore ? page[page.length - 1]!.seq : high;
  const pageOrders = page.flatMap((e) => (e.type === 'order' ? [e.row] : []));
  return {
    serverTime,
    cursor: next,
    hasMore,
    orders: await loadOrders(db, pageOrders, { after: cursor, excludeClientId: client.id }),
    removed: page.flatMap((e) => (e.type === 'removed' ? [{ channel: e.channel, orderNo: e.orderNo }] : [])),
    masters: page.flatMap((e) => (e.type === 'master' ? [e.master] : [])),
  };
}
