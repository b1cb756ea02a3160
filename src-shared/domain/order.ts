import type { TaxRate } from './tax.js';
import type { Channel } from './channels.js';
import type { MainStatus } from './status.js';

export interface OrderItem {
  lineNo: number;
  sku: string;
  title: string;
  quantity: number;
  unitPrice: number;
  /** Picking location (棚番) in the shipping store. */
  location: string;
  /** 消費税率 of the line (10 or 8 = 軽減税率); absent means the standard 10%. */
  taxRate?: TaxRate;
}

export interface Buyer {
  name: string;
  kana: string;
  email: string;
  phone: string;
}

export interface ShipTo {
  name: string;
  postalCode: string;
  prefecture: string;
  address1: string;
  address2: string;
  phone: string;
}

/**
 * Everything SPEC §1 says an order has: what it arrived with (NewOrder) and what the store
 * made of it since. Dates are ISO strings in UTC.
 */
export interface Order extends NewOrder {
  id: number;
  subtotal: number;
  total: number;
  staffComment: string;
  buyerRating: boolean;
  carrier: string | null;
  trackingNo: string | null;
  bundleGroup: string | null;
  status: MainStatus;
  subStatusId: number | null;
  paidAt: string | null;
  shippedAt: string | null;
  cancelledAt: string | null;
  piiPurgedAt: string | null;
  /** 出荷通知 to the channel (ShipNoticeState), null where no notice applies. */
  shipNotice: string | null;
  /** The channel's word for the store: a refused notice, a conflicting change. */
  channelNote: string;
  updatedAt: string;
}

/** One row of the order list grid (S1). */
export interface OrderRow {
  id: number;
  orderNo: string;
  orderedAt: string;
  channel: Channel;
  buyerName: string;
  total: number;
  /** 金額未取得 (NewOrder.amountsUnknown), as SQLite gives it. */
  amountsUnknown: 0 | 1;
  paymentMethod: string;
  subStatusId: number | null;
  storeId: string | null;
  status: MainStatus;
  /**
   * What lets a list say why a row is in it (メール未送信, 催促対象, a search, E2–E4), as
   * SQLite gives flags: 1 or 0. The comments are their first 100 characters.
   */
  mailPending: 0 | 1;
  needsPayment: 0 | 1;
  orderFormDone: 0 | 1;
  buyerRating: 0 | 1;
  mailInquiry: 0 | 1;
  orderComment: string;
  staffComment: string;
  /** Set when the buyer's personal data was deleted (S3). */
  piiPurgedAt: string | null;
  /** 催促済: when the last reminder mail went out, and how many have (0 and null: none). */
  remindedAt: string | null;
  reminderCount: number;
  /** 出荷通知 to the channel (see docs/channels.md); null: none due. */
  shipNotice: string | null;
  /** 配送希望 (delivery-wishes.ts): YYYY-MM-DD, a time-slot code, the 配送方法; '' none. */
  deliveryDate: string;
  deliveryTimeSlot: string;
  deliveryMethod: string;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  storeId: string | null;
  pcId: string;
  kind: string;
  from: string | null;
  to: string | null;
  reason: string;
}

/** Outcome of an operation on many orders: applied to the allowed ones, refused per order. */
export interface BulkResult {
  applied: number;
  refused: { orderId: number; orderNo: string; reason: string }[];
}

/** An order as it arrives from a channel, a CSV import or the demo generator. */
export interface NewOrder {
  channel: Channel;
  orderNo: string;
  orderedAt: string;
  buyer: Buyer;
  shipTo: ShipTo;
  paymentMethod: string;
  items: OrderItem[];
  discount: number;
  shippingFee: number;
  codFee: number;
  orderComment: string;
  mailInquiry: boolean;
  orderFormDone: boolean;
  storeId: string | null;
  /** 配送希望日 YYYY-MM-DD, 配送時間帯 (delivery-wishes.ts TIME_SLOTS), 配送方法 as the channel wrote it; '' or absent: none. */
  deliveryDate?: string;
  deliveryTimeSlot?: string;
  deliveryMethod?: string;
  /**
   * 金額未取得: the file gave no prices (Amazon's unshipped-orders report), so the amounts are
   * unknown, not ¥0, until a priced source fills them; absent: known.
   */
  amountsUnknown?: boolean;
  /** A 分割 part: the channel's order number and the order it was split from (absent: an ordinary order). */
  channelOrderNo?: string | null;
  splitFrom?: string | null;
}
