import { z } from 'zod';
import type { WireKind } from '../domain/change-kinds.js';
import type { FieldOpKey, OrderRecord } from '../domain/order-fields.js';
import { CHANNELS } from '../domain/channels.js';
import { TIME_SLOTS } from '../domain/delivery-wishes.js';
import { PRINT_KINDS } from '../domain/print-kinds.js';
import { PREFECTURES } from '../domain/ship-to.js';
import { MAIL_STATUSES, MAIN_STATUSES } from '../domain/status.js';
import { OPERATIONS } from '../domain/transitions.js';
import { lineText, multiLineText } from '../api/text.js';

export const wireItem = z.object({
  lineNo: z.number().int().min(1),
  sku: lineText().max(200),
  title: lineText().max(1000),
  quantity: z.number().int().min(0).max(1_000_000),
  unitPrice: z.number().int().min(0).max(100_000_000),
  location: lineText().max(100),
  taxRate: z.union([z.literal(10), z.literal(8)]).optional(),
});
export type WireItem = z.infer<typeof wireItem>;

/** Amounts are never negative (a discount is a positive amount taken off). */
const yen = z.number().int().min(0).max(1_000_000_000);
const nullableText = (max: number) => lineText().max(max).nullable();

/**
 * The value schema of every order column a PC may change by a field operation (sync
 * 'field' in order-fields.ts): a column marked so without a schema here does not compile.
 */
const FIELD_SCHEMAS = {
  subtotal: yen,
  discount: yen,
  shippingFee: yen,
  codFee: yen,
  total: yen,
  amountsUnknown: z.boolean(),
  orderComment: multiLineText().max(5000),
  staffComment: multiLineText().max(5000),
  deliveryDate: z.union([z.literal(''), z.iso.date()]),
  deliveryTimeSlot: z.union([z.literal(''), z.enum(TIME_SLOTS)]),
  deliveryMethod: lineText().max(100),
  buyerRating: z.boolean(),
  storeId: nullableText(40),
  bundleGroup: nullableText(100),
  subStatusId: z.number().int().nullable(),
  mailPending: z.boolean(),
} satisfies { [K in FieldOpKey]: z.ZodType<OrderRecord[K]> };

/** Every value a field operation may carry: the columns above and the order's item lines. */
const fieldValues = z.object({ ...FIELD_SCHEMAS, items: z.array(wireItem).min(1).max(1000) });
export type FieldValues = z.infer<typeof fieldValues>;

/** The new values a kind sets, and nothing else: a 'discount' operation cannot move a store. */
const fields = <const K extends keyof FieldValues>(...keys: K[]) =>
  ({
    fields: z
      .object(Object.fromEntries(keys.map((k) => [k, fieldValues.shape[k]])) as Pick<typeof fieldValues.shape, K>)
      .strict(),
  }) as const;

/**
 * What each kind of change carries beyond the common part (who, when, from, to, why):
 * the journal validates a change against it before writing, the outbox sends it as it was
 * written, the server reads it. One entry per kind that travels (change-kinds.ts).
 */
export const CHANGE_BODIES = {
  /** The order's key; the order itself is read back when the operation is sent (it may be large). */
  create: { channel: z.enum(CHANNELS) },
  status: {
    operation: z.enum(OPERATIONS),
    target: z.enum(MAIN_STATUSES).optional(),
    trackingNo: lineText().max(40).optional(),
    carrier: lineText().max(40).optional(),
    paidAt: z.iso.datetime({ offset: true }).optional(),
  },
  sub_status: fields('subStatusId'),
  store: fields('storeId'),
  buyer_rating: fields('buyerRating'),
  // A price typed in F12 for an order of unknown amounts (金額未取得) also clears that mark.
  unit_price: {
    lineNo: z.number().int().min(1),
    sku: lineText().max(200),
    fields: z.object({ items: fieldValues.shape.items, amountsUnknown: z.literal(false).optional() }).strict(),
  },
  discount: fields('discount'),
  shipping_fee: fields('shippingFee'),
  cod_fee: fields('codFee'),
  subtotal: fields('subtotal'),
  total: fields('total'),
  order_comment: fields('orderComment'),
  staff_comment: fields('staffComment'),
  delivery_wish: fields('deliveryDate', 'deliveryTimeSlot', 'deliveryMethod'),
  /** F12 送付先変更: the six ship-to columns as they now are (an 'arrival' column changed on a PC). */
  ship_to: {
    fields: z
      .object({
        shipName: lineText().min(1).max(200),
        shipPostalCode: z.string().regex(/^\d{3}-\d{4}$/),
        shipPrefecture: lineText().refine((p) => (PREFECTURES as readonly string[]).includes(p)),
        shipAddress1: lineText().min(1).max(500),
        shipAddress2: lineText().max(500),
        shipPhone: z.string().regex(/^(\+?[\d-]{10,15})?$/),
      })
      .strict(),
  },
  bundle: fields('bundleGroup'),
  /**
   * 注文分割: the original order's lines and fees after part of it moved to a new order
   * (which travels as its own 'create'); from/to name the two orders.
   */
  split: {
    fields: fieldValues
      .pick({ items: true, shippingFee: true, codFee: true, subtotal: true, total: true })
      .partial()
      .strict(),
  },
  /** 再送注文 made from this (shipped) order: history only; the new order travels as its own 'create'. */
  resend: {},
  import_update: {
    fields: fieldValues
      .pick({
        orderComment: true,
        discount: true,
        shippingFee: true,
        codFee: true,
        subtotal: true,
        total: true,
        amountsUnknown: true,
        items: true,
      })
      .partial()
      .strict(),
  },
  /** A status mail counted as sent (E12): only the status it was for loses its メール未送信 mark (S5). */
  mail: { mailStatus: z.enum(MAIL_STATUSES), fields: z.object({ mailPending: z.literal(false) }).strict() },
  /** Written by the mail-state trigger (migration 0009 and its successor) when a mail goes out. */
  mail_state: { mailStatus: z.enum(MAIN_STATUSES), fields: z.object({ mailPending: z.boolean() }).strict() },
  print: { document: z.enum(PRINT_KINDS) },
  /** F4 made the channel's shipment upload file: 出荷通知 becomes 送信済（ファイル） (the server queues no notice). */
  ship_notice_file: {},
  /** 検品: one item scanned at the packing table (from: 商品コード, to: scanned/ordered) or 検品済. */
  packing: {},
} as const satisfies Record<WireKind, z.ZodRawShape>;

type Bodies = typeof CHANGE_BODIES;
/** An intersection of shapes as one shape (zod's object() wants a plain record). */
export type Shape<T> = Extract<{ [K in keyof T]: T[K] }, z.ZodRawShape>;

/** A change as a service hands it to the journal: its kind and what that kind carries. */
type BodyInput<K extends WireKind> = [keyof Bodies[K]] extends [never]
  ? unknown
  : z.input<z.ZodObject<Shape<Bodies[K]>>>;
export type Change = { [K in WireKind]: { kind: K } & BodyInput<K> }[WireKind];
export type ChangeOf<K extends WireKind> = Extract<Change, { kind: K }>;

const actorSchema = z.object({
  operator: lineText().max(100),
  pcId: lineText().max(100),
  storeId: nullableText(40),
});

/** What every journaled change records besides its body. */
export const commonShape = {
  orderNo: lineText().min(1).max(100),
  at: z.iso.datetime({ offset: true }),
  actor: actorSchema,
  reason: multiLineText().max(1000).default(''),
  from: multiLineText().max(200).nullable().default(null),
  to: multiLineText().max(200).nullable().default(null),
};

/** The outbox payload of each kind: the common part and the kind's body, as written. */
export const JOURNAL_PAYLOADS = Object.fromEntries(
  Object.entries(CHANGE_BODIES).map(([kind, body]) => [kind, z.object({ ...commonShape, ...body })]),
) as { [K in WireKind]: z.ZodObject<Shape<typeof commonShape & Bodies[K]>> };
