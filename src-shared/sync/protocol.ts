import { z } from 'zod';
import type { WireKind } from '../domain/change-kinds.js';
import { TIME_SLOTS } from '../domain/delivery-wishes.js';
import { CHANNELS } from '../domain/channels.js';
import type { HistoryEntry } from '../domain/order.js';
import type { OrderRecord } from '../domain/order-fields.js';
import { lineText, multiLineText } from '../api/text.js';
import { CHANGE_BODIES, commonShape, wireItem, type Shape, type WireItem } from './change-bodies.js';

import type { WireHolding, WireStock } from './stock-wire.js';

export { type FieldValues, type WireItem } from './change-bodies.js';

/**
 * The wire format between a store PC and the central server (SPEC §5, DESIGN 6). Orders are
 * known across PCs by (channel, orderNo): local integer ids differ on every PC.
 */

const text = (max: number) => lineText().max(max).default('');

/** An order as a channel connector sends it (the same shape the desktop imports produce). */
export const newOrderInput = z.object({
  channel: z.enum(CHANNELS),
  orderNo: lineText().trim().min(1).max(100),
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
  paymentMethod: lineText().min(1).max(60),
  items: z.array(wireItem).min(1).max(1000),
  discount: z.number().int().min(0).default(0),
  shippingFee: z.number().int().min(0).default(0),
  codFee: z.number().int().min(0).default(0),
  orderComment: multiLineText().max(5000).default(''),
  mailInquiry: z.boolean().default(false),
  orderFormDone: z.boolean().default(true),
  storeId: lineText().min(1).max(40).nullable().default(null),
  deliveryDate: z.union([z.literal(''), z.iso.date()]).default(''),
  deliveryTimeSlot: z.union([z.literal(''), z.enum(TIME_SLOTS)]).default(''),
  deliveryMethod: lineText().max(100).default(''),
  /** 金額未取得: the source gave no prices (the amounts are unknown, not ¥0). */
  amountsUnknown: z.boolean().default(false),
  channelOrderNo: lineText().min(1).max(100).nullable().default(null),
  splitFrom: lineText().min(1).max(100).nullable().default(null),
});

const opKey = {
  opId: lineText().min(8).max(80),
  channel: z.enum(CHANNELS),
};

type Bodies = typeof CHANGE_BODIES;
type WireOpShape<K extends WireKind> = Shape<
  typeof opKey &
    typeof commonShape & { kind: z.ZodLiteral<K> } & Bodies[K] &
    (K extends 'create' ? { order: typeof newOrderInput } : Record<never, never>)
>;

/**
 * One local change going up, strictly by its kind: the journal's entry (change-bodies.ts)
 * with the operation id and the order's key. `opId` is the outbox's unique id: the server
 * applies it once. A 'create' carries the order made on the PC (its own CSV import).
 */
export type WireOp = { [K in WireKind]: z.output<z.ZodObject<WireOpShape<K>>> }[WireKind];
type WireOpInput = { [K in WireKind]: z.input<z.ZodObject<WireOpShape<K>>> }[WireKind];
export type WireOpOf<K extends WireKind> = Extract<WireOp, { kind: K }>;

const wireOpOptions = (Object.keys(CHANGE_BODIES) as WireKind[]).map((kind) =>
  z.object({
    ...opKey,
    ...commonShape,
    kind: z.literal(kind),
    ...CHANGE_BODIES[kind],
    ...(kind === 'create' ? { order: newOrderInput } : {}),
  }),
);
type WireOpOption = (typeof wireOpOptions)[number];
export const wireOp = z.discriminatedUnion(
  'kind',
  wireOpOptions as unknown as [WireOpOption, ...WireOpOption[]],
) as unknown as z.ZodType<WireOp, WireOpInput>;

/** A history row as it travels: the local row id stays on the PC that wrote it. */
type WireHistory = Omit<HistoryEntry, 'id'>;

/** An order as the server holds it, sent down whole (a pull or a refused op's correction). */
export type WireOrder = OrderRecord & {
  items: WireItem[];
  /** History rows to add locally (made elsewhere: the PC's own are already there). */
  history: WireHistory[];
};

/** A history row in a pull page, with the order it belongs to. */
export type PulledHistory = WireHistory & { channel: string; orderNo: string };

export interface OpResult {
  opId: string;
  accepted: boolean;
  /** Why it was refused, in Japanese for the clerk. */
  reason?: string;
  /** The server's copy of the order when refused, so the PC corrects its own. */
  order?: WireOrder | null;
  /** What that copy holds of its store's stock, so the PC's reservations follow it. */
  holding?: WireHolding['lines'];
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
  /** Stock rows changed since the cursor that this PC may see (N2). */
  stock: WireStock[];
  /** What this page's orders hold of their store's stock (an order not listed holds nothing). */
  holdings: WireHolding[];
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
    z.array(z.object({ key: lineText().min(1).max(200), data: z.record(lineText().max(60), z.unknown()) })).max(10_000),
  ),
});
export type MastersUpload = z.infer<typeof mastersUpload>;

/** A master row the server did not take (its data breaks the master's rules); the rest were taken. */
export interface RefusedMaster {
  kind: string;
  key: string;
  reason: string;
}

export interface MastersUploadResponse {
  changed: number;
  refused: RefusedMaster[];
}

/** The largest body the server takes on /sync/* (a PC sends its pushes in parts well below it). */
export const SYNC_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * The most entries one pull page holds, whatever limit a PC asks for, and the most orders
 * among them: an order weighs on the wire about ten times a stock row, so a first copy takes
 * its stock in pages four times as long as its pages of orders.
 */
export const PULL_PAGE_MAX = 20_000;
export const PULL_PAGE_ORDERS = 5000;

/** PCs' clocks may differ from the server's by at most this much (DESIGN 6). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
