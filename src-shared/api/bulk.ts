import { z } from 'zod';
import type { BulkResult } from '../domain/order.js';
import { MAIN_STATUSES, type MainStatus } from '../domain/status.js';
import { method } from './define.js';
import { orderId, orderIds } from './orders.js';

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
    z.object({ orderIds, storeId: z.string().trim().min(1).max(40).nullable() }),
  ),
  /** E6/E7 落札者評価 する/しない (Yahoo! Auctions orders only). */
  'bulk:setRating': method<BulkChangeResult>()(z.object({ orderIds, rating: z.boolean() })),
  /**
   * E11 メインステータス一括変更 of 新規 orders to another main status (through the status
   * engine: bundles move together, 在庫確認済 becomes 入金済 where payment needs no
   * confirmation); キャンセル済 needs the reason, as 注文取消 does.
   */
  'bulk:setStatus': method<BulkResult>()(
    z.object({
      orderIds,
      target: z.enum(MAIN_STATUSES.filter((s) => s !== 'new') as [MainStatus, ...MainStatus[]], {
        error: '変更先のメインステータスを「新規」以外から選んでください。',
      }),
      reason: z.string().trim().max(500).default(''),
    }),
  ),
  /** E10 サブステータス一括変更; null clears it. Only sub-statuses of each order's main status. */
  'bulk:setSubStatus': method<BulkChangeResult>()(z.object({ orderIds, subStatusId: orderId.nullable() })),
};
