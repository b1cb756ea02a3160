import { z } from 'zod';
import { method } from './define.js';
import { orderId, orderIds } from './orders.js';
import { lineText } from './text.js';

export interface BulkRefusal {
  orderId: number;
  orderNo: string;
  reason: string;
}

/**
 * Outcome of a bulk change (E5–E7, E10): applied to the allowed orders, in one transaction;
 * `unchanged` already had the value; refusals carry their reason (the first 1,000 of
 * `refusedCount`, so that refusing 100,000 orders stays a small answer).
 */
export interface BulkChangeResult {
  applied: number;
  unchanged: number;
  refused: BulkRefusal[];
  refusedCount: number;
}

export const bulkApi = {
  /** E5 出荷店舗一括指定; null = 未指定. */
  'bulk:setStore': method<BulkChangeResult>()(
    z.object({ orderIds, storeId: lineText().trim().min(1).max(40).nullable() }),
  ),
  /** E6/E7 落札者評価 する/しない (Yahoo! Auctions orders only). */
  'bulk:setRating': method<BulkChangeResult>()(z.object({ orderIds, rating: z.boolean() })),
  /** E10 サブステータス一括変更; null clears it. Only sub-statuses of each order's main status. */
  'bulk:setSubStatus': method<BulkChangeResult>()(z.object({ orderIds, subStatusId: orderId.nullable() })),
};
