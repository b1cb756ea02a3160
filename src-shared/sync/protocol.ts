import { z } from 'zod';
import { CHANNELS } from '../domain/channels.js';
import { MAIN_STATUSES } from '../domain/status.js';
import type { HistoryEntry } from '../domain/order.js';
import { OPERATIONS } from '../domain/transitions.js';

/**
 * The wire format between a store PC and the central server (SPEC §5, DESIGN 6). Orders are
 * known across PCs by (channel, orderNo): local integer ids differ on every PC.
 */

/** Order columns a PC may set through a field operation (everything but status and PII). */
export const SYNC_FIELDS = [
  'subStatusId',
  'storeId',
  'staffComment',
  'orderComment',
  'discount',
  'shippingFee',
  'codFee',
  'subtotal',
  'total',
  'buyerRating',
  'mailInquiry',
  'orderFormDone',
  'bundleGroup',
  'carrier',
  'trackingNo',
  'mailPending',
  'items',
] as const;
export type SyncField = (typeof SYNC_FIELDS)[number];

export const wireItem = z.object({
  lineNo: z.number().int().min(1),
  sku: z.string().max(200),
  title: z.string().max(1000),
  quantity: z.number().int().min(0).max(1_000_000),
  unitPrice: z.number().int().min(-100_000_000).max(100_000_000),
  location: z.string().max(100),
});
export type WireItem = z.infer<typeof wireItem>;

const text = (max: number) => z.string().max(max).default('');

/** An order as a channel connector sends it (the same shape the desktop imports produce). */
export const newOrderInput = z.object({
  channel: z.enum(CHANNELS),
  orderNo: z.string().trim().min(1).max(100),
  orderedAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString()),
  buyer: z.object({ name: text(200), kana: text(200), email: text(300), phone: text(40) }),
  shipTo: z.object({
    name: text(200),
    postalCode: text(20),
    prefecture: text(20),
    address1: text(300),
    address2: text(300),
    phone: text(40),
  }),
  paymentMethod: z.string().min(1).max(60),
  items: z.array(wireItem).min(1).max(1000),
  discount: z.number().int().min(0).default(0),
  shippingFee: z.number().int().min(0).default(0),
  codFee: z.number().int().min(0).default(0),
  orderComment: text(5000),
  mailInquiry: z.boolean().default(false),
  orderFormDone: z.boolean().default(true),
  storeId: z.string().min(1).max(40).nullable().default(null),
});

const yen = z.number().int().min(-1_000_000_000).max(1_000_000_000);
const nullableText = (max: number) => z.string().max(max).nullable();

export const fieldValues = z
  .object({
    subStatusId: z.number().int().nullable(),
    storeId: nullableText(40),
    staffComment: z.string().max(5000),
    orderComment: z.string().max(5000),
    discount: yen,
    shippingFee: yen,
    codFee: yen,
    subtotal: yen,
    total: yen,
    buyerRating: z.boolean(),
    mailInquiry: z.boolean(),
    orderFormDone: z.boolean(),
    bundleGroup: nullableText(100),
    carrier: nullableText(40),
    trackingNo: nullableText(40),
    mailPending: z.boolean(),
    items: z.array(wireItem).max(1000),
  })
  .partial()
  .strict();
export type FieldValues = z.infer<typeof fieldValues>;

const actor = z.object({
  operator: z.string().max(100),
  pcId: z.string().max(100),
  storeId: nullableText(40),
});

/** One local change going up. `opId` is the outbox's unique id: the server applies it once. */
export const wireOp = z.object({
  opId: z.string().min(8).max(80),
  channel: z.enum(CHANNELS),
  orderNo: z.string().min(1).max(100),
  /** 'status' is judged with the transition table, 'create' adds `order`; any other kind sets `fields`. */
  kind: z.string().min(1).max(40),
  at: z.string().max(40),
  actor,
  reason: z.string().max(1000).default(''),
  from: z.string().max(200).nullable().default(null),
  to: z.string().max(200).nullable().default(null),
  operation: z.enum(OPERATIONS).optional(),
  target: z.enum(MAIN_STATUSES).optional(),
  trackingNo: z.string().max(40).optional(),
  carrier: z.string().max(40).optional(),
  paidAt: z.string().max(40).optional(),
  /** For mail-sent ops: the main status whose mail went out (S5). */
  mailStatus: z.enum(MAIN_STATUSES).optional(),
  fields: fieldValues.optional(),
  /** For 'create' ops: an order made on the PC (its own CSV import), taken in like intake. */
  order: newOrderInput.optional(),
});
export type WireOp = z.infer<typeof wireOp>;

export const pushRequest = z.object({ ops: z.array(wireOp).max(5000) });
export type PushRequest = z.infer<typeof pushRequest>;

/** A history row as it travels: the local row id stays on the PC that wrote it. */
export type WireHistory = Omit<HistoryEntry, 'id'>;

/** An order as the server holds it, sent down whole (a pull or a refused op's correction). */
export interface WireOrder {
  channel: string;
  orderNo: string;
  orderedAt: string;
  buyerName: string;
  buyerKana: string;
  buyerEmail: string;
  buyerPhone: string;
  shipName: string;
  shipPostalCode: string;
  shipPrefecture: string;
  shipAddress1: string;
  shipAddress2: string;
  shipPhone: string;
  paymentMethod: string;
  needsPayment: boolean;
  subtotal: number;
  discount: number;
  shippingFee: number;
  codFee: number;
  total: number;
  orderComment: string;
  staffComment: string;
  mailInquiry: boolean;
  orderFormDone: boolean;
  buyerRating: boolean;
  storeId: string | null;
  carrier: string | null;
  trackingNo: string | null;
  bundleGroup: string | null;
  status: string;
  subStatusId: number | null;
  mailPending: boolean;
  paidAt: string | null;
  shippedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  piiPurgedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  items: WireItem[];
  /** History rows to add locally (made elsewhere: the PC's own are already there). */
  history: WireHistory[];
}

/** A history row in a pull page, with the order it belongs to. */
export type PulledHistory = WireHistory & { channel: string; orderNo: string };

export interface OpResult {
  opId: string;
  accepted: boolean;
  /** Why it was refused, in Japanese for the clerk. */
  reason?: string;
  /** The server's copy of the order when refused, so the PC corrects its own. */
  order?: WireOrder | null;
}

export interface PushResponse {
  serverTime: string;
  results: OpResult[];
}

/** A master row (sub-status, mail template, store, payment method), keyed within its kind. */
export interface WireMaster {
  kind: string;
  key: string;
  data: Record<string, unknown>;
  deleted: boolean;
}

export interface PullResponse {
  serverTime: string;
  cursor: number;
  hasMore: boolean;
  orders: WireOrder[];
  /** Orders that left this PC's sight (assigned to another store, E5): delete locally. */
  removed: { channel: string; orderNo: string }[];
  masters: WireMaster[];
  /** History of this page's orders new since the cursor, made elsewhere; intake rows stay on the server. */
  history: PulledHistory[];
}

export interface HelloResponse {
  /** Set when this PC is too old for the server: why, in Japanese. It may not push until updated. */
  update?: { message: string };
  serverId: string;
  serverTime: string;
  client: { id: number; name: string; storeId: string | null; storeName: string; isHeadOffice: boolean };
}

/** Master kinds head office uploads; stores are registered on the server by the admin. */
export const UPLOADED_MASTER_KINDS = ['payment_methods', 'sub_statuses', 'mail_templates'] as const;

export const mastersUpload = z.object({
  kinds: z.partialRecord(
    z.enum(UPLOADED_MASTER_KINDS),
    z.array(z.object({ key: z.string().min(1).max(200), data: z.record(z.string(), z.unknown()) })).max(10_000),
  ),
});
export type MastersUpload = z.infer<typeof mastersUpload>;

/** PCs' clocks may differ from the server's by at most this much (DESIGN 6). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
