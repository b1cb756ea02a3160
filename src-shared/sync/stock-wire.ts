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

/**
 * The packed shape of a stock row on the wire: its values in this order instead of an object
 * with a key per value, as orders travel (packed-orders.ts). A first copy carries a row for
 * every SKU of every store in sight, 300,000 for head office: packed, the server builds a
 * page of 20,000 in about half the time (the rows are joined as text, never parsed and
 * written again) and the PC reads it with no keys to parse. A page of packed rows names
 * these keys in its head (`stockFields`), so a PC and a server a version apart agree on
 * every key they both know.
 */
export const PACKED_STOCK_KEYS = ['storeId', 'sku', 'onHand', 'location', 'jan', 'title', 'updatedAt', 'move'] as const;

/** Stock rows packed under these keys, as the objects they stand for (a key the list lacks is left out). */
export function unpackStock(keys: readonly string[], rows: readonly unknown[][]): WireStock[] {
  return rows.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i]!] = values[i];
    return row as unknown as WireStock;
  });
}
