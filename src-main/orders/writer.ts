import type BetterSqlite3 from 'better-sqlite3';
import { subtotalOf, totalOf } from '../../src-shared/domain/money.js';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { storedBundleKey } from '../bundle/candidates.js';
import { hasStatusMail, type MainStatus } from '../../src-shared/domain/status.js';

/** Where an order stands when it arrives already worked on (demo data, a store's history). */
export interface InitialState {
  status: MainStatus;
  paidAt?: string | null;
  shippedAt?: string | null;
  cancelledAt?: string | null;
  carrier?: string | null;
  trackingNo?: string | null;
  subStatusId?: number | null;
  /** Whether the mail for `status` has already gone out. */
  mailSent?: boolean;
}

/**
 * Inserts new orders with their items. Used by imports, channel intake and the demo data;
 * the caller owns the transaction, so a batch goes in whole or not at all.
 */
export class OrderWriter {
  private readonly insertOrder: BetterSqlite3.Statement;
  private readonly insertItem: BetterSqlite3.Statement;
  private readonly needsPayment = new Map<string, boolean>();

  constructor(sqlite: BetterSqlite3.Database) {
    this.insertOrder = sqlite.prepare(
      `INSERT INTO orders (channel, order_no, ordered_at, buyer_name, buyer_kana, buyer_email, buyer_phone,
         ship_name, ship_postal_code, ship_prefecture, ship_address1, ship_address2, ship_phone,
         payment_method, needs_payment, subtotal, discount, shipping_fee, cod_fee, total,
         order_comment, mail_inquiry, order_form_done, store_id, created_at, updated_at,
         status, mail_pending, paid_at, shipped_at, cancelled_at, carrier, tracking_no, sub_status_id, bundle_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertItem = sqlite.prepare(
      `INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_price, location)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const row of sqlite.prepare('SELECT code, needs_confirmation FROM payment_methods').all() as {
      code: string;
      needs_confirmation: number;
    }[]) {
      this.needsPayment.set(row.code, row.needs_confirmation === 1);
    }
  }

  /** Inserts one order; returns its id. */
  insert(order: NewOrder, at: string, initial: InitialState = { status: 'new' }): number {
    const subtotal = subtotalOf(order.items);
    const total = totalOf({ subtotal, discount: order.discount, shippingFee: order.shippingFee, codFee: order.codFee });
    const { buyer, shipTo } = order;
    const info = this.insertOrder.run(
      order.channel,
      order.orderNo,
      order.orderedAt,
      buyer.name,
      buyer.kana,
      buyer.email,
      buyer.phone,
      shipTo.name,
      shipTo.postalCode,
      shipTo.prefecture,
      shipTo.address1,
      shipTo.address2,
      shipTo.phone,
      order.paymentMethod,
      this.needsPayment.get(order.paymentMethod) === false ? 0 : 1,
      subtotal,
      order.discount,
      order.shippingFee,
      order.codFee,
      total,
      order.orderComment,
      order.mailInquiry ? 1 : 0,
      order.orderFormDone ? 1 : 0,
      order.storeId,
      at,
      at,
      initial.status,
      hasStatusMail(initial.status) && !initial.mailSent ? 1 : 0,
      initial.paidAt ?? null,
      initial.shippedAt ?? null,
      initial.cancelledAt ?? null,
      initial.carrier ?? null,
      initial.trackingNo ?? null,
      initial.subStatusId ?? null,
      storedBundleKey(initial.status, {
        buyerName: buyer.name,
        postalCode: shipTo.postalCode,
        prefecture: shipTo.prefecture,
        address1: shipTo.address1,
        address2: shipTo.address2,
      }),
    );
    const orderId = Number(info.lastInsertRowid);
    for (const item of order.items) {
      this.insertItem.run(orderId, item.lineNo, item.sku, item.title, item.quantity, item.unitPrice, item.location);
    }
    return orderId;
  }
}
