import { subtotalOf, totalOf } from './money.js';
import type { NewOrder } from './order.js';
import { ORDER_FIELDS, type OrderKey, type OrderRecord } from './order-fields.js';
import { hasStatusMail, type MainStatus } from './status.js';

/** Where an order stands when it arrives already worked on (demo data, a store's history). */
export interface InitialState {
  status: MainStatus;
  paidAt?: string | null;
  shippedAt?: string | null;
  cancelledAt?: string | null;
  carrier?: string | null;
  trackingNo?: string | null;
  subStatusId?: number | null;
  /** Whether the mail for `status` has already gone out. */
  mailSent?: boolean;
}

type ArrivalKey = Extract<(typeof ORDER_FIELDS)[number], { arrival: string }>['key'];

/** Arrival columns that are null, not '', when an order does not bring them. */
const NULL_WHEN_ABSENT = new Set<string>(['storeId', 'channelOrderNo', 'splitFrom']);

/** Reads each arrival column from a NewOrder: one small function per column, made once. */
const ARRIVAL_READERS = ORDER_FIELDS.flatMap((field) => {
  if (!('arrival' in field)) return [];
  const [outer, inner] = field.arrival.split('.') as [keyof NewOrder, string | undefined];
  const read = inner
    ? (o: NewOrder) => (o[outer] as unknown as Record<string, unknown>)[inner]
    : (o: NewOrder) => o[outer];
  // An absent optional arrival (配送希望 a channel does not send) is an empty text, or false.
  const absent = NULL_WHEN_ABSENT.has(field.key) ? null : field.type === 'boolean' ? false : '';
  return [[field.key as ArrivalKey, (o: NewOrder) => read(o) ?? absent] as const];
});

/**
 * Every column of a new order (a row of order-fields.ts each): what it arrived with, its
 * money computed from its items, and where it stands. The store's writer and the central
 * server's intake both write this, so a column added to the table is written by both.
 */
export function newOrderRecord(
  order: NewOrder,
  at: string,
  needsPayment: boolean,
  initial: InitialState = { status: 'new' },
): OrderRecord {
  const subtotal = subtotalOf(order.items);
  const total = totalOf({ subtotal, discount: order.discount, shippingFee: order.shippingFee, codFee: order.codFee });
  const rest: Omit<OrderRecord, ArrivalKey> = {
    // Nothing to pay (a ¥0 再送注文; not 金額未取得, whose amounts are unknown): no 入金確認.
    needsPayment: needsPayment && !(total === 0 && order.amountsUnknown !== true),
    subtotal,
    total,
    staffComment: '',
    buyerRating: true,
    carrier: initial.carrier ?? null,
    trackingNo: initial.trackingNo ?? null,
    bundleGroup: null,
    status: initial.status,
    subStatusId: initial.subStatusId ?? null,
    mailPending: hasStatusMail(initial.status) && !initial.mailSent,
    paidAt: initial.paidAt ?? null,
    shippedAt: initial.shippedAt ?? null,
    cancelledAt: initial.cancelledAt ?? null,
    cancelReason: null,
    piiPurgedAt: null,
    shipNotice: null,
    channelNote: '',
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const record = rest as Record<OrderKey, unknown>;
  for (const [key, read] of ARRIVAL_READERS) record[key] = read(order);
  return record as OrderRecord;
}
