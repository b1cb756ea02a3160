import { z } from 'zod';
import { CHANNELS } from '../domain/channels.js';
import { MAIN_STATUSES, TABS, type Tab } from '../domain/status.js';
import type { HistoryEntry, Order, OrderRow } from '../domain/order.js';
import { method } from './define.js';

export const orderId = z.number().int().positive();
export const orderIds = z.array(orderId).min(1, '注文を選択してください。').max(1_000_000);

export const SORTABLE_COLUMNS = ['orderedAt', 'orderNo', 'total'] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];
export interface ListSort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

const tab = z.enum(TABS as [Tab, ...Tab[]]);
/** A typed text condition; empty means "no condition". */
const text = (max: number) => z.string().trim().max(max).optional();
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD で入力してください。')
  .optional();
const yen = z.number().int('金額は円単位の整数で入力してください。').min(0).max(100_000_000).optional();

/**
 * F5 注文検索 (S10): every condition is optional and they all apply together. Names, kana and
 * addresses match whatever the width or kana (ｶﾀｶﾅ = カタカナ = かたかな); e-mail and phone
 * match from their beginning; order number, tracking number and SKU/title anywhere.
 * Dates are days in Japan time; `storeIds` may hold '' for "no shipping store yet".
 */
export const searchCriteria = z
  .object({
    orderNo: text(60),
    channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
    orderedFrom: day,
    orderedTo: day,
    buyer: text(60),
    address: text(120),
    email: text(120),
    phone: text(30),
    item: text(100),
    trackingNo: text(40),
    paymentMethods: z.array(z.string().max(40)).max(50).optional(),
    statuses: z.array(z.enum(MAIN_STATUSES)).max(MAIN_STATUSES.length).optional(),
    subStatusIds: z.array(orderId).max(500).optional(),
    storeIds: z.array(z.string().max(40)).max(200).optional(),
    totalMin: yen,
    totalMax: yen,
    orderComment: z.boolean().optional(),
    staffComment: z.boolean().optional(),
    mailInquiry: z.boolean().optional(),
  })
  .refine((c) => !c.orderedFrom || !c.orderedTo || c.orderedFrom <= c.orderedTo, {
    message: '注文日の範囲は「から」が「まで」より前になるように入力してください。',
    path: ['orderedTo'],
  })
  .refine((c) => c.totalMin === undefined || c.totalMax === undefined || c.totalMin <= c.totalMax, {
    message: '金額の範囲は下限が上限以下になるように入力してください。',
    path: ['totalMax'],
  });
export type SearchCriteria = z.input<typeof searchCriteria>;

/**
 * What the grid lists (issue 3): a tab, a search result (criteria alone), or an extraction
 * (a tab or a search narrowed by E2–E4 flags). Every key and menu item acts on this list.
 */
export const listQuery = z.object({ tab: tab.optional(), criteria: searchCriteria.optional() });
export type ListQuery = z.input<typeof listQuery>;

export const listInput = listQuery.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  sort: z.object({ column: z.enum(SORTABLE_COLUMNS), direction: z.enum(['asc', 'desc']) }).optional(),
});

export type ListInput = z.input<typeof listInput>;

export interface OrderPage {
  rows: OrderRow[];
  total: number;
}

export type TabCounts = Record<Tab, number>;

export interface OrderDetail {
  order: Order;
  history: HistoryEntry[];
}

export const ordersApi = {
  'orders:counts': method<TabCounts>()(z.object({})),
  /** A page of the list; without a tab or criteria it is the 新規 tab. */
  'orders:list': method<OrderPage>()(listInput),
  /** Every order id of the list, for F2 全選択 and E1 反転 (selection is ids, not grid rows). */
  'orders:ids': method<number[]>()(listQuery),
  'orders:get': method<OrderDetail>()(z.object({ id: orderId })),
};
