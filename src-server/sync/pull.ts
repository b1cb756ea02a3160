import { sql } from 'drizzle-orm';
import type { PulledHistory, WireMaster } from '../../src-shared/sync/protocol.js';
import type { ClientIdentity } from '../auth.js';
import { lastChange } from '../db/changes.js';
import { idList, jsonRows, rows, type ServerDb } from '../db/open.js';
import { wireExpression } from '../orders/wire.js';

export const MAX_PAGE = 5000;

type Entry =
  | { seq: number; type: 'order'; index: number; id: number }
  | { seq: number; type: 'removed'; channel: string; orderNo: string }
  | { seq: number; type: 'master'; master: WireMaster };

/** Separates the stored order texts in one aggregate; JSON text never holds a raw U+0001. */
const SEPARATOR = '\u0001';

/**
 * One page of what changed since `cursor` that this PC may see: its orders (whole), the
 * history made elsewhere, orders that left its store, and masters. Entries are cut at
 * `limit` in change order; the new cursor is the last entry sent, or — when the page is
 * not full — the last change number, so an F6 with nothing new costs almost nothing.
 * Returns the PullResponse as JSON text: the orders are their stored wire texts.
 */
export async function pullPage(db: ServerDb, client: ClientIdentity, cursor: number, limit: number, now: Date): Promise<string> {
  const high = await lastChange(db);
  const head = (next: number, hasMore: boolean) => `{"serverTime":${JSON.stringify(now.toISOString())},"cursor":${next},"hasMore":${hasMore}`;
  if (cursor >= high) return `${head(Math.max(cursor, 0), false)},"orders":[],"removed":[],"masters":[],"history":[]}`;
  const size = Math.min(Math.max(limit, 1), MAX_PAGE);
  const scope = client.isHeadOffice ? sql`TRUE` : sql`o.store_id = ${client.storeId}`;
  const [found] = await rows<{ ids: number[] | null; seqs: number[] | null; wires: string | null }>(
    db,
    sql`SELECT json_agg(t.id ORDER BY t.seq) AS ids, json_agg(t.seq ORDER BY t.seq) AS seqs,
          string_agg(t.wire, ${SEPARATOR} ORDER BY t.seq) AS wires
        FROM (SELECT o.id, o.seq, coalesce(o.wire, ${wireExpression('o')}) AS wire FROM orders o
              WHERE ${scope} AND o.seq > ${cursor} AND o.seq <= ${high} ORDER BY o.seq LIMIT ${size + 1}) t`,
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
  const ids = found?.ids ?? [];
  const entries: Entry[] = [
    ...(found?.seqs ?? []).map((seq, index) => ({ seq, type: 'order' as const, index, id: ids[index]! })),
    ...removedRows.map((r) => ({ seq: r.seq, type: 'removed' as const, channel: r.channel, orderNo: r.orderNo })),
    ...masterRows.map(({ seq, ...master }) => ({ seq, type: 'master' as const, master })),
  ].sort((a, b) => a.seq - b.seq);
  const hasMore = entries.length > size;
  const page = entries.slice(0, size);
  const next = hasMore ? page[page.length - 1]!.seq : high;
  const kept = page.flatMap((e) => (e.type === 'order' ? [e] : []));
  const wires = found?.wires ? found.wires.split(SEPARATOR) : [];
  const orders = kept.map((e) => wires[e.index]).join(',');
  const history = kept.length
    ? await jsonRows<PulledHistory>(
        db,
        sql`SELECT o.channel, o.order_no AS "orderNo", h.at, h.actor, h.store_id AS "storeId", h.pc_id AS "pcId", h.kind,
              h.from_value AS "from", h.to_value AS "to", h.reason
            FROM order_history h JOIN orders o ON o.id = h.order_id
            WHERE h.seq > ${cursor} AND h.seq <= ${next} AND h.kind <> 'intake'
              AND h.origin_client_id IS DISTINCT FROM ${client.id}
              AND h.order_id = ANY(${idList(kept.map((e) => e.id))}::int[])
            ORDER BY h.id`,
      )
    : [];
  const removed = page.flatMap((e) => (e.type === 'removed' ? [{ channel: e.channel, orderNo: e.orderNo }] : []));
  const masters = page.flatMap((e) => (e.type === 'master' ? [e.master] : []));
  return `${head(next, hasMore)},"orders":[${orders}],"removed":${JSON.stringify(removed)},"masters":${JSON.stringify(masters)},"history":${JSON.stringify(history)}}`;
}
