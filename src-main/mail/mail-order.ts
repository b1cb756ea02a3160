import type BetterSqlite3 from 'better-sqlite3';
import { CARRIER_LABELS, isCarrier, trackingUrl } from '../../src-shared/domain/carriers.js';
import type { PlaceholderValues } from '../../src-shared/domain/mail.js';
import { amountOf, formatYen } from '../../src-shared/domain/money.js';
import type { MainStatus } from '../../src-shared/domain/status.js';
import { chunked } from '../core/chunked.js';
import type { StoredMailSettings } from '../settings/settings.js';
import { UNSHOWABLE } from '../../src-shared/text/jst.js';
import { markUnsafeChars } from '../../src-shared/text/unsafe-chars.js';

/** What a mail needs of an order: its state (who may get what) and its text values. */
export interface MailOrder {
  id: number;
  orderNo: string;
  /** The number the buyer knows the order by (a 分割 part shows its channel's number). */
  channelOrderNo: string;
  channel: string;
  orderedAt: string;
  buyerName: string;
  email: string;
  paymentMethod: string;
  paymentName: string;
  subtotal: number;
  discount: number;
  shippingFee: number;
  codFee: number;
  total: number;
  /** 金額未取得: the amounts are unknown (a file without prices). */
  amountsUnknown: boolean;
  carrier: string | null;
  trackingNo: string | null;
  status: MainStatus;
  mailPending: boolean;
  needsPayment: boolean;
  orderFormDone: boolean;
  piiPurgedAt: string | null;
  items: { sku: string; title: string; quantity: number; unitPrice: number }[];
}

const ORDER_COLUMNS = `o.id, o.order_no AS orderNo, coalesce(o.channel_order_no, o.order_no) AS channelOrderNo, o.channel, o.ordered_at AS orderedAt, o.buyer_name AS buyerName,
  o.buyer_email AS email, o.payment_method AS paymentMethod, coalesce(pm.name, o.payment_method) AS paymentName,
  o.subtotal, o.discount, o.shipping_fee AS shippingFee, o.cod_fee AS codFee, o.total,
  o.amounts_unknown AS amountsUnknown, o.carrier,
  o.tracking_no AS trackingNo, o.status, o.mail_pending AS mailPending, o.needs_payment AS needsPayment,
  o.order_form_done AS orderFormDone, o.pii_purged_at AS piiPurgedAt`;

type Row = Omit<MailOrder, 'items' | 'mailPending' | 'needsPayment' | 'orderFormDone' | 'amountsUnknown'> & {
  amountsUnknown: number;
  mailPending: number;
  needsPayment: number;
  orderFormDone: number;
};

/** Loads orders for mailing, a few hundred per query (SQLite's variable limit). */
export function loadMailOrders(sqlite: BetterSqlite3.Database, ids: readonly number[]): Map<number, MailOrder> {
  const found = new Map<number, MailOrder>();
  for (const part of chunked(ids, 500)) {
    const marks = part.map(() => '?').join(',');
    const rows = sqlite
      .prepare(
        `SELECT ${ORDER_COLUMNS} FROM orders o LEFT JOIN payment_methods pm ON pm.code = o.payment_method WHERE o.id IN (${marks})`,
      )
      .all(...part) as Row[];
    for (const r of rows) {
      found.set(r.id, {
        ...r,
        amountsUnknown: r.amountsUnknown === 1,
        mailPending: r.mailPending === 1,
        needsPayment: r.needsPayment === 1,
        orderFormDone: r.orderFormDone === 1,
        items: [],
      });
    }
    const items = sqlite
      .prepare(
        `SELECT order_id AS orderId, sku, title, quantity, unit_price AS unitPrice FROM order_items
         WHERE order_id IN (${marks}) ORDER BY order_id, line_no`,
      )
      .all(...part) as ({ orderId: number } & MailOrder['items'][number])[];
    for (const { orderId, ...item } of items) found.get(orderId)?.items.push(item);
  }
  return found;
}

const jstDate = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

export function formatJstDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? UNSHOWABLE : jstDate.format(date);
}

/**
 * What a mail says for an amount of an order whose amounts are unknown (金額未取得): the buyer
 * knows them from the order itself; an internal word or ¥0 would mislead.
 */
const UNKNOWN_AMOUNT_TEXT = 'ご注文時の金額のとおり';

/** The placeholder values of one order (SPEC §4); the template decides which are used. */
export function placeholderValues(order: MailOrder, mail: StoredMailSettings): PlaceholderValues {
  const unknown = order.amountsUnknown;
  const yen = (value: number) => (unknown ? UNKNOWN_AMOUNT_TEXT : formatYen(value));
  const items = order.items
    .map((i) =>
      unknown
        ? `・${i.title}（${i.sku}） × ${i.quantity}`
        : `・${i.title}（${i.sku}） ${formatYen(i.unitPrice)} × ${i.quantity} = ${formatYen(amountOf(i))}`,
    )
    .join('\n');
  const shownItems = markUnsafeChars(items);
  const carrier = order.carrier ? (isCarrier(order.carrier) ? CARRIER_LABELS[order.carrier] : order.carrier) : '';
  // Stored text with a control character or a bidi override goes out with it visibly marked.
  return {
    購入者名: markUnsafeChars(order.buyerName),
    注文番号: markUnsafeChars(order.channelOrderNo),
    注文日: formatJstDate(order.orderedAt),
    商品明細: shownItems,
    小計: yen(order.subtotal),
    値引: yen(order.discount),
    送料: yen(order.shippingFee),
    代引手数料: yen(order.codFee),
    合計金額: yen(order.total),
    決済方法: order.paymentName,
    振込先: mail.bankAccount,
    配送業者: carrier,
    送り状番号: markUnsafeChars(order.trackingNo ?? ''),
    追跡URL: trackingUrl(order.carrier, order.trackingNo),
    店舗名: mail.shopName,
    署名: mail.signature,
  };
}
