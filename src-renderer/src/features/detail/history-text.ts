import type { Masters } from '../../../../src-shared/api/app.js';
import { PRINT_KIND_LABELS, type PrintKind } from '../../../../src-shared/api/printing.js';
import { CARRIER_LABELS, isCarrier } from '../../../../src-shared/domain/carriers.js';
import { MAIL_KIND_LABELS, type MailKind } from '../../../../src-shared/domain/mail.js';
import { formatYen } from '../../../../src-shared/domain/money.js';
import type { HistoryEntry } from '../../../../src-shared/domain/order.js';
import { STATUS_LABELS, isMainStatus } from '../../../../src-shared/domain/status.js';

/**
 * What each kind of history row (S2) is called on screen, in the manual's words: every kind
 * a store PC or the central server writes. A kind missing here still shows as 「変更」, never
 * as its internal name.
 */
export const HISTORY_KIND_LABELS: Record<string, string> = {
  create: '新規登録',
  intake: '新規登録',
  import_update: 'ファイル取込で更新',
  status: 'メインステータス',
  sub_status: 'サブステータス',
  store: '出荷店舗',
  carrier: '配送業者',
  tracking: '送り状番号',
  unit_price: '単価',
  discount: '値引',
  shipping_fee: '送料',
  cod_fee: '代引手数料',
  subtotal: '小計',
  total: '合計',
  order_comment: '注文時コメント',
  staff_comment: '受注後コメント',
  bundle: '同梱',
  buyer_rating: '落札者評価',
  rating: '落札者評価',
  print: '印刷',
  mail: 'メール',
  mail_state: 'メール送信状態',
  pii_purge: '個人情報削除',
};

const MONEY_KINDS = new Set(['unit_price', 'discount', 'shipping_fee', 'cod_fee', 'subtotal', 'total']);

function isPrintKind(value: string | null): value is PrintKind {
  return value !== null && value in PRINT_KIND_LABELS;
}

function isMailKind(value: string | null): value is MailKind {
  return value !== null && value in MAIL_KIND_LABELS;
}

/** The 項目 column: the document printed and the mail sent are named, not just 「印刷」. */
function itemText(kind: string, to: string | null): string {
  if (kind === 'print' && isPrintKind(to)) return `${PRINT_KIND_LABELS[to]}発行`;
  if (kind === 'mail' && isMailKind(to)) return MAIL_KIND_LABELS[to];
  return HISTORY_KIND_LABELS[kind] ?? '変更';
}

/** A value before or after the change, as the clerk knows it. */
function valueText(kind: string, value: string | null, masters: Masters): string {
  if (value === null || value === '') return kind === 'bundle' ? 'なし' : '';
  if (isMainStatus(value) && (kind === 'status' || kind === 'create' || kind === 'intake')) return STATUS_LABELS[value];
  if (MONEY_KINDS.has(kind) && /^-?\d+$/.test(value)) return formatYen(Number(value));
  if (kind === 'sub_status') return masters.subStatuses.find((s) => String(s.id) === value)?.name ?? value;
  if (kind === 'store') return masters.stores.find((s) => s.id === value)?.name ?? value;
  if (kind === 'carrier' && isCarrier(value)) return CARRIER_LABELS[value];
  // The item column names the document or the mail; the value says what became of it.
  if (kind === 'print') return '印刷済み';
  if (kind === 'mail') return '送信済';
  // A bundle is named by an id nobody reads: say that the order is in one.
  if (kind === 'bundle') return 'あり';
  return value;
}

/** Where a change was made: the store and PC, or 本部 / サーバー for the central server's own. */
function placeText(entry: Pick<HistoryEntry, 'storeId' | 'pcId'>, masters: Masters): string {
  const store = entry.storeId ? (masters.stores.find((s) => s.id === entry.storeId)?.name ?? entry.storeId) : '本部';
  return `${store} / ${entry.pcId === 'server' ? 'サーバー' : entry.pcId}`;
}

/** One history row as the detail's table shows it: 店舗/PC, 項目, 変更前, 変更後. */
export function historyText(
  entry: Pick<HistoryEntry, 'kind' | 'from' | 'to' | 'storeId' | 'pcId'>,
  masters: Masters,
): { place: string; item: string; from: string; to: string } {
  return {
    place: placeText(entry, masters),
    item: itemText(entry.kind, entry.to),
    from: valueText(entry.kind, entry.from, masters),
    to: valueText(entry.kind, entry.to, masters),
  };
}
