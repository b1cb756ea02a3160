import type BetterSqlite3 from 'better-sqlite3';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { MUTABLE_FIELDS, ORDER_FIELDS } from '../../src-shared/domain/order-fields.js';
import { ORDER_INSERT, orderValues, readArrival, selectAsKeys } from '../orders/order-columns.js';
import type { WireItem, WireOrder } from '../../src-shared/sync/protocol.js';

/** Columns whose difference makes an incoming order worth writing: all but its key and bookkeeping. */
const COMPARED = ORDER_FIELDS.filter((f) => !['key', 'fixed', 'record'].includes(f.sync));

/** How an incoming order overwrites a known one; personal fields already erased here (S3) stay erased. */
const UPSERT_SET = MUTABLE_FIELDS.map(({ column, ...f }) => {
  if ('pii' in f && f.pii)
    return `${column} = CASE WHEN orders.pii_purged_at IS NOT NULL THEN '' ELSE excluded.${column} END`;
  if (f.sync === 'purge') return `${column} = coalesce(orders.${column}, excluded.${column})`;
  return `${column} = excluded.${column}`;
}).join(', ');

/**
 * Writes orders as the server sends them into the local tables, keyed by (channel, order
 * number). Personal fields this PC has already erased (S3) stay erased whatever comes in.
 */
export class LocalOrderWriter {
  private readonly upsert: BetterSqlite3.Statement;
  private readonly clearItems: BetterSqlite3.Statement;
  private readonly insertItem: BetterSqlite3.Statement;
  private readonly insertHistory: BetterSqlite3.Statement;
  private readonly findId: BetterSqlite3.Statement;
  private readonly deleteOrder: BetterSqlite3.Statement;
  private readonly deleteHistory: BetterSqlite3.Statement;
  private readonly current: BetterSqlite3.Statement;
  private readonly insertNew: BetterSqlite3.Statement;
  private readonly releaseNumber: BetterSqlite3.Statement;
  private readonly claimNumber: BetterSqlite3.Statement;

  constructor(sqlite: BetterSqlite3.Database) {
    this.upsert = sqlite.prepare(
      `${ORDER_INSERT} ON CONFLICT (channel, order_no) DO UPDATE SET ${UPSERT_SET} RETURNING id`,
    );
    this.insertNew = sqlite.prepare(ORDER_INSERT.replace('INSERT INTO', 'INSERT OR IGNORE INTO'));
    this.clearItems = sqlite.prepare('DELETE FROM order_items WHERE order_id = ?');
    this.releaseNumber = sqlite.prepare('DELETE FROM parcels WHERE tracking_no = ?');
    this.claimNumber = sqlite.prepare('INSERT OR REPLACE INTO parcels (tracking_no, parcel) VALUES (?, ?)');
    this.insertItem = sqlite.prepare(
      'INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_price, location, tax_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertHistory = sqlite.prepare(
      `INSERT INTO order_history (order_id, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.findId = sqlite.prepare('SELECT id FROM orders WHERE channel = ? AND order_no = ?').pluck();
    this.deleteOrder = sqlite.prepare('DELETE FROM orders WHERE id = ?');
    this.deleteHistory = sqlite.prepare('DELETE FROM order_history WHERE order_id = ?');
    this.current = sqlite.prepare(
      `SELECT o.id, ${selectAsKeys('o', COMPARED)},
         (SELECT json_group_array(json_array(line_no, sku, title, quantity, unit_price, location, tax_rate))
          FROM (SELECT * FROM order_items WHERE order_id = o.id ORDER BY line_no)) AS items
       FROM orders o WHERE o.channel = ? AND o.order_no = ?`,
    );
  }

  /**
   * The server's word on who holds a tracking number (S11): a claim here that disagrees
   * (a parcel's number as it stood before the server judged it) gives way to the order
   * written, so applying the server's state never trips the parcels' unique index.
   */
  private holding(order: WireOrder, write: () => number): number {
    if (order.status !== 'awaiting_shipment' || !order.trackingNo) return write();
    const number = order.trackingNo.replace(/-/g, '');
    this.releaseNumber.run(number);
    const id = write();
    this.claimNumber.run(number, order.bundleGroup ?? `order:${id}`);
    return id;
  }

  /** The local order when it already equals `order` (an echo of this PC's own change). */
  private unchanged(order: WireOrder): number | undefined {
    const row = this.current.get(order.channel, order.orderNo) as Record<string, unknown> | undefined;
    if (!row) return undefined;
    for (const { key } of COMPARED) {
      const incoming = order[key];
      const local = row[key];
      if ((typeof incoming === 'boolean' ? Number(incoming) : incoming) !== local) return undefined;
    }
    const items = JSON.stringify(
      order.items.map((i) => [i.lineNo, i.sku, i.title, i.quantity, i.unitPrice, i.location, i.taxRate ?? 10]),
    );
    return row.items === items ? Number(row.id) : undefined;
  }

  idOf(channel: string, orderNo: string): number | undefined {
    return this.findId.get(channel, orderNo) as number | undefined;
  }

  /** An order not here yet (first sync into an empty PC): a plain insert, no comparing. */
  insertFresh(order: WireOrder): number {
    return this.holding(order, () => this.insertNow(order));
  }

  private insertNow(order: WireOrder): number {
    // The order itself is the record: orderValues reads the columns' keys only (no copy of 50 fields).
    const { items, history } = order;
    const info = this.insertNew.run(orderValues(order));
    // Already here (it changed during the sync and came again): the full path.
    if (info.changes === 0) return this.write(order);
    const id = Number(info.lastInsertRowid);
    for (const i of items)
      this.insertItem.run(id, i.lineNo, i.sku, i.title, i.quantity, i.unitPrice, i.location, i.taxRate ?? 10);
    for (const h of history)
      this.insertHistory.run(id, h.at, h.actor, h.storeId, h.pcId, h.kind, h.from, h.to, h.reason);
    return id;
  }

  /** Inserts or overwrites one order with its items and the history made elsewhere. */
  write(order: WireOrder): number {
    return this.holding(order, () => this.writeNow(order));
  }

  private writeNow(order: WireOrder): number {
    const { items, history } = order;
    const same = this.unchanged(order);
    if (same !== undefined) {
      for (const h of history)
        this.insertHistory.run(same, h.at, h.actor, h.storeId, h.pcId, h.kind, h.from, h.to, h.reason);
      return same;
    }
    const id = (this.upsert.get(orderValues(order)) as { id: number }).id;
    this.clearItems.run(id);
    for (const i of items)
      this.insertItem.run(id, i.lineNo, i.sku, i.title, i.quantity, i.unitPrice, i.location, i.taxRate ?? 10);
    for (const h of history)
      this.insertHistory.run(id, h.at, h.actor, h.storeId, h.pcId, h.kind, h.from, h.to, h.reason);
    return id;
  }

  /** The order left this PC's sight (another store's now): its copy and history go. */
  remove(channel: string, orderNo: string): boolean {
    const id = this.idOf(channel, orderNo);
    if (id === undefined) return false;
    this.deleteHistory.run(id);
    this.deleteOrder.run(id);
    return true;
  }
}

/** Reads a locally made order back as the server takes it in ('create' operations). */
export function readNewOrder(sqlite: BetterSqlite3.Database, id: number): NewOrder | null {
  const order = readArrival(sqlite, id);
  if (!order) return null;
  const items = sqlite
    .prepare(
      'SELECT line_no AS lineNo, sku, title, quantity, unit_price AS unitPrice, location, tax_rate AS taxRate FROM order_items WHERE order_id = ? ORDER BY line_no',
    )
    .all(id) as WireItem[];
  return { ...order, items };
}
