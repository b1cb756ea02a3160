import { z } from 'zod';
import { CARRIERS } from '../domain/carriers.js';
import type { BulkResult } from '../domain/order.js';
import type { MainStatus } from '../domain/status.js';
import { canonicalTrackingNo, TRACKING_NO_PATTERN } from '../domain/tracking.js';
import { method } from './define.js';
import { orderId, orderIds } from './orders.js';
import { lineText } from './text.js';

export const trackingNo = lineText()
  .transform(canonicalTrackingNo)
  .refine(
    (value) => TRACKING_NO_PATTERN.test(value),
    '送り状番号は半角英数字 8〜20 桁で入力してください（ハイフンは省いてかまいません）。',
  );

export const trackingEntry = z.object({
  orderId,
  carrier: z.enum(CARRIERS, '配送業者を選んでください。'),
  trackingNo,
});

/** An order as the operation dialogs list it (one row per parcel for 送り状番号登録). */
export interface ParcelRow {
  id: number;
  orderNo: string;
  buyerName: string;
  status: MainStatus;
  carrier: string | null;
  trackingNo: string | null;
  /** Order numbers of its bundle partners (one parcel, one tracking number). */
  bundledWith: string[];
}

export type ScanOutcome = 'shipped' | 'already_shipped' | 'cancelled' | 'wrong_status' | 'not_found';

/** What a scan at the packing table did, in words for a person standing a metre away. */
export interface ScanResult {
  outcome: ScanOutcome;
  message: string;
  code: string;
  orderNos: string[];
  applied: number;
}

export const operationsApi = {
  /** 入金確認登録: 在庫確認済 orders whose payment needs confirmation → 入金済, with the paid date (JST). */
  'operations:confirmPayment': method<BulkResult>()(
    z.object({
      orderIds,
      paidOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '入金日は YYYY-MM-DD で入力してください。'),
    }),
  ),
  /** 送り状番号登録: 入金済 orders → 出荷待ち; one entry per parcel. */
  'operations:registerTracking': method<BulkResult>()(
    z.object({ entries: z.array(trackingEntry).min(1, '注文を選択してください。').max(2000) }),
  ),
  /** 出荷確定 of the checked 出荷待ち orders. */
  'operations:confirmShipment': method<BulkResult>()(z.object({ orderIds })),
  /** 出荷確定 by scanning a tracking number or an order number. */
  'operations:scan': method<ScanResult>()(
    z.object({ code: lineText().trim().min(1, 'バーコードを読み取ってください。').max(80) }),
  ),
  /** 注文取消 → キャンセル済, with the reason; reserved stock is released. */
  'operations:cancel': method<BulkResult>()(
    z.object({ orderIds, reason: lineText().trim().min(1, '取消理由を入力してください。').max(500) }),
  ),
  /** The checked orders as the dialogs list them, bundles merged into one row (at most 500). */
  'operations:parcels': method<ParcelRow[]>()(z.object({ orderIds })),
};
