import { z } from 'zod';
import { method } from './define.js';
import { orderId } from './orders.js';

/** How many units of one line move to the new order (0: the line stays whole). */
export const splitLine = z.object({
  lineNo: z.number().int().min(1),
  quantity: z.number().int().min(0, '数量は0以上で指定してください。').max(1_000_000),
});

export const splitInput = z.object({
  orderId,
  lines: z.array(splitLine).min(1, '新しい注文に移す数量を指定してください。').max(1000),
  /** The fees stay on the original unless the clerk moves them. */
  moveShippingFee: z.boolean().default(false),
  moveCodFee: z.boolean().default(false),
});
export type SplitInput = z.input<typeof splitInput>;

export interface SplitResult {
  /** The original order (分割元) and the new one, by their order numbers. */
  orderNo: string;
  newOrderId: number;
  newOrderNo: string;
  /** Units that moved, and the reserved units that moved with them. */
  movedUnits: number;
  movedReserved: number;
}

export const splitApi = {
  /** F4 注文分割: part of an order's lines (or quantities) become a new order that ships on its own. */
  'split:order': method<SplitResult>()(splitInput),
};
