import type BetterSqlite3 from 'better-sqlite3';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { storedBundleKey } from '../bundle/candidates.js';
import { newOrderFields } from '../orders/order-row.js';
import type { WireItem, WireOrder } from '../../src-shared/sync/protocol.js';

const INSERT_COLUMNS = `(channel, order_no, ordered_at, buyer_name, buyer_kana, buyer_email, buyer_phone, ship_name,
         ship_postal_code, ship_prefecture, ship_address1, ship_address2, ship_phone, payment_method, needs_payment,
         subtotal, discount, shipping_fee, cod_fee, total, order_comment, staff_comment, mail_inquiry, order_form_done,
         buyer_rating, store_id, carrier, tracking_no, bundle_group, status, sub_status_id, mail_pending, paid_at,
         shipped_at, cancelled_at, cancel_reason, pii_purged_at, ship_notice, channel_note, created_at, updated_at, version,
         bundle_key)
       VALUES (@channel, @orderNo, @orderedAt, @buyerName, @buyerKana, @buyerEmail, @buyerPhone, @shipName,
         @shipPostalCode, @shipPrefecture, @shipAddress1, @shipAddress2, @shipPhone, @paymentMethod, @needsPayment,
         @subtotal, @discount, @shippingFee, @codFee, @total, @orderComment, @staffComment, @mailInquiry, @orderFormDone,
         @buyerRating, @storeId, @carrier, @trackingNo, @bundleGroup, @status, @subStatusId, @mailPending, @paidAt,
         @shippedAt, @cancelledAt, @cancelReason, @piiPurgedAt, @shipNotice, @channelNote, @createdAt, @updatedAt, @version,
         @bundleKey)`;

/** Columns whose difference makes an incoming order worth writing (PII is erased, not compared). */
const COMPARED = [
  ['status', 'status'],
  ['subStatusId', 'sub_status_id'],
  ['storeId', 'store_id'],
  ['mailPending', 'mail_pending'],
  ['trackingNo', 'tracking_no'],
  ['carrier', 'carrier'],
  ['bundleGroup', 'bundle_group'],
  ['staffComment', 'staff_comment'],
  ['orderComment', 'order_comment'],
  ['discount', 'discount'],
  ['shippingFee', 'shipping_fee'],
  ['codFee', 'cod_fee'],
  ['subtotal', 'subtotal'],
  ['total', 'total'],
  ['buyerRating', 'buyer_rating'],
  ['mailInquiry', 'mail_inquiry'],
  ['orderFormDone', 'order_form_done'],
  ['paidAt', 'paid_at'],
  ['shippedAt', 'shipped_at'],
  ['cancelledAt', 'cancelled_at'],
  ['cancelReason', 'cancel_reason'],
  ['piiPurgedAt', 'pii_purged_at'],
  ['shipNotice', 'ship_notice'],
  ['channelNote', 'channel_note'],
  ['paymentMethod', 'payment_method'],
  ['buyerName', 'buyer_name'],
  ['shipAddress1', 'ship_address1'],
] as const satisfies readonly (readonly [keyof WireOrder, string])[];

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

  constructor(sqlite: BetterSqlite3.Database) {
    const pii = (column: string) =>
      `${column} = CASE WHEN orders.pii_purged_at IS NOT NULL THEN '' ELSE excluded.${column} END`;
    this.upsert = sqlite.prepare(
      `INSERT INTO orders ${INSERT_COLUMNS}
       ON CONFLICT (channel, order_no) DO UPDATE SET
         ${['buyer_name', 'buyer_kana', 'buyer_email', 'buyer_phone', 'ship_name', 'ship_postal_code', 'ship_address1', 'ship_address2', 'ship_phone'].map(pii).join(', ')},
         ordered_at = excluded.ordered_at, ship_prefecture = excluded.ship_prefecture,
         payment_method = excluded.payment_method, needs_payment = excluded.needs_payment, subtotal = excluded.subtotal,
         discount = excluded.discount, shipping_fee = excluded.shipping_fee, cod_fee = excluded.cod_fee, total = excluded.total,
         order_comment = excluded.order_comment, staff_comment = excluded.staff_comment, mail_inquiry = excluded.mail_inquiry,
         order_form_done = excluded.order_form_done, buyer_rating = excluded.buyer_rating, store_id = excluded.store_id,
         carrier = excluded.carrier, tracking_no = excluded.tracking_no, bundle_group = excluded.bundle_group,
         status = excluded.status, sub_status_id = excluded.sub_status_id, mail_pending = excluded.mail_pending,
         paid_at = excluded.paid_at, shipped_at = excluded.shipped_at, cancelled_at = excluded.cancelled_at,
         cancel_reason = excluded.cancel_reason, pii_purged_at = coalesce(orders.pii_purged_at, excluded.pii_purged_at),
         ship_notice = excluded.ship_notice, channel_note = excluded.channel_note,
         updated_at = excluded.updated_at, version = excluded.version
       RETURNING id`,
    );
    this.insertNew = sqlite.prepare(`INSERT OR IGNORE INTO orders ${INSERT_COLUMNS}`);
    this.clearItems = sqlite.prepare('DELETE FROM order_items WHERE order_id = ?');
    this.insertItem = sqlite.prepare(
      'INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_price, location) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertHistory = sqlite.prepare(
      `INSERT INTO order_history (order_id, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.findId = sqlite.prepare('SELECT id FROM orders WHERE channel = ? AND order_no = ?').pluck();
    this.deleteOrder = sqlite.prepare('DELETE FROM orders WHERE id = ?');
    this.deleteHistory = sqlite.prepare('DELETE FROM order_history WHERE order_id = ?');
    this.current = sqlite.prepare(
      `SELECT o.id, ${COMPARED.map(([key, column]) => `o.${column} AS "${key}"`).join(', ')},
         (SELECT json_group_array(json_array(line_no, sku, title, quantity, unit_price, location))
          FROM (SELECT * FROM order_items WHERE order_id = o.id ORDER BY line_no)) AS items
       FROM orders o WHERE o.channel = ? AND o.order_no = ?`,
    );
  }

  /** The local order when it already equals `order` (an echo of this PC's own change). */
  private unchanged(order: WireOrder): number | undefined {
    const row = this.current.get(order.channel, order.orderNo) as Record<string, unknown> | undefined;
    if (!row) return undefined;
    for (const [key] of COMPARED) {
      // Texts stored before 出荷通知 existed lack its two fields: they read as their defaults.
      const incoming = order[key] ?? (key === 'channelNote' ? '' : null);
      const local = row[key];
      if ((typeof incoming === 'boolean' ? Number(incoming) : incoming) !== local) return undefined;
    }
    const items = JSON.stringify(
      order.items.map((i) => [i.lineNo, i.sku, i.title, i.quantity, i.unitPrice, i.location]),
    );
    return row.items === items ? Number(row.id) : undefined;
  }

  idOf(channel: string, orderNo: string): number | undefined {
    return this.findId.get(channel, orderNo) as number | undefined;
  }

  /** An order not here yet (first sync into an empty PC): a plain insert, no comparing. */
  insertFresh(order: WireOrder): number {
    const { items, history, ...fields } = order;
    const info = this.insertNew.run(this.params(fields));
    // Already here (it changed during the sync and came again): the full path.
    if (info.changes === 0) return this.write(order);
    const id = Number(info.lastInsertRowid);
    for (const i of items) this.insertItem.run(id, i.lineNo, i.sku, i.title, i.quantity, i.unitPrice, i.location);
    for (const h of history)
      this.insertHistory.run(id, h.at, h.actor, h.storeId, h.pcId, h.kind, h.from, h.to, h.reason);
    return id;
  }

  private params(fields: Omit<WireOrder, 'items' | 'history'>): Record<string, unknown> {
    return {
      ...fields,
      // Texts the server stored before these columns existed lack them.
      shipNotice: fields.shipNotice ?? null,
      channelNote: fields.channelNote ?? '',
      needsPayment: fields.needsPayment ? 1 : 0,
      mailInquiry: fields.mailInquiry ? 1 : 0,
      orderFormDone: fields.orderFormDone ? 1 : 0,
      buyerRating: fields.buyerRating ? 1 : 0,
      mailPending: fields.mailPending ? 1 : 0,
      bundleKey: storedBundleKey(fields.status, {
        buyerName: fields.buyerName,
        postalCode: fields.shipPostalCode,
        prefecture: fields.shipPrefecture,
        address1: fields.shipAddress1,
        address2: fields.shipAddress2,
      }),
    };
  }

  /** Inserts or overwrites one order with its items and the history made elsewhere. */
  write(order: WireOrder): number {
    const { items, history, ...fields } = order;
    const same = this.unchanged(order);
    if (same !== undefined) {
      for (const h of history)
        this.insertHistory.run(same, h.at, h.actor, h.storeId, h.pcId, h.kind, h.from, h.to, h.reason);
      return same;
    }
    const id = (this.upsert.get(this.params(fields)) as { id: number }).id;
    this.clearItems.run(id);
    for (const i of items) this.insertItem.run(id, i.lineNo, i.sku, i.title, i.quantity, i.unitPrice, i.location);
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
  const o = sqlite.prepare('SELECT * FROM orders WHERE id = ?').get(id) as
    Record<string, string | number | null> | undefined;
  if (!o) return null;
  const items = sqlite
    .prepare(
      'SELECT line_no AS lineNo, sku, title, quantity, unit_price AS unitPrice, location FROM order_items WHERE order_id = ? ORDER BY line_no',
    )
    .all(id) as WireItem[];
  return { ...newOrderFields(o), items };
}
