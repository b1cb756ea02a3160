import type BetterSqlite3 from 'better-sqlite3';
import type { HistoryEntry, NewOrder, Order } from '../../src-shared/domain/order.js';
import type { InitialState } from '../../src-main/orders/writer.js';
import { insertOrders, TWO_LINES } from './orders.js';
import { stockUp } from './stock.js';
import type { TestApp } from './test-app.js';
import { useTestApp } from './use-test-app.js';

/** A fresh app per test with what a test of an order made from another (注文分割, 再送注文) reads. */
export interface TwoLineOrderApp {
  t: TestApp;
  sqlite(): BetterSqlite3.Database;
  orderOf(id: number): Order;
  /** The order's lines as `lineNo:SKU×quantity` (`@unitPrice` added with `prices`). */
  linesOf(id: number, options?: { prices: boolean }): string[];
  historyOf(id: number): HistoryEntry[];
  /** Everything a refusal must leave as it was: orders, lines, reservations, history, outbox. */
  snapshot(): unknown[][];
  /** Inserts one order carrying TWO_LINES (3 マグカップ 藍, 1 豆皿 白) (the given fields and initial state added); returns its id. */
  addOrder(order: Omit<Partial<NewOrder>, 'items'>, initial?: InitialState): number;
  /** Puts stock on hand in 東京本店 (tokyo). */
  stockInTokyo(onHand: Record<string, number>): void;
}

const SNAPSHOT_TABLES = [
  'orders',
  'order_items',
  'stock',
  'stock_reservations',
  'stock_ledger',
  'order_history',
  'sync_outbox',
];

export function useTwoLineOrderApp(): TwoLineOrderApp {
  const t = useTestApp();
  const sqlite = () => t.app.ctx.database.sqlite;
  const orderOf = (id: number) => t.app.ctx.services.orders.get(id)!;
  return {
    t,
    sqlite,
    orderOf,
    linesOf: (id, options) =>
      orderOf(id).items.map((i) => `${i.lineNo}:${i.sku}×${i.quantity}${options?.prices ? `@${i.unitPrice}` : ''}`),
    historyOf: (id) => t.app.ctx.services.orders.history(id),
    snapshot: () => SNAPSHOT_TABLES.map((table) => sqlite().prepare(`SELECT * FROM ${table} ORDER BY 1`).all()),
    addOrder: (order, initial) => insertOrders(sqlite(), [{ order: { ...order, items: TWO_LINES }, initial }])[0]!,
    stockInTokyo: (onHand) => stockUp(sqlite(), 'tokyo', onHand),
  };
}
