import { z } from 'zod';
import { STOCK_MOVE_KINDS } from '../api/stock.js';

/**
 * Stock as it travels between the central server and the store PCs (N2). The server's row
 * is the truth for on hand and the attributes; a PC's `reserved` is always the sum of its
 * orders' reservations, which travel with the orders (WireHolding).
 */

/** The change that last moved a row, made elsewhere: who, which PC, when, why, the order. */
export interface WireStockMove {
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

/** One line of a stock operation a PC sends: a count (棚卸, 手動調整: the new on hand) or a receipt (入荷: units added). */
export const stockOpLine = z.object({
  storeId: z.string().min(1).max(40),
  sku: z.string().min(1).max(200),
  quantity: z.number().int().min(0).max(1_000_000_000),
  location: z.string().max(100).optional(),
  jan: z.string().max(14).optional(),
  title: z.string().max(1000).optional(),
  /** The line of the stock file, for the refusal's reason. */
  line: z.number().int().min(1).optional(),
});
export type StockOpLine = z.infer<typeof stockOpLine>;

/** The most lines one stock operation carries: a large file travels as several operations. */
export const STOCK_OP_LINES = 5_000;
