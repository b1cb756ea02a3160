import type { ChannelOrder, ChannelState } from '../connector.js';
import { parseWishDate, slotOfHours } from '../../../src-shared/domain/delivery-wishes.js';
import { breakdownOf, commentOf, fromJst, joined, newOrder, postalCode } from '../mapping.js';

interface Person {
  zipCode1?: string;
  zipCode2?: string;
  prefecture?: string;
  city?: string;
  subAddress?: string;
  familyName?: string;
  firstName?: string;
  familyNameKana?: string;
  firstNameKana?: string;
  phoneNumber1?: string;
  phoneNumber2?: string;
  phoneNumber3?: string;
  emailAddress?: string;
}

/** The parts of 楽天ペイ受注API getOrder's OrderModel Chumon reads. */
export interface RakutenOrderModel {
  orderNumber: string;
  orderProgress: number;
  orderDatetime: string;
  shopOrderCfmDatetime?: string | null;
  orderFixDatetime?: string | null;
  shippingCmplRptDatetime?: string | null;
  remarks?: string | null;
  giftCheckFlag?: number;
  /** お届け日指定 (YYYY-MM-DD), null when none. */
  deliveryDate?: string | null;
  /** お届け時間帯: 0 なし, 1 午前, 2 午後, 9 その他, or h1h2 (h1時-h2時: 812, 1416, 1921). */
  shippingTerm?: number | null;
  /** あす楽希望: 1 when the buyer asked for next-day delivery. */
  asurakuFlag?: number;
  goodsPrice?: number;
  postagePrice?: number;
  deliveryPrice?: number;
  paymentCharge?: number;
  totalPrice?: number;
  requestPrice?: number;
  couponAllTotalPrice?: number;
  OrdererModel?: Person;
  SettlementModel?: { settlementMethod?: string };
  PointModel?: { usedPoint?: number };
  /** 配送方法 as the shop set it up; 配送区分 0 選択なし, 1 普通, 2 冷蔵, 3 冷凍, 4–8 その他１–５. */
  DeliveryModel?: { deliveryName?: string | null; deliveryClass?: number | null } | null;
  WrappingModel1?: { name?: string; price?: number | null } | null;
  WrappingModel2?: { name?: string; price?: number | null } | null;
  ChangeReasonModelList?: { changeApplyDatetime?: string | null; changeFixDatetime?: string | null }[] | null;
  PackageModelList?: {
    basketId: number;
    noshi?: string | null;
    SenderModel?: Person;
    ItemModelList?: {
      itemDetailId?: number;
      itemName?: string;
      itemNumber?: string;
      manageNumber?: string;
      price?: number;
      priceTaxIncl?: number;
      units?: number;
      selectedChoice?: string | null;
      SkuModelList?: { merchantDefinedSkuId?: string | null }[] | null;
    }[];
    ShippingModelList?: { shippingNumber?: string | null; deliveryCompany?: string | null }[] | null;
  }[];
}

/** 100–400 are before shipping; 500–700 shipped (and paid out); 800 キャンセル確定待ち, 900 キャンセル確定. */
function rakutenState(progress: number): ChannelState {
  if (progress >= 800) return 'cancelled';
  if (progress >= 500) return 'shipped';
  return 'open';
}

/** settlementMethod names as 楽天 writes them, onto the payment masters. */
function paymentOf(name: string): string {
  if (/代金引換|代引/.test(name)) return 'cod';
  if (/銀行振込/.test(name)) return 'bank_transfer';
  if (/郵便振替|ゆうちょ/.test(name)) return 'postal_transfer';
  if (/コンビニ/.test(name)) return 'convenience_store';
  if (/クレジットカード/.test(name)) return 'credit_card';
  if (/後払い/.test(name)) return 'deferred';
  return 'rakuten_pay';
}

/** 配送区分 worth a line in the comment (普通 and 選択なし are not). */
const DELIVERY_CLASSES: Record<number, string> = { 2: '冷蔵', 3: '冷凍' };

/**
 * The 配送希望 of a 楽天 order: お届け日指定, お届け時間帯 and 配送方法. 午後, その他 and hours
 * that are no slot of Chumon's, 冷蔵/冷凍 and あす楽 are said in the comment instead.
 */
function rakutenWish(model: RakutenOrderModel) {
  const term = model.shippingTerm ?? 0;
  const h2 = term % 100;
  const h1 = Math.floor(term / 100);
  const slot = term === 1 ? 'am' : term >= 100 ? slotOfHours(h1, h2) : term === 0 ? '' : null;
  const termText = term === 2 ? '午後' : term === 9 ? 'その他' : term >= 100 ? `${h1}時～${h2}時` : '';
  const deliveryClass = DELIVERY_CLASSES[model.DeliveryModel?.deliveryClass ?? 0];
  return {
    deliveryDate: parseWishDate(model.deliveryDate ?? '') ?? '',
    deliveryTimeSlot: slot ?? '',
    deliveryMethod: model.DeliveryModel?.deliveryName?.trim() ?? '',
    note: joined(
      slot === null ? `お届け時間帯: ${termText || String(term)}` : '',
      deliveryClass ? `配送区分: ${deliveryClass}` : '',
      model.asurakuFlag === 1 ? 'あす楽希望' : '',
    ),
  };
}

const phone = (p: Person) => [p.phoneNumber1, p.phoneNumber2, p.phoneNumber3].filter(Boolean).join('-');

/** The latest time 楽天 shows for the order (it has no single "last updated"). */
function updatedOf(model: RakutenOrderModel): string {
  const stamps = [
    model.orderDatetime,
    model.shopOrderCfmDatetime,
    model.orderFixDatetime,
    model.shippingCmplRptDatetime,
    ...(model.ChangeReasonModelList ?? []).flatMap((c) => [c.changeApplyDatetime, c.changeFixDatetime]),
  ].filter((s): s is string => Boolean(s));
  return stamps.map(fromJst).sort().at(-1)!;
}

/**
 * A 楽天 order in Chumon's shape: coupons and points used are the discount, 代引料 the COD
 * fee, wrapping joins the shipping fee; the first package's 送付先 is the ship-to (several
 * 送付先 are said in the comment); every package's items are the lines.
 */
export function mapRakutenOrder(model: RakutenOrderModel): ChannelOrder {
  const orderer = model.OrdererModel ?? {};
  const packages = model.PackageModelList ?? [];
  const sender = packages[0]?.SenderModel ?? orderer;
  const wrapping = (model.WrappingModel1?.price ?? 0) + (model.WrappingModel2?.price ?? 0);
  const points = model.PointModel?.usedPoint ?? 0;
  const coupons = model.couponAllTotalPrice ?? 0;
  const items = packages.flatMap((p) => p.ItemModelList ?? []);
  const wraps = [model.WrappingModel1?.name, model.WrappingModel2?.name].filter(Boolean);
  const noshi = packages.map((p) => p.noshi).filter(Boolean);
  const { note, ...wish } = rakutenWish(model);
  return {
    order: newOrder({
      channel: 'rakuten',
      orderNo: model.orderNumber,
      orderedAt: fromJst(model.orderDatetime),
      buyer: {
        name: joined(orderer.familyName, orderer.firstName),
        kana: joined(orderer.familyNameKana, orderer.firstNameKana),
        email: orderer.emailAddress ?? '',
        phone: phone(orderer),
      },
      shipTo: {
        name: joined(sender.familyName, sender.firstName),
        postalCode: postalCode(`${sender.zipCode1 ?? ''}${sender.zipCode2 ?? ''}`),
        prefecture: sender.prefecture ?? '',
        address1: sender.city ?? '',
        address2: sender.subAddress ?? '',
        phone: phone(sender),
      },
      paymentMethod: paymentOf(model.SettlementModel?.settlementMethod ?? ''),
      items: items.map((item, index) => ({
        lineNo: index + 1,
        sku: item.SkuModelList?.[0]?.merchantDefinedSkuId || item.manageNumber || item.itemNumber || '',
        title: joined(item.itemName, item.selectedChoice?.replace(/\s+/g, ' ')),
        quantity: item.units ?? 0,
        unitPrice: item.priceTaxIncl ?? item.price ?? 0,
        location: '',
      })),
      discount: coupons + points,
      shippingFee: (model.postagePrice ?? 0) + wrapping,
      codFee: model.deliveryPrice ?? 0,
      orderComment: commentOf(
        model.remarks,
        model.giftCheckFlag === 1 || wraps.length || noshi.length
          ? `【ギフト】${joined(wraps.length ? `ラッピング: ${wraps.join('・')}` : 'ギフト配送希望', noshi.length ? `のし: ${noshi.join('・')}` : '')}`
          : '',
        packages.length > 1 ? `【送付先複数】${packages.length}件の送付先があります。楽天RMSで確認してください。` : '',
        note ? `【配送希望】${note}` : '',
      ),
      ...wish,
    }),
    state: rakutenState(model.orderProgress),
    updatedAt: updatedOf(model),
    shipmentRef: { basketIds: packages.map((p) => p.basketId) },
    breakdown: [
      model.SettlementModel?.settlementMethod ? `支払方法: ${model.SettlementModel.settlementMethod}` : '',
      breakdownOf([
        ['クーポン', coupons],
        ['ポイント利用', points],
        ['ラッピング料（送料に含む）', wrapping],
      ]),
    ]
      .filter(Boolean)
      .join('・'),
  };
}
