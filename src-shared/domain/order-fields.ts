import type { NewOrder } from './order.js';

/**
 * THE order columns, once: every column of `orders` that both databases hold and that
 * travels between a store PC and the central server. The writers, the wire order, the
 * server's columns and intake, the import snapshots and both PII purges are built from this
 * table, so an order column is added by one row here plus a migration on each side (a test
 * compares both migrated schemas with it).
 *
 * - key: the column's name on the wire (WireOrder) and in TypeScript; column: in SQL.
 * - type: the value's type (booleans are 0/1 in SQLite, boolean in PostgreSQL).
 * - pii: personal data, erased 30 days after shipping on Amazon orders (S3).
 * - sync: who may change the value once the order exists —
 *   'key' never (it names the order across PCs); 'fixed' never (set when the order is made);
 *   'arrival' what the order arrived with, changed later only by a file import on a PC
 *   (and the 送付先 columns by F12's ship_to change, which carries them together);
 *   'field' a PC changes it and sends the new value in a field operation (change-kinds.ts
 *   names which kinds carry which); 'effect' written by a status move (transition-effects.ts);
 *   'derived' recomputed from another column (the payment method's master);
 *   'purge' set by the S3 purge on each side; 'channel' written by the central server's
 *   channel connectors (出荷通知 and the channel's note), taken by the PCs as it comes;
 *   'record' bookkeeping of every write.
 * - arrival: where a NewOrder (import, intake, demo) holds the value.
 * - imported: part of an import snapshot, compared field by field when a file is imported again.
 */
/** Columns an import brings and its snapshot keeps; buyer and ship-to ones are personal data. */
const IMPORTED_PII = { type: 'text', sync: 'arrival', pii: true, imported: true } as const;
const IMPORTED_TEXT = { type: 'text', sync: 'arrival', imported: true } as const;
const IMPORTED_MONEY = { type: 'integer', sync: 'field', imported: true } as const;

export const ORDER_FIELDS = [
  { key: 'channel', column: 'channel', type: 'text', sync: 'key', arrival: 'channel' },
  { key: 'orderNo', column: 'order_no', type: 'text', sync: 'key', arrival: 'orderNo' },
  { key: 'orderedAt', column: 'ordered_at', type: 'text', sync: 'fixed', arrival: 'orderedAt' },
  /** The channel's own order number when it differs from order_no (a 分割 part, `<no>-2`); null: the same. */
  {
    key: 'channelOrderNo',
    column: 'channel_order_no',
    type: 'text',
    nullable: true,
    sync: 'fixed',
    arrival: 'channelOrderNo',
  },
  /** 分割元: the order_no of the order this one was split from (same channel); null for an ordinary order. */
  { key: 'splitFrom', column: 'split_from', type: 'text', nullable: true, sync: 'fixed', arrival: 'splitFrom' },
  { key: 'buyerName', column: 'buyer_name', arrival: 'buyer.name', ...IMPORTED_PII },
  { key: 'buyerKana', column: 'buyer_kana', arrival: 'buyer.kana', ...IMPORTED_PII },
  { key: 'buyerEmail', column: 'buyer_email', arrival: 'buyer.email', ...IMPORTED_PII },
  { key: 'buyerPhone', column: 'buyer_phone', arrival: 'buyer.phone', ...IMPORTED_PII },
  { key: 'shipName', column: 'ship_name', arrival: 'shipTo.name', ...IMPORTED_PII },
  { key: 'shipPostalCode', column: 'ship_postal_code', arrival: 'shipTo.postalCode', ...IMPORTED_PII },
  { key: 'shipPrefecture', column: 'ship_prefecture', arrival: 'shipTo.prefecture', ...IMPORTED_TEXT },
  { key: 'shipAddress1', column: 'ship_address1', arrival: 'shipTo.address1', ...IMPORTED_PII },
  { key: 'shipAddress2', column: 'ship_address2', arrival: 'shipTo.address2', ...IMPORTED_PII },
  { key: 'shipPhone', column: 'ship_phone', arrival: 'shipTo.phone', ...IMPORTED_PII },
  { key: 'paymentMethod', column: 'payment_method', arrival: 'paymentMethod', ...IMPORTED_TEXT },
  { key: 'needsPayment', column: 'needs_payment', type: 'boolean', sync: 'derived' },
  { key: 'subtotal', column: 'subtotal', type: 'integer', sync: 'field' },
  { key: 'discount', column: 'discount', arrival: 'discount', ...IMPORTED_MONEY },
  { key: 'shippingFee', column: 'shipping_fee', arrival: 'shippingFee', ...IMPORTED_MONEY },
  { key: 'codFee', column: 'cod_fee', arrival: 'codFee', ...IMPORTED_MONEY },
  { key: 'total', column: 'total', type: 'integer', sync: 'field' },
  // 金額未取得: set by a file without prices, cleared by a priced import or the channel's API.
  { key: 'amountsUnknown', column: 'amounts_unknown', type: 'boolean', sync: 'field', arrival: 'amountsUnknown' },
  {
    key: 'orderComment',
    column: 'order_comment',
    type: 'text',
    sync: 'field',
    arrival: 'orderComment',
    imported: true,
  },
  { key: 'staffComment', column: 'staff_comment', type: 'text', sync: 'field' },
  { key: 'deliveryDate', column: 'delivery_date', type: 'text', sync: 'field', arrival: 'deliveryDate' },
  { key: 'deliveryTimeSlot', column: 'delivery_time_slot', type: 'text', sync: 'field', arrival: 'deliveryTimeSlot' },
  { key: 'deliveryMethod', column: 'delivery_method', type: 'text', sync: 'field', arrival: 'deliveryMethod' },
  { key: 'mailInquiry', column: 'mail_inquiry', type: 'boolean', sync: 'arrival', arrival: 'mailInquiry' },
  { key: 'orderFormDone', column: 'order_form_done', type: 'boolean', sync: 'arrival', arrival: 'orderFormDone' },
  { key: 'buyerRating', column: 'buyer_rating', type: 'boolean', sync: 'field' },
  { key: 'storeId', column: 'store_id', type: 'text', nullable: true, sync: 'field', arrival: 'storeId' },
  { key: 'carrier', column: 'carrier', type: 'text', nullable: true, sync: 'effect' },
  { key: 'trackingNo', column: 'tracking_no', type: 'text', nullable: true, sync: 'effect' },
  { key: 'bundleGroup', column: 'bundle_group', type: 'text', nullable: true, sync: 'field' },
  { key: 'status', column: 'status', type: 'text', sync: 'effect' },
  { key: 'subStatusId', column: 'sub_status_id', type: 'integer', nullable: true, sync: 'field' },
  { key: 'mailPending', column: 'mail_pending', type: 'boolean', sync: 'field' },
  { key: 'paidAt', column: 'paid_at', type: 'text', nullable: true, sync: 'effect' },
  { key: 'shippedAt', column: 'shipped_at', type: 'text', nullable: true, sync: 'effect' },
  { key: 'cancelledAt', column: 'cancelled_at', type: 'text', nullable: true, sync: 'effect' },
  { key: 'cancelReason', column: 'cancel_reason', type: 'text', nullable: true, sync: 'effect' },
  { key: 'piiPurgedAt', column: 'pii_purged_at', type: 'text', nullable: true, sync: 'purge' },
  { key: 'shipNotice', column: 'ship_notice', type: 'text', nullable: true, sync: 'channel' },
  { key: 'channelNote', column: 'channel_note', type: 'text', sync: 'channel' },
  { key: 'createdAt', column: 'created_at', type: 'text', sync: 'fixed' },
  { key: 'updatedAt', column: 'updated_at', type: 'text', sync: 'record' },
  { key: 'version', column: 'version', type: 'integer', sync: 'record' },
] as const satisfies readonly OrderFieldSpec[];

export type FieldType = 'text' | 'integer' | 'boolean';
type FieldSync = 'key' | 'fixed' | 'arrival' | 'field' | 'effect' | 'derived' | 'purge' | 'channel' | 'record';

/** A path to a leaf of a NewOrder ('buyer.name'): where an arriving order holds a value. */
type LeafPath<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends readonly unknown[]
    ? never
    : T[K] extends object
      ? LeafPath<T[K], `${Prefix}${K}.`>
      : `${Prefix}${K}`;
}[keyof T & string];
type ArrivalPath = LeafPath<NewOrder>;

interface OrderFieldSpec {
  key: string;
  column: string;
  type: FieldType;
  nullable?: boolean;
  pii?: boolean;
  sync: FieldSync;
  arrival?: ArrivalPath;
  imported?: boolean;
}

type OrderField = (typeof ORDER_FIELDS)[number];
export type OrderKey = OrderField['key'];
type FieldOf<K extends OrderKey> = Extract<OrderField, { key: K }>;

type BaseValue<T extends FieldType> = T extends 'text' ? string : T extends 'integer' ? number : boolean;
type ValueOf<F extends OrderFieldSpec> = F extends { nullable: true }
  ? BaseValue<F['type']> | null
  : BaseValue<F['type']>;

/** One order's columns by their wire keys: what a writer writes and a WireOrder carries. */
export type OrderRecord = { [K in OrderKey]: ValueOf<FieldOf<K>> };

/** Keys a PC may send in a field operation. */
export type FieldOpKey = Extract<OrderField, { sync: 'field' }>['key'];

/** Every NewOrder leaf (items aside) has its row: a field added to NewOrder without one fails here. */
type MissingArrival = Exclude<ArrivalPath, Extract<OrderField, { arrival: string }>['arrival']>;
export const everyArrivalHasAColumn: [MissingArrival] extends [never] ? true : MissingArrival = true;

/** Each field's name on screen (history, import preview), in the manual's words. */
export const FIELD_LABELS: Record<OrderKey, string> = {
  channel: '販路',
  orderNo: '注文番号',
  orderedAt: '注文日',
  channelOrderNo: 'チャネル注文番号',
  splitFrom: '分割元',
  buyerName: '購入者名',
  buyerKana: '購入者名（カナ）',
  buyerEmail: 'メールアドレス',
  buyerPhone: '購入者電話番号',
  shipName: 'お届け先名',
  shipPostalCode: 'お届け先郵便番号',
  shipPrefecture: 'お届け先都道府県',
  shipAddress1: 'お届け先住所',
  shipAddress2: 'お届け先住所2',
  shipPhone: 'お届け先電話番号',
  paymentMethod: '決済方法',
  needsPayment: '入金確認',
  subtotal: '小計',
  discount: '値引',
  shippingFee: '送料',
  codFee: '代引手数料',
  total: '合計',
  amountsUnknown: '金額未取得',
  orderComment: '注文時コメント',
  staffComment: '受注後コメント',
  deliveryDate: '配送希望日',
  deliveryTimeSlot: '配送時間帯',
  deliveryMethod: '配送方法',
  mailInquiry: 'メール問合せ',
  orderFormDone: 'オーダーフォーム入力',
  buyerRating: '落札者評価',
  storeId: '出荷店舗',
  carrier: '配送業者',
  trackingNo: '送り状番号',
  bundleGroup: '同梱',
  status: 'メインステータス',
  subStatusId: 'サブステータス',
  mailPending: 'メール未送信',
  paidAt: '入金日',
  shippedAt: '出荷日',
  cancelledAt: 'キャンセル日',
  cancelReason: '取消理由',
  piiPurgedAt: '個人情報削除日',
  shipNotice: '出荷通知',
  channelNote: 'チャネルからの連絡',
  createdAt: '登録日時',
  updatedAt: '更新日時',
  version: '版',
};

export const PII_FIELDS: readonly OrderField[] = ORDER_FIELDS.filter((f) => 'pii' in f && f.pii);
/** Columns a change may rewrite: everything but the order's key and creation. */
export const MUTABLE_FIELDS: readonly OrderField[] = ORDER_FIELDS.filter((f) => f.sync !== 'key' && f.sync !== 'fixed');
export const IMPORTED_FIELDS = ORDER_FIELDS.filter(
  (f): f is Extract<OrderField, { imported: true }> => 'imported' in f && f.imported,
);

function readPath(source: unknown, path: string): unknown {
  let value = source;
  for (const part of path.split('.')) value = (value as Record<string, unknown>)[part];
  return value;
}

function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

/** The value an arriving order holds for a field with an arrival path. */
export function arrivalValue(order: NewOrder, field: OrderFieldSpec): unknown {
  return field.arrival ? readPath(order, field.arrival) : undefined;
}

/**
 * The nested object of the given fields' arrival values (`{ buyer: { name } , ... }`),
 * built in table order so that equal values always give equal JSON.
 */
export function nestByArrival(fields: readonly OrderFieldSpec[], valueOf: (field: OrderFieldSpec) => unknown) {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (field.arrival) writePath(out, field.arrival, valueOf(field));
  return out;
}
