import type BetterSqlite3 from 'better-sqlite3';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { newOrderRecord, type InitialState } from '../../src-shared/domain/order-record.js';
import { ORDER_INSERT, orderValues } from './order-columns.js';

export type { InitialState } from '../../src-shared/domain/order-record.js';

/**
 * Inserts new orders with their items. Used by imports, channel intake and the demo data;
 * the caller owns the transaction, so a batch goes in whole or not at all.
 */
export class OrderWriter {
  private readonly insertOrder: BetterSqlite3.Statement;
  private readonly insertItem: BetterSqlite3.Statement;
  private readonly needsPayment = new Map<string, boolean>();

  constructor(sqlite: BetterSqlite3.Database) {
    this.insertOrder = sqlite.prepare(ORDER_INSERT);
    this.insertItem = sqlite.prepare(
      `INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_price, location, tax_rate)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const row of sqlite.prepare('SELECT code, needs_confirmation FROM payment_methods').all() as {
      code: string;
      needs_confirmation: number;
    }[]) {
      this.needsPayment.set(row.code, row.needs_confirmation === 1);
    }
  }

  /** Inserts one order; returns its id. An unknown payment method needs confirmation: the safe side. */
  insert(order: NewOrder, at: string, initial: InitialState = { status: 'new' }): number {
    const record = newOrderRecord(order, at, this.needsPayment.get(order.paymentMethod) !== false, initial);
    const orderId = Number(this.insertOrder.run(orderValues(record)).lastInsertRowid);
    for (const item of order.items) {
      this.insertItem.run(
        orderId,
        item.lineNo,
        item.sku,
        item.title,
        item.quantity,
        item.unitPrice,
        item.location,
        item.taxRate ?? 10,
      );
    }
    return orderId;
  }
}
