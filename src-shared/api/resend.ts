import { z } from 'zod';
import { method } from './define.js';
import { lineText } from './text.js';
import { orderId } from './orders.js';
import { splitLine } from './split.js';

export const resendInput = z.object({
  orderId,
  /** How many units of each line go again (0: the line is not resent). */
  lines: z.array(splitLine).min(1, '再送する数量を指定してください。').max(1000),
  /** Why it is sent again (破損, 不足, …): shown in both orders' history. */
  reason: lineText().trim().max(200, '理由は200文字以内で入力してください。').default(''),
});
export type ResendInput = z.input<typeof resendInput>;

export interface ResendResult {
  /** The shipped order (再送元) and the new ¥0 order, by their order numbers. */
  orderNo: string;
  newOrderId: number;
  newOrderNo: string;
  units: number;
  /** Whether the stock was reserved (入金済, ready to ship); false: it waits as 新規 with what is short. */
  reserved: boolean;
  /** What the store lacks when it was not reserved (「SKU（必要 2 / 在庫 1）」), else ''. */
  short: string;
}

export const resendApi = {
  /** F4 再送注文: chosen lines of a shipped order go again as a new ¥0 order for the same buyer. */
  'resend:order': method<ResendResult>()(resendInput),
};
