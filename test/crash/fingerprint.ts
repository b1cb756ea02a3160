import type BetterSqlite3 from 'better-sqlite3';

/**
 * What an operation changes about each order, without timestamps or random ids: status,
 * version, how many history rows / outbox entries / reservations / shortages it has.
 * Two databases in which an order has the same fingerprint agree on that order.
 */
const ORDER_PROJECTION = `
  WITH h AS (SELECT order_id, count(*) AS n FROM order_history GROUP BY order_id),
       x AS (SELECT CAST(entity_id AS INTEGER) AS order_id, count(*) AS n FROM sync_outbox WHERE entity = 'order' GROUP BY entity_id),
       r AS (SELECT order_id, sum(quantity) AS n FROM stock_reservations GROUP BY order_id),
       s AS (SELECT order_id, count(*) AS n FROM stock_shortages WHERE resolved_at IS NULL GROUP BY order_id)
  SELECT o.id,
    o.status || '|' || o.mail_pending || '|' || o.version || '|' || coalesce(o.tracking_no, '') || '|' ||
    coalesce(o.store_id, '') || '|' || coalesce(o.sub_status_id, '') || '|' || coalesce(o.bundle_group, '') || '|' ||
    o.total || '|' || coalesce(h.n, 0) || '|' || coalesce(x.n, 0) || '|' || coalesce(r.n, 0) || '|' || coalesce(s.n, 0) AS fp
  FROM orders o
  LEFT JOIN h ON h.order_id = o.id LEFT JOIN x ON x.order_id = o.id
  LEFT JOIN r ON r.order_id = o.id LEFT JOIN s ON s.order_id = o.id`;

export type Fingerprints = Map<number, string>;

export function orderFingerprints(sqlite: BetterSqlite3.Database): Fingerprints {
  const map: Fingerprints = new Map();
  for (const row of sqlite.prepare(ORDER_PROJECTION).all() as { id: number; fp: string }[]) map.set(row.id, row.fp);
  return map;
}

export interface Comparison {
  /** Orders the operation changes that are still as before it. */
  before: number;
  /** Orders the operation changes that are as after it. */
  after: number;
  /** Orders matching neither state: each is a half-applied operation (or damage). */
  neither: { id: number; now: string | undefined; before: string | undefined; after: string | undefined }[];
}

/** Sorts the orders the operation changes (before ≠ after) into before / after / neither. */
export function compareStates(now: Fingerprints, before: Fingerprints, after: Fingerprints): Comparison {
  const result: Comparison = { before: 0, after: 0, neither: [] };
  const ids = new Set([...now.keys(), ...before.keys(), ...after.keys()]);
  for (const id of ids) {
    const fp = now.get(id);
    const [was, will] = [before.get(id), after.get(id)];
    if (was === will && fp === was) continue;
    if (fp === will) result.after += 1;
    else if (fp === was) result.before += 1;
    else result.neither.push({ id, now: fp, before: was, after: will });
  }
  return result;
}
