import type { Buyer, NewOrder, Order, ShipTo } from '../../src-shared/domain/order.js';
import type { MainStatus } from '../../src-shared/domain/status.js';
import {
  FIELD_LABELS,
  IMPORTED_FIELDS,
  arrivalValue,
  nestByArrival,
  type OrderKey,
} from '../../src-shared/domain/order-fields.js';

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

/**
 * Built from the field table's imported columns in table order, so equal values give equal
 * JSON (the snapshot an import keeps, compared as text when the same file comes again).
 */
export function importedValues(o: Source): ImportedValues {
  const values = nestByArrival(IMPORTED_FIELDS, (field) => arrivalValue(o as NewOrder, field));
  values.items = [...o.items]
    .sort((a, b) => a.lineNo - b.lineNo)
    .map((i) => ({ lineNo: i.lineNo, sku: i.sku, title: i.title, quantity: i.quantity, unitPrice: i.unitPrice }));
  return values as unknown as ImportedValues;
}

/**
 * The same snapshot built by SQL from an order's row (`o`) and items: json_object with the
 * same keys in the same order, so its text equals JSON.stringify(importedValues(order)).
 */
export function importedValuesSql(alias: string): string {
  const groups: [string, string[]][] = [];
  for (const field of IMPORTED_FIELDS) {
    const [outer, inner] = field.arrival.split('.') as [string, string | undefined];
    const value = `${alias}.${field.column}`;
    const last = groups[groups.length - 1];
    if (inner && last?.[0] === outer) last[1].push(`'${inner}', ${value}`);
    else groups.push([outer, inner ? [`'${inner}', ${value}`] : [value]]);
  }
  const parts = groups.map(([key, values]) =>
    values.length === 1 && !values[0]!.startsWith("'")
      ? `'${key}', ${values[0]}`
      : `'${key}', json_object(${values.join(', ')})`,
  );
  const items = `json((SELECT json_group_array(json_object('lineNo', i.line_no, 'sku', i.sku, 'title', i.title,
    'quantity', i.quantity, 'unitPrice', i.unit_price) ORDER BY i.line_no) FROM order_items i WHERE i.order_id = ${alias}.id))`;
  return `json_object(${parts.join(', ')}, 'items', ${items})`;
}

interface MergeField {
  label: string;
  /** The orders column it writes; null for items (a table of their own). */
  column: string | null;
  get(v: ImportedValues): unknown;
  /** Payment and items change stock and payment checks: only before the stock check. */
  onlyWhileNew?: boolean;
}

/** Import-merge policy: payment and items change stock and payment checks, so only before the stock check. */
const ONLY_WHILE_NEW: ReadonlySet<OrderKey> = new Set<OrderKey>(['paymentMethod']);

const MERGE_FIELDS: readonly MergeField[] = [
  ...IMPORTED_FIELDS.map((field): MergeField => ({
    label: FIELD_LABELS[field.key],
    column: field.column,
    get: (v) => arrivalValue(v as unknown as NewOrder, field),
    onlyWhileNew: ONLY_WHILE_NEW.has(field.key) || undefined,
  })),
  { label: '商品明細', column: null, get: (v) => v.items, onlyWhileNew: true },
];

export interface MergePlan {
  /** Fields to take from the file. */
  set: MergeField[];
  /** Fields the file changed but the store's value stays, with why. */
  kept: string[];
  /** 金額未取得 as the import leaves it, when it changes it (a priced file fills an order's amounts). */
  amountsUnknown?: boolean;
}

/** The amounts of an order: what a file without prices says nothing about, and a priced one fills. */
const AMOUNT_LABELS: ReadonlySet<string> = new Set([
  FIELD_LABELS.discount,
  FIELD_LABELS.shippingFee,
  FIELD_LABELS.codFee,
  '商品明細',
]);

/** What an update changes, in words (the preview's list and the history row). */
export function changedLabels(plan: MergePlan): string[] {
  const labels = plan.set.map((f) => f.label);
  if (plan.amountsUnknown === false) labels.push('金額（金額未取得の解除）');
  if (plan.amountsUnknown === true) labels.push('金額未取得');
  return labels;
}

type Line = ImportedValues['items'][number];

/**
 * The lines of `target` with the prices of `source`'s same lines (same line number and
 * 商品コード, else the same 商品コード); `complete` false when a line found none (it keeps its own).
 */
export function pricesOnto(target: readonly Line[], source: readonly Line[]): { items: Line[]; complete: boolean } {
  let complete = true;
  const items = target.map((line) => {
    const match =
      source.find((s) => s.lineNo === line.lineNo && s.sku === line.sku) ?? source.find((s) => s.sku === line.sku);
    if (!match) complete = false;
    return match ? { ...line, unitPrice: match.unitPrice } : line;
  });
  return { items, complete };
}

/** A file without prices says nothing of the amounts: the order's own stay (a line it lacks is unknown). */
export function keepAmounts(file: ImportedValues, ours: ImportedValues): { values: ImportedValues; complete: boolean } {
  const { items, complete } = pricesOnto(file.items, ours.items);
  return {
    values: { ...file, discount: ours.discount, shippingFee: ours.shippingFee, codFee: ours.codFee, items },
    complete,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * "Updated only where the store has not changed it", as a three-way merge per field:
 * base = the values the last import of this order wrote (its snapshot), ours = the order
 * now, theirs = the file. A field is taken from the file only when the file changed it
 * (theirs ≠ base) and the store did not (ours = base). Where both changed it differently,
 * the store's value stays and the preview says so. Shipped and cancelled orders are never
 * changed; payment method and items only while the order is still 新規. An order whose amounts
 * are unknown (金額未取得) takes a priced file's amounts and lines in any state (`fillingAmounts`).
 */
export function mergeImport(
  base: ImportedValues,
  ours: ImportedValues,
  theirs: ImportedValues,
  status: MainStatus,
  fillingAmounts = false,
): MergePlan {
  const plan: MergePlan = { set: [], kept: [] };
  const closed = status === 'shipped' || status === 'cancelled';
  for (const field of MERGE_FIELDS) {
    const t = field.get(theirs);
    const o = field.get(ours);
    // Amounts the order never had (金額未取得): a priced file fills them, whatever the order's state.
    if (fillingAmounts && AMOUNT_LABELS.has(field.label)) {
      if (!same(o, t)) plan.set.push(field);
      continue;
    }
    if (same(t, field.get(base))) continue;
    if (same(o, t)) continue;
    if (!same(o, field.get(base))) plan.kept.push(`${field.label}（店舗で変更済み）`);
    else if (closed) plan.kept.push(`${field.label}（${status === 'shipped' ? '出荷済み' : 'キャンセル済み'}）`);
    else if (field.onlyWhileNew && status !== 'new') plan.kept.push(`${field.label}（在庫確認後のため）`);
    else plan.set.push(field);
  }
  return plan;
}
