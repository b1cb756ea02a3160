import { PRINT_KIND_LABELS, isPrintKind } from './print-kinds.js';
import { MAIL_KIND_LABELS, STATUS_MAIL_KIND } from './mail.js';
import { formatYen } from './money.js';
import { shipNoticeLabel } from './ship-notice.js';
import { hasStatusMail, isMainStatus, STATUS_LABELS } from './status.js';

/**
 * Every kind of change an order's history row and sync operation record (S2). The journal
 * writes only these, the wire carries only these (sync/change-bodies.ts gives each its
 * schema) and the server applies each (src-server/sync/apply-op.ts): a kind added here
 * without its label, schema or server rule does not compile.
 */
export const CHANGE_KINDS = [
  'create',
  'status',
  'sub_status',
  'store',
  'buyer_rating',
  'unit_price',
  'discount',
  'shipping_fee',
  'cod_fee',
  'subtotal',
  'total',
  'order_comment',
  'staff_comment',
  'delivery_wish',
  'ship_to',
  'bundle',
  'split',
  'resend',
  'import_update',
  'mail',
  'mail_state',
  'print',
  'ship_notice_file',
  'packing',
  'pii_purge',
  'intake',
  'ship_notice',
  'channel_update',
  'channel_conflict',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Kinds that stay where they were made: each side purges its own copy; intake happens on the server. */
export const LOCAL_KINDS = ['pii_purge', 'intake'] as const satisfies readonly ChangeKind[];
/**
 * Kinds the central server's channel connectors write (a shipment notice's outcome, a change
 * made at the channel, a change that conflicts with the store's): the PCs pull them, never send them.
 */
export const SERVER_KINDS = [
  'ship_notice',
  'channel_update',
  'channel_conflict',
] as const satisfies readonly ChangeKind[];
/** Kinds a store PC sends to the central server. */
export type WireKind = Exclude<ChangeKind, (typeof LOCAL_KINDS)[number] | (typeof SERVER_KINDS)[number]>;

/** What the clerk reads for each kind, in the manual's words. */
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  create: '新規登録',
  status: 'メインステータス変更',
  sub_status: 'サブステータス変更',
  store: '出荷店舗変更',
  buyer_rating: '落札者評価',
  unit_price: '金額変更（販売単価）',
  discount: '金額変更（値引）',
  shipping_fee: '金額変更（配送料金）',
  cod_fee: '金額変更（代引手数料）',
  subtotal: '金額変更（小計）',
  total: '金額変更（合計）',
  order_comment: 'コメント変更（注文時コメント）',
  staff_comment: 'コメント変更（受注後コメント）',
  delivery_wish: '配送希望変更',
  ship_to: '送付先変更',
  bundle: '同梱',
  split: '注文分割',
  resend: '再送注文',
  import_update: '取込更新',
  mail: 'メール送信済の記録',
  mail_state: 'メール送信状態の記録',
  print: '書類発行',
  ship_notice_file: '出荷通知ファイル作成',
  packing: '検品',
  pii_purge: '個人情報削除',
  intake: '受注取込',
  ship_notice: '出荷通知',
  channel_update: 'チャネル側の変更',
  channel_conflict: 'チャネルとの食い違い',
};

/** How each kind's from/to values read: a status, an amount, a master's name, a document, text. */
type ValueReading = 'status' | 'money' | 'sub_status' | 'store' | 'bundle' | 'document' | 'ship_notice' | 'text';
const VALUE_READINGS: Record<ChangeKind, ValueReading> = {
  create: 'status',
  status: 'status',
  sub_status: 'sub_status',
  store: 'store',
  buyer_rating: 'text',
  unit_price: 'money',
  discount: 'money',
  shipping_fee: 'money',
  cod_fee: 'money',
  subtotal: 'money',
  total: 'money',
  order_comment: 'text',
  staff_comment: 'text',
  delivery_wish: 'text',
  ship_to: 'text',
  bundle: 'bundle',
  split: 'text',
  resend: 'text',
  import_update: 'text',
  mail: 'status',
  mail_state: 'status',
  print: 'document',
  ship_notice_file: 'ship_notice',
  packing: 'text',
  pii_purge: 'text',
  intake: 'status',
  ship_notice: 'ship_notice',
  channel_update: 'text',
  channel_conflict: 'text',
};

/** Names of the masters a history value may point at. */
export interface HistoryNames {
  subStatus(id: string): string | undefined;
  store(id: string): string | undefined;
}

/** A history row's from or to value as the clerk reads it (S2). */
export function historyValue(kind: string, value: string | null, names: HistoryNames): string {
  const reading = isChangeKind(kind) ? VALUE_READINGS[kind] : 'text';
  if (value === null || value === '') return reading === 'bundle' ? 'なし' : '';
  switch (reading) {
    case 'status':
      return isMainStatus(value) ? STATUS_LABELS[value] : value;
    case 'money':
      return /^-?\d+$/.test(value) ? formatYen(Number(value)) : value;
    case 'sub_status':
      return names.subStatus(value) ?? value;
    case 'store':
      return names.store(value) ?? value;
    case 'bundle':
      // A bundle is named by an id nobody reads: say that the order is in one.
      return 'あり';
    case 'document':
      return isPrintKind(value) ? PRINT_KIND_LABELS[value] : value;
    case 'ship_notice':
      return shipNoticeLabel(value) || value;
    case 'text':
      return value;
  }
}

export function isChangeKind(value: string): value is ChangeKind {
  return (CHANGE_KINDS as readonly string[]).includes(value);
}

/**
 * A history row's kind as the clerk reads it: the document printed (ピッキングリスト発行) or
 * the mail recorded (発送完了メール) where the row says which; 変更 for a kind this version
 * does not know (a row pulled from a newer server), never the internal name.
 */
export function historyLabel(kind: string, to: string | null): string {
  if (!isChangeKind(kind)) return '変更';
  if (kind === 'print' && to !== null && isPrintKind(to)) return `${PRINT_KIND_LABELS[to]}発行`;
  if (kind === 'mail' && to !== null && isMainStatus(to) && hasStatusMail(to)) {
    return `${MAIL_KIND_LABELS[STATUS_MAIL_KIND[to]]}（処理済）`;
  }
  return CHANGE_KIND_LABELS[kind];
}

/** Master edits (S4), as the clerk reads a refused one. */
export const MASTER_ENTITY_LABELS: Record<string, string> = { sub_status: 'サブステータス' };
export const MASTER_CHANGE_LABELS = {
  add: '追加',
  rename: '名前の変更',
  color: '色の変更',
  reorder: '並び順の変更',
  retire: '廃止',
  restore: '復活',
} as const;
export type MasterChangeKind = keyof typeof MASTER_CHANGE_LABELS;
