import { sql } from 'drizzle-orm';
import type { WireMaster } from '../../src-shared/sync/protocol.js';
import type { ClientIdentity } from '../auth.js';
import { lastChange } from '../db/changes.js';
import { jsonRows, type ServerDb } from '../db/open.js';
import { ordersJson } from '../orders/load.js';

export const MAX_PAGE = 5000;

type Entry =
  | { seq: number; type: 'order'; id: number }
  | { seq: number; type: 'removed'; channel: string; orderNo: string }
  | { seq: number; type: 'master'; master: WireMaster };

/**
 * One page of what changed since `cursor` that this PC may see: its orders (whole, with
 * the history made elsewhere), orders that left its store, and masters. Entries are cut
 * at `limit` in change order; the new cursor is the last entry sent, or — when the page
 * is not full — the last change number, so an F6 with nothing new costs almost nothing.
 * Returns the PullResponse as JSON text: the orders part comes from PostgreSQL as is.
 */
export async function pullPage(db: ServerDb, client: ClientIdentity, cursor: number, limit: number, now: Date): Promise<string> {
  const high = await lastChange(db);
  const head = (next: number, hasMore: boolean) => `{"serverTime":${JSON.stringify(now.toISOString())},"cursor":${next},"hasMore":${hasMore}`;
  if (cursor >= high) return `${head(Math.max(cursor, 0), false)},"orders":[],"removed":[],"masters":[]}`;
  const size = Math.min(Math.max(limit, 1), MAX_PAGE);
  const scope = client.isHeadOffice ? sql`TRUE` : sql`o.store_id = ${client.storeId}`;
  const orderRows = await jsonRows<{ id: number; seq: number }>(
    db,
    sql`SELECT o.id, o.seq FROM orders o WHERE ${scope} AND o.seq > ${cursor} AND o.seq <= ${high} ORDER BY o.seq LIMIT ${size + 1}`,
  );
  const removedRows = client.isHeadOffice
    ? []
    : await jsonRows<{ seq: number; channel: string; orderNo: string }>(
        db,
        sql`SELECT d.seq, d.channel, d.order_no AS "orderNo" FROM order_departures d
            WHERE d.store_id = ${client.storeId} AND d.seq > ${cursor} AND d.seq <= ${high}
              AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = d.order_id AND o.store_id = ${client.storeId})
            ORDER BY d.seq LIMIT ${size + 1}`,
      );
  const masterRows = await jsonRows<WireMaster & { seq: number }>(
    db,
    sql`SELECT kind, key, data, deleted, seq FROM master_rows WHERE seq > ${cursor} AND seq <= ${high} ORDER BY seq LIMIT ${size + 1}`,
  );
  const entries: Entry[] = [
    ...orderRows.map((row) => ({ seq: row.seq, type: 'order' as const, id: row.id })),
    ...removedRows.map((r) => ({ seq: r.seq, type: 'removed' as const, channel: r.channel, orderNo: r.orderNo })),
    ...masterRows.map(({ seq, ...master }) => ({ seq, type: 'master' as const, master })),
  ].sort((a, b) => a.seq - b.seq);
  const hasMore = entries.length > size;
  const page = entries.slice(0, size);
  const next = hasMore ? page[page.length - 1]!.seq : high;
  const orders = await ordersJson(
    db,
    page.flatMap((e) => (e.type === 'order' ? [e.id] : [])),
    { after: cursor, excludeClientId: client.id },
  );
  const removed = page.flatMap((e) => (e.type === 'removed' ? [{ channel: e.channel, orderNo: e.orderNo }] : []));
  const masters = page.flatMap((e) => (e.type === 'master' ? [e.master] : []));
  return `${head(next, hasMore)},"orders":${orders},"removed":${JSON.stringify(removed)},"masters":${JSON.stringify(masters)}}`;
}
