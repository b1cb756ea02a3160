import type { ChannelOrder, ChannelState } from '../connector.js';
import { jstWindow, parseTimeSlot } from '../../../src-shared/domain/delivery-wishes.js';
import { breakdownOf, commentOf, joined, newOrder, postalCode, yen } from '../mapping.js';

/** The parts of the Orders API v0 models (ordersV0.json) Chumon reads. */
interface AmazonMoney {
  CurrencyCode?: string;
  Amount?: string;
}

interface AmazonAddress {
  Name?: string;
  AddressLine1?: string;
  AddressLine2?: string;
  AddressLine3?: string;
  City?: string;
  StateOrRegion?: string;
  PostalCode?: string;
  Phone?: string;
}

export interface AmazonOrder {
  AmazonOrderId: string;
  PurchaseDate: string;
  LastUpdateDate: string;
  OrderStatus: string;
  FulfillmentChannel?: string;
  PaymentMethod?: string;
  /** Expedited, FreeEconomy, NextDay, Priority, SameDay, SecondDay, Scheduled or Standard. */
  ShipmentServiceLevelCategory?: string;
  ShipServiceLevel?: string;
  /** The window the seller committed to deliver in (not the buyer's wish). */
  EarliestDeliveryDate?: string;
  LatestDeliveryDate?: string;
  OrderTotal?: AmazonMoney;
  ShippingAddress?: AmazonAddress;
  BuyerInfo?: { BuyerEmail?: string; BuyerName?: string };
}

export interface AmazonOrderItem {
  OrderItemId: string;
  ASIN: string;
  SellerSKU?: string;
  Title?: string;
  QuantityOrdered: number;
  ItemPrice?: AmazonMoney;
  ShippingPrice?: AmazonMoney;
  PromotionDiscount?: AmazonMoney;
  ShippingDiscount?: AmazonMoney;
  CODFee?: AmazonMoney;
  CODFeeDiscount?: AmazonMoney;
  IsGift?: string;
  /** お届け日時指定便: the window the buyer chose (ISO 8601, destination's time zone). */
  ScheduledDeliveryStartDate?: string;
  ScheduledDeliveryEndDate?: string;
  BuyerInfo?: { GiftMessageText?: string; GiftWrapPrice?: AmazonMoney; GiftWrapLevel?: string };
}

/** Unshipped and PartiallyShipped are the seller's to ship; Pending is not payable yet. */
export function amazonState(status: string): ChannelState | null {
  switch (status) {
    case 'Unshipped':
    case 'PartiallyShipped':
      return 'open';
    case 'Canceled':
    case 'Unfulfillable':
      return 'cancelled';
    case 'Shipped':
    case 'InvoiceUnconfirmed':
      return 'shipped';
    default:
      return null;
  }
}

const sum = (items: AmazonOrderItem[], pick: (i: AmazonOrderItem) => AmazonMoney | undefined) =>
  items.reduce((total, item) => total + yen(pick(item)?.Amount), 0);

/**
 * ShipmentServiceLevelCategory as the clerk knows it from Amazon.co.jp; Standard and
 * FreeEconomy (通常配送) are no wish and leave the 配送方法 empty.
 */
const SERVICE_LEVELS: Record<string, string> = {
  Expedited: 'お急ぎ便',
  Priority: 'お急ぎ便',
  NextDay: 'お急ぎ便',
  SecondDay: 'お急ぎ便',
  SameDay: '当日お急ぎ便',
  Scheduled: 'お届け日時指定便',
};

/**
 * The 配送希望 of an Amazon order: お届け日時指定便's window (on the items) as the Japan-time
 * day and slot, the service level as the 配送方法. A window that is no slot of Chumon's is
 * said in the comment rather than dropped.
 */
function amazonWish(order: AmazonOrder, items: AmazonOrderItem[]) {
  const method = SERVICE_LEVELS[order.ShipmentServiceLevelCategory ?? ''] ?? '';
  const scheduled = items.find((i) => i.ScheduledDeliveryStartDate);
  const window = scheduled
    ? jstWindow(scheduled.ScheduledDeliveryStartDate!, scheduled.ScheduledDeliveryEndDate ?? '')
    : null;
  if (!window) return { deliveryDate: '', deliveryTimeSlot: '', deliveryMethod: method, note: '' };
  const slot = parseTimeSlot(window.slot);
  return {
    deliveryDate: window.date,
    deliveryTimeSlot: slot ?? '',
    deliveryMethod: method,
    note:
      slot === null
        ? `【配送希望】お届け時間帯 ${window.slot.replace('-', '時～')}時（Chumonの配送時間帯にないため未設定）`
        : '',
  };
}

/**
 * An Amazon order in Chumon's shape. Discounts (promotions, shipping and COD discounts) are
 * the order's discount; a gift wrap's price joins the shipping fee, which says so in the
 * history; Amazon points are Amazon's and leave the seller's amounts alone. Items may be
 * empty for an order the server already has (only its state and address are compared).
 */
export function mapAmazonOrder(order: AmazonOrder, items: AmazonOrderItem[], state: ChannelState): ChannelOrder {
  const address = order.ShippingAddress ?? {};
  const promotion = sum(items, (i) => i.PromotionDiscount);
  const shippingDiscount = sum(items, (i) => i.ShippingDiscount) + sum(items, (i) => i.CODFeeDiscount);
  const giftWrap = sum(items, (i) => i.BuyerInfo?.GiftWrapPrice);
  const gifts = items.filter((i) => i.IsGift === 'true');
  // One message or wrap for several items is said once.
  const giftMessages = [...new Set(gifts.map((i) => i.BuyerInfo?.GiftMessageText).filter(Boolean))];
  const giftWraps = [...new Set(gifts.map((i) => i.BuyerInfo?.GiftWrapLevel).filter(Boolean))];
  const { note, ...wish } = amazonWish(order, items);
  return {
    order: newOrder({
      channel: 'amazon',
      orderNo: order.AmazonOrderId,
      orderedAt: order.PurchaseDate,
      buyer: {
        name: order.BuyerInfo?.BuyerName ?? address.Name ?? '',
        kana: '',
        email: order.BuyerInfo?.BuyerEmail ?? '',
        phone: address.Phone ?? '',
      },
      shipTo: {
        name: address.Name ?? '',
        postalCode: postalCode(address.PostalCode),
        prefecture: address.StateOrRegion ?? '',
        address1: `${address.City ?? ''}${address.AddressLine1 ?? ''}`,
        address2: joined(address.AddressLine2, address.AddressLine3),
        phone: address.Phone ?? '',
      },
      paymentMethod: order.PaymentMethod === 'COD' ? 'cod' : 'amazon_pay',
      items: items.map((item, index) => ({
        lineNo: index + 1,
        sku: item.SellerSKU ?? item.ASIN,
        title: item.Title ?? item.ASIN,
        quantity: item.QuantityOrdered,
        unitPrice: item.QuantityOrdered > 0 ? Math.round(yen(item.ItemPrice?.Amount) / item.QuantityOrdered) : 0,
        location: '',
      })),
      discount: promotion + shippingDiscount,
      shippingFee: sum(items, (i) => i.ShippingPrice) + giftWrap,
      codFee: sum(items, (i) => i.CODFee),
      orderComment: commentOf(
        gifts.length
          ? `【ギフト】${
              joined(
                giftWraps.length ? `包装: ${giftWraps.join('・')}` : '',
                giftMessages.length ? `メッセージ: ${giftMessages.join(' / ')}` : '',
              ) || 'ギフト指定あり'
            }`
          : '',
        note,
      ),
      ...wish,
    }),
    state,
    updatedAt: new Date(order.LastUpdateDate).toISOString(),
    shipmentRef: { items: items.map((i) => ({ orderItemId: i.OrderItemId, quantity: i.QuantityOrdered })) },
    breakdown: breakdownOf([
      ['プロモーション割引', promotion],
      ['配送料・代引手数料の割引', shippingDiscount],
      ['ギフト包装料（送料に含む）', giftWrap],
    ]),
  };
}
