import type { EditableOrderDetail } from '../../../../src-shared/api/detail.js';
import type { InputOf } from '../../../../src-shared/api/index.js';
import type { TimeSlot } from '../../../../src-shared/domain/delivery-wishes.js';
import { subtotalOf, totalOf } from '../../../../src-shared/domain/money.js';
import { normalizeShipTo, shipToError, type ShipTo } from '../../../../src-shared/domain/ship-to.js';

/** The F12 form as typed: money fields stay text until they are valid integers. */
export interface Draft {
  unitPrices: Record<number, string>;
  discount: string;
  shippingFee: string;
  codFee: string;
  orderComment: string;
  staffComment: string;
  subStatusId: number | null;
  /** 配送希望: YYYY-MM-DD, a time-slot code, the 配送方法 ('' none). */
  deliveryDate: string;
  deliveryTimeSlot: string;
  deliveryMethod: string;
  /** 送付先 as typed; sent only when it differs from the order's. */
  shipTo: ShipTo;
}

function shipToOf({ shipTo }: EditableOrderDetail['order']): ShipTo {
  return {
    shipName: shipTo.name,
    shipPostalCode: shipTo.postalCode,
    shipPrefecture: shipTo.prefecture,
    shipAddress1: shipTo.address1,
    shipAddress2: shipTo.address2,
    shipPhone: shipTo.phone,
  };
}

export const MONEY_LABELS = { discount: '値引', shippingFee: '送料', codFee: '代引手数料' } as const;

export function draftOf({ order }: EditableOrderDetail): Draft {
  return {
    unitPrices: Object.fromEntries(order.items.map((i) => [i.lineNo, String(i.unitPrice)])),
    discount: String(order.discount),
    shippingFee: String(order.shippingFee),
    codFee: String(order.codFee),
    orderComment: order.orderComment,
    staffComment: order.staffComment,
    subStatusId: order.subStatusId,
    deliveryDate: order.deliveryDate ?? '',
    deliveryTimeSlot: order.deliveryTimeSlot ?? '',
    deliveryMethod: order.deliveryMethod ?? '',
    shipTo: shipToOf(order),
  };
}

/** Yen as typed: full-width digits, commas and ¥ are fine; anything else is not a number. */
export function parseYen(text: string): number | null {
  const plain = text.normalize('NFKC').replace(/[,¥\\\s円]/g, '');
  return /^\d{1,8}$/.test(plain) ? Number(plain) : null;
}

export interface Checked {
  /** The request to send, or null while something is not valid. */
  input: InputOf<'detail:save'> | null;
  errors: string[];
  subtotal: number | null;
  total: number | null;
}

/** Validates the draft and computes the totals live, as the server will recompute them. */
export function checkDraft(detail: EditableOrderDetail, draft: Draft): Checked {
  const { order } = detail;
  const errors: string[] = [];
  const prices = order.items.map((item) => {
    const value = parseYen(draft.unitPrices[item.lineNo] ?? '');
    if (value === null) errors.push(`${item.lineNo}行目（${item.sku}）の単価は0以上の整数（円）で入力してください。`);
    return { lineNo: item.lineNo, quantity: item.quantity, unitPrice: value ?? 0 };
  });
  const pricesValid = errors.length === 0;
  const money = Object.fromEntries(
    (Object.keys(MONEY_LABELS) as (keyof typeof MONEY_LABELS)[]).map((key) => {
      const value = parseYen(draft[key]);
      if (value === null) errors.push(`${MONEY_LABELS[key]}は0以上の整数（円）で入力してください。`);
      return [key, value ?? 0];
    }),
  ) as Record<keyof typeof MONEY_LABELS, number>;
  const subtotal = subtotalOf(prices);
  if (errors.length === 0 && money.discount > subtotal)
    errors.push('値引が小計を超えています。合計がマイナスにならないよう値引を見直してください。');
  if (money.codFee > 0 && money.codFee !== order.codFee && !detail.isCod)
    errors.push('代金引換ではない注文に代引手数料は設定できません。');
  const shipToChanged = JSON.stringify(draft.shipTo) !== JSON.stringify(shipToOf(order));
  const shipToWrong = shipToChanged ? shipToError(normalizeShipTo(draft.shipTo)) : null;
  if (shipToWrong) errors.push(shipToWrong);
  const total = totalOf({ subtotal, ...money });
  if (errors.length > 0) return { input: null, errors, subtotal: pricesValid ? subtotal : null, total: null };
  return {
    input: {
      id: order.id,
      version: detail.version,
      unitPrices: prices.map(({ lineNo, unitPrice }) => ({ lineNo, unitPrice })),
      ...money,
      orderComment: draft.orderComment,
      staffComment: draft.staffComment,
      subStatusId: draft.subStatusId,
      deliveryDate: draft.deliveryDate,
      deliveryTimeSlot: draft.deliveryTimeSlot as TimeSlot | '',
      deliveryMethod: draft.deliveryMethod.trim(),
      ...(shipToChanged ? { shipTo: draft.shipTo } : {}),
    },
    errors,
    subtotal,
    total,
  };
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Whether the form still shows an order's unknown amounts (金額未取得) as they came: totals
 * read 「金額未取得」 until the clerk types a unit price, which saving makes known (as a priced
 * import does); a fee alone does not.
 */
export function amountsStillUnknown(detail: EditableOrderDetail, draft: Draft): boolean {
  if (!detail.order.amountsUnknown) return false;
  return JSON.stringify(draftOf(detail).unitPrices) === JSON.stringify(draft.unitPrices);
}
