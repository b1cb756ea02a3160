import type { ChannelOrder, ChannelState } from '../connector.js';
import { parseTimeSlot, parseWishDate } from '../../../src-shared/domain/delivery-wishes.js';
import { breakdownOf, commentOf, fromJst, joined, newOrder, postalCode, yen } from '../mapping.js';

type Text = string | undefined;

/** The parts of 注文詳細API's OrderInfo Chumon reads (every value arrives as text). */
export interface YahooOrderInfo {
  OrderId: string;
  OrderTime?: Text;
  LastUpdateTime?: Text;
  OrderStatus?: Text;
  IsActive?: Text;
  BuyerComments?: Text;
  Pay?: {
    PayMethod?: Text;
    PayMethodName?: Text;
    BillFirstName?: Text;
    BillLastName?: Text;
    BillFirstNameKana?: Text;
    BillLastNameKana?: Text;
    BillMailAddress?: Text;
    BillPhoneNumber?: Text;
  };
  Ship?: {
    ShipStatus?: Text;
    ShipFirstName?: Text;
    ShipLastName?: Text;
    ShipZipCode?: Text;
    ShipPrefecture?: Text;
    ShipCity?: Text;
    ShipAddress1?: Text;
    ShipAddress2?: Text;
    ShipPhoneNumber?: Text;
    ShipInvoiceNumber1?: Text;
    ShipRequestDate?: Text;
    ShipRequestTime?: Text;
    ShipMethodName?: Text;
    NeedGiftWrap?: Text;
    GiftWrapType?: Text;
    GiftWrapMessage?: Text;
    NeedGiftWrapPaper?: Text;
    GiftWrapPaperType?: Text;
    GiftWrapName?: Text;
  };
  Detail?: {
    PayCharge?: Text;
    ShipCharge?: Text;
    GiftWrapCharge?: Text;
    Discount?: Text;
    UsePoint?: Text;
    TotalMallCouponDiscount?: Text;
    TotalPrice?: Text;
  };
  Item?: { LineId?: Text; ItemId?: Text; SubCode?: Text; Title?: Text; UnitPrice?: Text; Quantity?: Text }[];
}

/** Fields asked of 注文詳細API (its Field list). */
export const YAHOO_INFO_FIELDS = [
  'OrderId',
  'OrderTime',
  'LastUpdateTime',
  'OrderStatus',
  'IsActive',
  'BuyerComments',
  'PayMethod',
  'PayMethodName',
  'BillFirstName',
  'BillLastName',
  'BillFirstNameKana',
  'BillLastNameKana',
  'BillMailAddress',
  'BillPhoneNumber',
  'ShipStatus',
  'ShipFirstName',
  'ShipLastName',
  'ShipZipCode',
  'ShipPrefecture',
  'ShipCity',
  'ShipAddress1',
  'ShipAddress2',
  'ShipPhoneNumber',
  'ShipInvoiceNumber1',
  'ShipRequestDate',
  'ShipRequestTime',
  'ShipMethodName',
  'NeedGiftWrap',
  'GiftWrapType',
  'GiftWrapMessage',
  'NeedGiftWrapPaper',
  'GiftWrapPaperType',
  'GiftWrapName',
  'PayCharge',
  'ShipCharge',
  'GiftWrapCharge',
  'Discount',
  'UsePoint',
  'TotalMallCouponDiscount',
  'TotalPrice',
  'LineId',
  'ItemId',
  'SubCode',
  'Title',
  'UnitPrice',
  'Quantity',
].join(',');

/** OrderStatus 4 キャンセル, 5 完了; ShipStatus 3 出荷済み / 4 着荷済み; inactive and 未入力 orders are not ours yet. */
export function yahooState(orderStatus: Text, shipStatus: Text, isActive: Text): ChannelState | null {
  if (isActive === 'false' || orderStatus === '0' || orderStatus === '8') return null;
  if (orderStatus === '4') return 'cancelled';
  if (orderStatus === '5' || shipStatus === '3' || shipStatus === '4') return 'shipped';
  return 'open';
}

/** PayMethod codes (payment_a1 …) onto the payment masters. */
function paymentOf(code: string): string {
  if (code === 'payment_a1') return 'credit_card';
  if (code === 'payment_d1') return 'cod';
  if (/^payment_b\d+$/.test(code)) return 'bank_transfer';
  if (/^payment_c[123]$/.test(code)) return 'postal_transfer';
  if (['payment_a6', 'payment_a7', 'payment_a15'].includes(code)) return 'convenience_store';
  return 'yahoo_easy_payment';
}

/**
 * A Yahoo!ショッピング order in Chumon's shape: points, store and mall coupons are the
 * discount (the total is what the buyer pays, as TotalPrice); the COD charge is the COD fee,
 * any other charge and gift wrapping join the shipping fee, as the history says.
 */
export function mapYahooOrder(info: YahooOrderInfo, state: ChannelState): ChannelOrder {
  const pay = info.Pay ?? {};
  const ship = info.Ship ?? {};
  const detail = info.Detail ?? {};
  const method = pay.PayMethod ?? '';
  const payCharge = yen(detail.PayCharge);
  const cod = method === 'payment_d1';
  const usePoint = yen(detail.UsePoint);
  const coupon = yen(detail.TotalMallCouponDiscount);
  const discount = yen(detail.Discount);
  const gift =
    ship.NeedGiftWrap === 'true' || ship.NeedGiftWrapPaper === 'true'
      ? `【ギフト】${joined(
          ship.GiftWrapType && `包装: ${ship.GiftWrapType}`,
          ship.GiftWrapPaperType && `のし: ${ship.GiftWrapPaperType}`,
          ship.GiftWrapName && `名入れ: ${ship.GiftWrapName}`,
          ship.GiftWrapMessage && `メッセージ: ${ship.GiftWrapMessage}`,
        )}`
      : '';
  const items = (info.Item ?? []).map((item, index) => ({
    lineNo: index + 1,
    sku: item.SubCode || item.ItemId || '',
    title: item.Title ?? '',
    quantity: Number(item.Quantity ?? 0),
    unitPrice: yen(item.UnitPrice),
    location: '',
  }));
  return {
    order: newOrder({
      channel: 'yahoo_shopping',
      orderNo: info.OrderId,
      orderedAt: fromJst(info.OrderTime ?? ''),
      buyer: {
        name: joined(pay.BillLastName, pay.BillFirstName),
        kana: joined(pay.BillLastNameKana, pay.BillFirstNameKana),
        email: pay.BillMailAddress ?? '',
        phone: pay.BillPhoneNumber ?? '',
      },
      shipTo: {
        name: joined(ship.ShipLastName, ship.ShipFirstName),
        postalCode: postalCode(ship.ShipZipCode),
        prefecture: ship.ShipPrefecture ?? '',
        address1: `${ship.ShipCity ?? ''}${ship.ShipAddress1 ?? ''}`,
        address2: ship.ShipAddress2 ?? '',
        phone: ship.ShipPhoneNumber ?? '',
      },
      paymentMethod: paymentOf(method),
      items,
      discount: discount + usePoint + coupon,
      shippingFee: yen(detail.ShipCharge) + yen(detail.GiftWrapCharge) + (cod ? 0 : payCharge),
      codFee: cod ? payCharge : 0,
      orderComment: commentOf(info.BuyerComments, gift),
      // An unreadable wish is left out rather than refusing the order: F12 shows it empty.
      deliveryDate: parseWishDate(ship.ShipRequestDate ?? '') ?? '',
      deliveryTimeSlot: parseTimeSlot(ship.ShipRequestTime ?? '') ?? '',
      deliveryMethod: ship.ShipMethodName ?? '',
    }),
    state,
    updatedAt: fromJst(info.LastUpdateTime ?? info.OrderTime ?? ''),
    shipmentRef: {},
    breakdown: [
      pay.PayMethodName ? `支払方法: ${pay.PayMethodName}` : '',
      breakdownOf([
        ['値引き', discount],
        ['ポイント利用', usePoint],
        ['モールクーポン', coupon],
        ['ギフト包装料（送料に含む）', yen(detail.GiftWrapCharge)],
        ['手数料（送料に含む）', cod ? 0 : payCharge],
      ]),
    ]
      .filter(Boolean)
      .join('・'),
  };
}
