import { sql, type SQL } from 'drizzle-orm';
import type { WireStock } from '../../src-shared/sync/stock-wire.js';
import type { ClientIdentity } from '../auth.js';
import { idList } from '../db/open.js';

/** A changed stock row as read (stockEntriesQuery), with its change number. */
export type StockFound = WireStock & { seq: number };

/** The stock rows a PC may see: its store's, or every store's for head office. */
const stockScope = (client: ClientIdentity): SQL =>
  client.isHeadOffice ? sql`TRUE` : sql`s.store_id = ${client.storeId}`;

/**
 * The query of the stock rows changed in (cursor, high] that this PC may see, in change order (at most
 * `limit`), each with the latest change made elsewhere that moved it — who, which PC, why —
 * for the PC's own ledger. A row moved only by this PC's own operations carries none.
 * `copy`: the PC is taking its first copy and keeps no ledger of it, so no moves are looked
 * up (the look-up is most of a page's cost).
 */
export function stockEntriesQuery(
  client: ClientIdentity,
  window: { cursor: number; high: number; limit: number },
  copy = false,
): SQL {
  const { cursor, high, limit } = window;
  const move = copy
    ? sql`NULL`
    : sql`(SELECT json_build_object('kind', l.kind, 'at', l.at, 'operator', l.operator, 'pcId', l.pc_id,
              'reason', l.reason, 'orderNo', l.order_no)
            FROM stock_ledger l WHERE l.store_id = s.store_id AND l.sku = s.sku AND l.seq > ${cursor}
              AND l.origin_client_id IS DISTINCT FROM ${client.id}
            ORDER BY l.id DESC LIMIT 1)`;
  return sql`SELECT s.seq, s.store_id AS "storeId", s.sku, s.on_hand AS "onHand", s.location, s.jan, s.title,
          s.updated_at AS "updatedAt", ${move} AS move
        FROM stock s WHERE ${stockScope(client)} AND s.seq > ${cursor} AND s.seq <= ${high}
        ORDER BY s.seq LIMIT ${limit}`;
}

/**
 * The query of what each of these orders holds of its store's stock on the server, for the PC to hold the
 * same (an order not listed holds nothing).
 */
export function holdingsQuery(orderIds: readonly number[]): SQL {
  return sql`SELECT o.channel, o.order_no AS "orderNo", json_agg(json_build_object('sku', r.sku, 'quantity', r.quantity)) AS lines
        FROM stock_reservations r JOIN orders o ON o.id = r.order_id
        WHERE r.order_id = ANY(${idList(orderIds)}::int[]) GROUP BY o.channel, o.order_no`;
}
