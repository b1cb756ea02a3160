import { sql, type SQL } from 'drizzle-orm';
import {
  PULL_PAGE_MAX,
  PULL_PAGE_ORDERS,
  type PulledHistory,
  type WireMaster,
} from '../../src-shared/sync/protocol.js';
import type { ClientIdentity } from '../auth.js';
import { lastChange } from '../db/changes.js';
import { idList, JSON_TEXT_SEPARATOR, jsonRowsTogether, rows, type ServerDb } from '../db/open.js';
import { ordersJson } from '../orders/load.js';
import { sentWire, type WireShape } from '../orders/wire.js';
import { PACKED_ITEM_KEYS, PACKED_ORDER_KEYS } from '../../src-shared/sync/packed-orders.js';
import { holdingsQuery, withPageStock } from '../stock/pull.js';
import type { WireHolding } from '../../src-shared/sync/stock-wire.js';

type Entry =
  | { seq: number; type: 'order'; index: number; id: number }
  | { seq: number; type: 'stock'; index: number }
  | { seq: number; type: 'removed'; channel: string; orderNo: string }
  | { seq: number; type: 'master'; master: WireMaster };

/** History a PC receives: not intake rows (the order itself says it), not its own changes. */
const historySent = (clientId: number) => sql`h.kind <> 'intake' AND h.origin_client_id IS DISTINCT FROM ${clientId}`;

/**
 * Orders in this PC's sight with history on the page (cursor, next] but whose latest change
 * comes after the page: the page's cut would otherwise pass over that history for good.
 */
async function changedAgain(
  db: ServerDb,
  client: ClientIdentity,
  scope: SQL,
  cursor: number,
  next: number,
): Promise<number[]> {
  const found = await rows<{ id: number }>(
    db,
    sql`SELECT DISTINCT o.id FROM order_history h JOIN orders o ON o.id = h.order_id
        WHERE h.seq > ${cursor} AND h.seq <= ${next} AND ${historySent(client.id)} AND o.seq > ${next} AND ${scope}`,
  );
  return found.map((r) => r.id);
}

/** A page as JSON text, and the cursor the next page starts from (null: this was the last). */
export interface PulledPage {
  json: string;
  nextFrom: number | null;
}

const head = (now: Date, next: number, hasMore: boolean) =>
  `{"serverTime":${JSON.stringify(now.toISOString())},"cursor":${next},"hasMore":${hasMore}`;

/** A packed page's head names the keys its orders' values are listed by (packed-orders.ts). */
const PACKED_HEAD = `,"fields":${JSON.stringify(PACKED_ORDER_KEYS)},"itemFields":${JSON.stringify(PACKED_ITEM_KEYS)}`;

/**
 * How a PC asked for its page: `copy` its first copy (see stock/pull.ts); `shape` of the
 * orders; `packedStock` its stock rows packed too (PACKED_STOCK_KEYS; only with packed orders).
 */
export interface PullOptions {
  copy?: boolean;
  shape?: WireShape;
  packedStock?: boolean;
}

/**
 * One page of what changed since `cursor` that this PC may see: its orders (whole), the
 * history made elsewhere, orders that left its store, and masters. Entries are cut at
 * `limit` in change order; the new cursor is the last entry sent, or — when the page is
 * not full — the last change number, so an F6 with nothing new costs almost nothing.
 * Returns the PullResponse as JSON text (the orders are their stored wire texts) and, for
 * the route's header, the cursor a next page starts from when there is one.
 *
 * The page is read from one snapshot: with several server processes writing, an order
 * changed again between two of its queries would otherwise slip past the cursor with the
 * history of its earlier change.
 */
export async function pullPage(
  db: ServerDb,
  client: ClientIdentity,
  cursor: number,
  limit: number,
  now: Date,
  { copy = false, shape = 'object', packedStock = false }: PullOptions = {},
): Promise<PulledPage> {
  if (cursor >= (await lastChange(db)))
    return {
      json: `${head(now, Math.max(cursor, 0), false)}${shape === 'packed' ? PACKED_HEAD : ''},"orders":[],"removed":[],"masters":[],"history":[],"stock":[],"holdings":[]}`,
      nextFrom: null,
    };
  return db.transaction(
    (tx) =>
      pageFromSnapshot(
        tx as unknown as ServerDb,
        client,
        { cursor, limit, copy, shape, packedStock: packedStock && shape === 'packed' },
        now,
      ),
    {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    },
  );
}

/** The change number past which no entry can make a page of `size`: the (size + 1)-th found. */
function pageBound(seqs: number[], size: number, high: number): number {
  if (seqs.length <= size) return high;
  return [...seqs].sort((a, b) => a - b)[size]!;
}

async function pageFromSnapshot(
  db: ServerDb,
  client: ClientIdentity,
  { cursor, limit, copy, shape, packedStock }: { cursor: number; limit: number } & Required<PullOptions>,
  now: Date,
): Promise<PulledPage> {
  const high = await lastChange(db);
  const size = Math.min(Math.max(limit, 1), PULL_PAGE_MAX);
  const scope = client.isHeadOffice ? sql`TRUE` : sql`o.store_id = ${client.storeId}`;
  const orderLimit = Math.min(size, PULL_PAGE_ORDERS);
  const [found] = await rows<{ ids: number[] | null; seqs: number[] | null; wires: string | null }>(
    db,
    sql`SELECT json_agg(t.id ORDER BY t.seq) AS ids, json_agg(t.seq ORDER BY t.seq) AS seqs,
          string_agg(t.wire, ${JSON_TEXT_SEPARATOR} ORDER BY t.seq) AS wires
        FROM (SELECT o.id, o.seq, ${sentWire('o', shape)} AS wire FROM orders o
              WHERE ${scope} AND o.seq > ${cursor} AND o.seq <= ${high} ORDER BY o.seq LIMIT ${orderLimit + 1}) t`,
  );
  // More orders than a page holds: the page ends before the first one left out.
  const orderSeqs = found?.seqs ?? [];
  const top = orderSeqs.length > orderLimit ? orderSeqs[orderLimit]! - 1 : high;
  // Once size + 1 entries are found, nothing after the last of them can make the page: the
  // other kinds stop there (else a page of orders would also read a page of stock for nothing).
  // They are read in one statement (one round trip); the page is cut from all of them below.
  const bound = pageBound(orderSeqs.slice(0, orderLimit), size, top);
  // Head office sees every store: no order leaves its sight.
  const departures = client.isHeadOffice
    ? sql`SELECT 0 AS seq WHERE FALSE`
    : sql`SELECT d.seq, d.channel, d.order_no AS "orderNo" FROM order_departures d
          WHERE d.store_id = ${client.storeId} AND d.seq > ${cursor} AND d.seq <= ${bound}
            AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = d.order_id AND o.store_id = ${client.storeId})
          ORDER BY d.seq LIMIT ${size + 1}`;
  const [[removedRows, masterRows], stockFound] = await withPageStock<
    [{ seq: number; channel: string; orderNo: string }[], (WireMaster & { seq: number })[]]
  >(
    db,
    [
      departures,
      sql`SELECT kind, key, data, deleted, seq FROM master_rows WHERE seq > ${cursor} AND seq <= ${bound} ORDER BY seq LIMIT ${size + 1}`,
    ],
    client,
    { cursor, high: bound, limit: size + 1 },
    { copy, packed: packedStock },
  );
  const ids = found?.ids ?? [];
  const entries: Entry[] = [
    ...orderSeqs.slice(0, orderLimit).map((seq, index) => ({ seq, type: 'order' as const, index, id: ids[index]! })),
    ...removedRows.map((r) => ({ seq: r.seq, type: 'removed' as const, channel: r.channel, orderNo: r.orderNo })),
    ...masterRows.map(({ seq, ...master }) => ({ seq, type: 'master' as const, master })),
    ...stockFound.seqs.map((seq, index) => ({ seq, type: 'stock' as const, index })),
  ].sort((a, b) => a.seq - b.seq);
  const full = entries.length > size;
  const hasMore = full || top < high;
  const page = entries.slice(0, size);
  const next = full ? page[page.length - 1]!.seq : top;
  const kept = page.flatMap((e) => (e.type === 'order' ? [e] : []));
  const wires = found?.wires ? found.wires.split(JSON_TEXT_SEPARATOR) : [];
  // Orders changed on this page and again after it: sent now with this page's history,
  // and again (with the rest) on the page of their last change.
  const later = hasMore ? await changedAgain(db, client, scope, cursor, next) : [];
  const laterJson = later.length ? (await ordersJson(db, later, shape)).slice(1, -1) : '';
  const orders = [...kept.map((e) => wires[e.index]), laterJson].filter(Boolean).join(',');
  const withHistory = [...kept.map((e) => e.id), ...later];
  // The history and the stock held of the page's orders, in one statement.
  const [history, holdings] = withHistory.length
    ? await jsonRowsTogether<[PulledHistory[], WireHolding[]]>(db, [
        // Each order's history is read by its order id (a few rows each): `seq + 0` keeps the
        // planner from reading the change-number range by its own index instead, which it did
        // because the newest numbers lie past a growing table's statistics: it guessed a few
        // hundred rows where a fleet's 10 s holds tens of thousands (11.9 ms against 0.06–0.3 ms
        // for a store PC's 20 orders).
        sql`SELECT o.channel, o.order_no AS "orderNo", h.at, h.actor, h.store_id AS "storeId", h.pc_id AS "pcId", h.kind,
              h.from_value AS "from", h.to_value AS "to", h.reason
            FROM order_history h JOIN orders o ON o.id = h.order_id
            WHERE h.order_id = ANY(${idList(withHistory)}::int[])
              AND h.seq + 0 > ${cursor} AND h.seq + 0 <= ${next} AND ${historySent(client.id)}
            ORDER BY h.id`,
        holdingsQuery(withHistory),
      ])
    : [[], []];
  const removed = page.flatMap((e) => (e.type === 'removed' ? [{ channel: e.channel, orderNo: e.orderNo }] : []));
  const masters = page.flatMap((e) => (e.type === 'master' ? [e.master] : []));
  const stock = stockFound.member(page.flatMap((e) => (e.type === 'stock' ? [e.index] : [])));
  return {
    json: `${head(now, next, hasMore)}${shape === 'packed' ? PACKED_HEAD : ''},"orders":[${orders}],"removed":${JSON.stringify(removed)},"masters":${JSON.stringify(masters)},"history":${JSON.stringify(history)},${stock},"holdings":${JSON.stringify(holdings)}}`,
    nextFrom: hasMore ? next : null,
  };
}
