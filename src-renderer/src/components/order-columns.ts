import type { ColDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import type { Masters } from '../../../src-shared/api/app.js';
import type { ReminderDays } from '../../../src-shared/api/mail.js';
import { CHANNEL_LABELS, type Channel } from '../../../src-shared/domain/channels.js';
import { MAIL_KIND_LABELS, STATUS_MAIL_KIND } from '../../../src-shared/domain/mail.js';
import { TIME_SLOT_LABELS, type TimeSlot } from '../../../src-shared/domain/delivery-wishes.js';
import { formatAmount } from '../../../src-shared/domain/money.js';
import type { OrderRow } from '../../../src-shared/domain/order.js';
import { STATUS_LABELS, hasStatusMail } from '../../../src-shared/domain/status.js';
import { markUnsafeChars } from '../../../src-shared/text/unsafe-chars.js';
import { formatJst } from '../format.js';
import { shipNoticeLabel } from '../../../src-shared/domain/ship-notice.js';
import { DAY_MS } from '../../../src-shared/text/jst.js';
import { PII_PURGED_TEXT as PURGED } from '../../../src-shared/domain/privacy.js';
import { SelectCell } from './SelectCell.js';
import { SubStatusCell, type SubStatusCellParams } from './SubStatusCell.js';

/** The columns a clerk may show or hide (the others are always there). */
export const OPTIONAL_COLUMNS = [
  { colId: 'status', label: 'メインステータス' },
  { colId: 'mailPending', label: '未送信のメール' },
  { colId: 'reminder', label: '催促の理由' },
  { colId: 'buyerRating', label: '落札者評価' },
  { colId: 'mailInquiry', label: 'メール問合せ' },
  { colId: 'orderForm', label: 'オーダーフォーム' },
  { colId: 'orderComment', label: '注文時コメント' },
  { colId: 'staffComment', label: '受注後コメント' },
  { colId: 'deliveryDate', label: '配送希望日' },
  { colId: 'deliveryTimeSlot', label: '配送時間帯' },
  { colId: 'deliveryMethod', label: '配送方法' },
] as const;

const UNPAID_STATUSES = new Set(['new', 'stock_confirmed', 'out_of_stock']);
const CLOSED_STATUSES = new Set(['shipped', 'cancelled']);

/**
 * Why a row is a 催促対象 (S6), with how many days it is past the period of 催促メール期限管理:
 * 「未入金（3日超過）」, 「オーダーフォーム未入力（1日超過）」, and the reminders already sent,
 * 「催促済 2026/11/27（2回）」; empty when there is neither.
 */
export function reminderReason(row: OrderRow, days: ReminderDays, now: number): string {
  const age = Math.floor((now - Date.parse(row.orderedAt)) / DAY_MS);
  const reasons: string[] = [];
  if (row.needsPayment && UNPAID_STATUSES.has(row.status) && age >= days.unpaid)
    reasons.push(`未入金（${age - days.unpaid}日超過）`);
  if (!row.orderFormDone && !CLOSED_STATUSES.has(row.status) && age >= days.orderForm)
    reasons.push(`オーダーフォーム未入力（${age - days.orderForm}日超過）`);
  if (row.remindedAt && row.reminderCount > 0)
    reasons.push(`催促済 ${formatJst(row.remindedAt, false)}（${row.reminderCount}回）`);
  return reasons.join('・');
}

/** The mail a row of メール未送信 waits for: the one of its main status. */
export function pendingMail(row: OrderRow): string {
  return row.mailPending && hasStatusMail(row.status) ? MAIL_KIND_LABELS[STATUS_MAIL_KIND[row.status]] : '';
}

/** Stored text as the grid shows it: a control character or a bidi override as a visible mark. */
const shownText = (p: ValueFormatterParams<OrderRow, string>) => (p.value ? markUnsafeChars(p.value) : '');

const text =
  (get: (row: OrderRow) => string) =>
  (p: ValueGetterParams<OrderRow>): string =>
    p.data ? get(p.data) : '';

/**
 * The order list's columns (S1), in the manual's words. 購入者 takes the width left over, so
 * the columns fill the grid; double-clicking a column's edge fits it to its content.
 */
export function orderColumns(masters: Masters, reminderDays: ReminderDays | null): ColDef<OrderRow>[] {
  const stores = new Map(masters.stores.map((s) => [s.id, s.name]));
  const payments = new Map(masters.paymentMethods.map((p) => [p.code, p.name]));
  const subs = new Map(masters.subStatuses.map((s) => [s.id, s]));
  const optional = { sortable: false, initialHide: true };
  return [
    {
      colId: 'select',
      headerName: '選択',
      initialWidth: 64,
      sortable: false,
      resizable: false,
      cellRenderer: SelectCell,
    },
    { colId: 'orderNo', field: 'orderNo', headerName: '注文番号', initialWidth: 230, valueFormatter: shownText },
    {
      colId: 'orderedAt',
      field: 'orderedAt',
      headerName: '注文日時',
      initialWidth: 140,
      valueFormatter: (p: ValueFormatterParams<OrderRow, string>) => (p.value ? formatJst(p.value) : ''),
    },
    {
      colId: 'channel',
      field: 'channel',
      headerName: 'チャネル',
      initialWidth: 170,
      sortable: false,
      valueFormatter: (p: ValueFormatterParams<OrderRow, Channel>) => (p.value ? CHANNEL_LABELS[p.value] : ''),
    },
    {
      ...optional,
      colId: 'status',
      headerName: 'メインステータス',
      initialWidth: 120,
      valueGetter: text((r) => STATUS_LABELS[r.status]),
    },
    {
      ...optional,
      colId: 'mailPending',
      headerName: '未送信のメール',
      initialWidth: 140,
      valueGetter: text(pendingMail),
    },
    {
      ...optional,
      colId: 'reminder',
      headerName: '催促の理由',
      initialWidth: 220,
      valueGetter: text((r) => (reminderDays ? reminderReason(r, reminderDays, Date.now()) : '')),
    },
    {
      colId: 'buyerName',
      field: 'buyerName',
      headerName: '購入者',
      initialFlex: 1,
      minWidth: 120,
      sortable: false,
      valueGetter: text((r) => (r.piiPurgedAt ? PURGED : markUnsafeChars(r.buyerName))),
    },
    {
      colId: 'total',
      field: 'total',
      headerName: '合計金額',
      initialWidth: 110,
      type: 'rightAligned',
      valueFormatter: (p: ValueFormatterParams<OrderRow, number>) =>
        typeof p.value === 'number' ? formatAmount(p.value, p.data?.amountsUnknown) : '',
    },
    {
      colId: 'paymentMethod',
      field: 'paymentMethod',
      headerName: '決済方法',
      initialWidth: 140,
      sortable: false,
      valueFormatter: (p: ValueFormatterParams<OrderRow, string>) =>
        p.value ? (payments.get(p.value) ?? p.value) : '',
    },
    {
      colId: 'subStatus',
      field: 'subStatusId',
      headerName: 'サブステータス',
      initialWidth: 140,
      sortable: false,
      cellRenderer: SubStatusCell,
      cellRendererParams: { subs } satisfies SubStatusCellParams,
    },
    {
      colId: 'store',
      field: 'storeId',
      headerName: '出荷店舗',
      initialWidth: 140,
      sortable: false,
      valueFormatter: (p: ValueFormatterParams<OrderRow, string | null>) =>
        p.value ? (stores.get(p.value) ?? p.value) : '未指定',
    },
    {
      colId: 'shipNotice',
      field: 'shipNotice',
      headerName: '出荷通知',
      initialWidth: 120,
      sortable: false,
      valueFormatter: (p: ValueFormatterParams<OrderRow, string | null>) => shipNoticeLabel(p.value),
      cellClassRules: { 'ship-notice-error': (p) => p.value === 'error' },
    },
    {
      ...optional,
      colId: 'buyerRating',
      headerName: '落札者評価',
      initialWidth: 100,
      valueGetter: text((r) => (r.channel === 'yahoo_auction' ? (r.buyerRating ? 'する' : 'しない') : '')),
    },
    {
      ...optional,
      colId: 'mailInquiry',
      headerName: 'メール問合せ',
      initialWidth: 100,
      valueGetter: text((r) => (r.mailInquiry ? 'あり' : '')),
    },
    {
      ...optional,
      colId: 'orderForm',
      headerName: 'オーダーフォーム',
      initialWidth: 120,
      valueGetter: text((r) => (r.orderFormDone ? '入力済' : '未入力')),
    },
    {
      ...optional,
      colId: 'orderComment',
      headerName: '注文時コメント',
      initialWidth: 220,
      valueGetter: text((r) => markUnsafeChars(r.orderComment)),
    },
    {
      ...optional,
      colId: 'staffComment',
      headerName: '受注後コメント',
      initialWidth: 220,
      valueGetter: text((r) => markUnsafeChars(r.staffComment)),
    },
    {
      ...optional,
      colId: 'deliveryDate',
      headerName: '配送希望日',
      initialWidth: 110,
      valueGetter: text((r) => r.deliveryDate.replace(/-/g, '/')),
    },
    {
      ...optional,
      colId: 'deliveryTimeSlot',
      headerName: '配送時間帯',
      initialWidth: 110,
      valueGetter: text((r) => TIME_SLOT_LABELS[r.deliveryTimeSlot as TimeSlot] ?? r.deliveryTimeSlot),
    },
    {
      ...optional,
      colId: 'deliveryMethod',
      headerName: '配送方法',
      initialWidth: 140,
      valueGetter: text((r) => markUnsafeChars(r.deliveryMethod)),
    },
  ];
}
