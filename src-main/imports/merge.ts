import type { Buyer, NewOrder, Order, ShipTo } from '../../src-shared/domain/order.js';
import type { MainStatus } from '../../src-shared/domain/status.js';

/** The values a file import sets on an order: what a snapshot keeps and a merge compares. */
export interface ImportedValues {
  buyer: Buyer;
  shipTo: ShipTo;
  paymentMethod: string;
  discount: number;
  shippingFee: number;
  codFee: number;
  orderComment: string;
  items: { lineNo: number; sku: string; title: string; quantity: number; unitPrice: number }[];
}

type Source = Pick<
  NewOrder | Order,
  'buyer' | 'shipTo' | 'paymentMethod' | 'discount' | 'shippingFee' | 'codFee' | 'orderComment' | 'items'
>;

/** Built field by field in a fixed order, so equal values give equal JSON. */
export function importedValues(o: Source): ImportedValues {
  return {
    buyer: { name: o.buyer.name, kana: o.buyer.kana, email: o.buyer.email, phone: o.buyer.phone },
    shipTo: {
      name: o.shipTo.name,
      postalCode: o.shipTo.postalCode,
      prefecture: o.shipTo.prefecture,
      address1: o.shipTo.address1,
      address2: o.shipTo.address2,
      phone: o.shipTo.phone,
    },
    paymentMethod: o.paymentMethod,
    discount: o.discount,
    shippingFee: o.shippingFee,
    codFee: o.codFee,
    orderComment: o.orderComment,
    items: [...o.items]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((i) => ({ lineNo: i.lineNo, sku: i.sku, title: i.title, quantity: i.quantity, unitPrice: i.unitPrice })),
  };
}

export interface MergeField {
  label: string;
  /** The orders column it writes; null for items (a table of their own). */
  column: string | null;
  get(v: ImportedValues): unknown;
  /** Payment and items change stock and payment checks: only before the stock check. */
  onlyWhileNew?: boolean;
}

export const MERGE_FIELDS: readonly MergeField[] = [
  { label: '購入者名', column: 'buyer_name', get: (v) => v.buyer.name },
  { label: '購入者名（カナ）', column: 'buyer_kana', get: (v) => v.buyer.kana },
  { label: 'メールアドレス', column: 'buyer_email', get: (v) => v.buyer.email },
  { label: '購入者電話番号', column: 'buyer_phone', get: (v) => v.buyer.phone },
  { label: 'お届け先名', column: 'ship_name', get: (v) => v.shipTo.name },
  { label: 'お届け先郵便番号', column: 'ship_postal_code', get: (v) => v.shipTo.postalCode },
  { label: 'お届け先都道府県', column: 'ship_prefecture', get: (v) => v.shipTo.prefecture },
  { label: 'お届け先住所', column: 'ship_address1', get: (v) => v.shipTo.address1 },
  { label: 'お届け先住所2', column: 'ship_address2', get: (v) => v.shipTo.address2 },
  { label: 'お届け先電話番号', column: 'ship_phone', get: (v) => v.shipTo.phone },
  { label: '決済方法', column: 'payment_method', get: (v) => v.paymentMethod, onlyWhileNew: true },
  { label: '値引', column: 'discount', get: (v) => v.discount },
  { label: '送料', column: 'shipping_fee', get: (v) => v.shippingFee },
  { label: '代引手数料', column: 'cod_fee', get: (v) => v.codFee },
  { label: '注文時コメント', column: 'order_comment', get: (v) => v.orderComment },
  { label: '商品明細', column: null, get: (v) => v.items, onlyWhileNew: true },
];

export interface MergePlan {
  /** Fields to take from the file. */
  set: MergeField[];
  /** Fields the file changed but the store's value stays, with why. */
  kept: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * "Updated only where the store has not changed it", as a three-way merge per field:
 * base = the values the last import of this order wrote (its snapshot), ours = the order
 * now, theirs = the file. A field is taken from the file only when the file changed it
 * (theirs ≠ base) and the store did not (ours = base). Where both changed it differently,
 * the store's value stays and the preview says so. Shipped and cancelled orders are never
 * changed; payment method and items only while the order is still 新規.
 */
export function mergeImport(
  base: ImportedValues,
  ours: ImportedValues,
  theirs: ImportedValues,
  status: MainStatus,
): MergePlan {
  const plan: MergePlan = { set: [], kept: [] };
  const closed = status === 'shipped' || status === 'cancelled';
  for (const field of MERGE_FIELDS) {
    const t = field.get(theirs);
    if (same(t, field.get(base))) continue;
    const o = field.get(ours);
    if (same(o, t)) continue;
    if (!same(o, field.get(base))) plan.kept.push(`${field.label}（店舗で変更済み）`);
    else if (closed) plan.kept.push(`${field.label}（${status === 'shipped' ? '出荷済み' : 'キャンセル済み'}）`);
    else if (field.onlyWhileNew && status !== 'new') plan.kept.push(`${field.label}（在庫確認後のため）`);
    else plan.set.push(field);
  }
  return plan;
}
