import { z } from 'zod';
import type { BulkResult } from '../domain/order.js';
import { method } from './define.js';
import { orderIds } from './orders.js';

/** One line an order needs more of than the store has (欠品). */
export interface ShortLine {
  sku: string;
  title: string;
  needed: number;
  available: number;
}

/** An order the stock check could not cover, with what is short. */
export interface OrderShortage {
  orderId: number;
  orderNo: string;
  buyerName: string;
  lines: ShortLine[];
  /** Order numbers of its bundle partners, which go to 欠品あり with it. */
  bundledWith: string[];
}

/**
 * F11 在庫確認: the covered orders are already moved (applied); the short ones are listed
 * for 欠品登録 and are not in `refused`; `refused` holds the others with their reasons.
 */
export interface StockCheckResult extends BulkResult {
  shortages: OrderShortage[];
}

export const stockApi = {
  'stock:check': method<StockCheckResult>()(z.object({ orderIds })),
  /** 欠品登録: the orders go to 欠品あり with their current short lines recorded. */
  'stock:registerShortage': method<BulkResult>()(z.object({ orderIds })),
};
