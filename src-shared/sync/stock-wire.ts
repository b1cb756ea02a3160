import { STOCK_MOVE_KINDS } from '../api/stock.js';

/**
 * Stock as it travels between the central server and the store PCs (N2). The server's row
 * is the truth for on hand and the attributes; a PC's `reserved` is always the sum of its
 * orders' reservations, which travel with the orders (WireHolding).
 */

/** The change that last moved a row, made elsewhere: who, which PC, when, why, the order. */
interface WireStockMove {
  kind: (typeof STOCK_MOVE_KINDS)[number];
  at: string;
  operator: string;
  pcId: string;
  reason: string;
  orderNo: string | null;
}

/** A stock row as the server holds it. */
export interface WireStock {
  storeId: string;
  sku: string;
  onHand: number;
  location: string;
  jan: string;
  title: string;
  updatedAt: string;
  /** Absent when the row changed by this PC's own operations only. */
  move?: WireStockMove;
}

/** What an order holds of its store's stock on the server (none: it holds nothing). */
export interface WireHolding {
  channel: string;
  orderNo: string;
  lines: { sku: string; quantity: number }[];
}
