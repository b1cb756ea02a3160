import { z } from 'zod';
import type { Channel } from '../domain/channels.js';
import type { MainStatus } from '../domain/status.js';
import { method } from './define.js';
import type { FieldChange } from './detail.js';
import { orderId } from './orders.js';
import { lineText } from './text.js';

/** An order as the 同梱設定 dialog shows it. */
export interface BundleOrder {
  id: number;
  orderNo: string;
  channel: Channel;
  orderedAt: string;
  status: MainStatus;
  buyerName: string;
  postalCode: string;
  address: string;
  shippingFee: number;
  codFee: number;
  total: number;
  /** 金額未取得 (the order's amounts are unknown), as SQLite gives it. */
  amountsUnknown?: 0 | 1;
  bundleGroup: string | null;
}

/** Open orders of one store that share buyer name, postal code and address (normalised). */
export interface BundleCandidateGroup {
  key: string;
  storeId: string;
  /** Why they match: the normalised values they share, as compared. */
  reasons: { label: string; value: string }[];
  orders: BundleOrder[];
}

export interface BundleCandidates {
  groups: BundleCandidateGroup[];
  /** Groups found before the limit; more than `groups.length` means the list was cut. */
  totalGroups: number;
  /** Open orders left out for having no shipping store yet (E5 gives them one). */
  withoutStore: number;
}

export interface BundleChange {
  bundleGroup: string | null;
  orders: number;
  changes: (FieldChange & { orderNo: string })[];
}

export const bundleApi = {
  /** F10 同梱設定: candidate groups; with orderIds, only the groups holding one of them. */
  'bundle:candidates': method<BundleCandidates>()(
    z.object({
      orderIds: z.array(orderId).max(1_000_000).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  ),
  /** Bundles the orders (and the rest of any bundle they are already in): one shipping fee, one COD fee. */
  'bundle:create': method<BundleChange>()(
    z.object({ orderIds: z.array(orderId).min(2, '同梱する注文を2件以上選んでください。').max(100) }),
  ),
  /** Unbundles: every member gets back exactly the fees it had before. */
  'bundle:dissolve': method<BundleChange>()(z.object({ bundleGroup: lineText().min(1).max(64) })),
};
