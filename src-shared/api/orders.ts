import { z } from 'zod';
import { MAIN_STATUSES, TABS, type Tab } from '../domain/status.js';
import type { BulkResult, HistoryEntry, Order, OrderRow } from '../domain/order.js';
import { OPERATIONS } from '../domain/transitions.js';
import { method } from './define.js';

export const orderId = z.number().int().positive();
export const orderIds = z.array(orderId).min(1, '注文を選択してください。').max(1_000_000);

export const SORTABLE_COLUMNS = ['orderedAt', 'orderNo', 'total'] as const;

export const listInput = z.object({
  tab: z.enum(TABS as [Tab, ...Tab[]]),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  sort: z
    .object({ column: z.enum(SORTABLE_COLUMNS), direction: z.enum(['asc', 'desc']) })
    .optional(),
});

export interface OrderPage {
  rows: OrderRow[];
  total: number;
}

export type TabCounts = Record<Tab, number>;

export interface OrderDetail {
  order: Order;
  history: HistoryEntry[];
}

export const applyInput = z.object({
  orderIds,
  operation: z.enum(OPERATIONS),
  /** Target of bulk_set_status (E11). */
  target: z.enum(MAIN_STATUSES).optional(),
  reason: z.string().max(500).default(''),
  trackingNo: z.string().trim().min(1).max(40).optional(),
  carrier: z.string().trim().min(1).max(40).optional(),
  /** 入金日 for confirm_payment, YYYY-MM-DD. */
  paidOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '入金日は YYYY-MM-DD で入力してください。').optional(),
});

export const ordersApi = {
  'orders:counts': method<TabCounts>()(z.object({})),
  'orders:list': method<OrderPage>()(listInput),
  /** Every order id of a tab, for F2 全選択 (selection is a set of ids, not grid rows). */
  'orders:ids': method<number[]>()(listInput.pick({ tab: true })),
  'orders:get': method<OrderDetail>()(z.object({ id: orderId })),
  'status:apply': method<BulkResult>()(applyInput),
};
