import type BetterSqlite3 from 'better-sqlite3';
import type { FieldChange } from '../../src-shared/api/detail.js';
import type { Actor } from '../core/app-context.js';
import { Journal } from '../core/journal.js';
import { describeWish, type TimeSlot } from '../../src-shared/domain/delivery-wishes.js';
import type { Change, WireItem } from '../../src-shared/sync/change-bodies.js';
import { ORDER_FIELDS } from '../../src-shared/domain/order-fields.js';
import { describeShipToChange, SHIP_TO_KEYS, type ShipTo } from '../../src-shared/domain/ship-to.js';

/** Order columns an edit may set; the keys double as the history's field names. */
const COLUMNS = {
  discount: 'discount',
  shippingFee: 'shipping_fee',
  codFee: 'cod_fee',
  orderComment: 'order_comment',
  staffComment: 'staff_comment',
  subStatusId: 'sub_status_id',
  bundleGroup: 'bundle_group',
  deliveryDate: 'delivery_date',
  deliveryTimeSlot: 'delivery_time_slot',
  deliveryMethod: 'delivery_method',
  subtotal: 'subtotal',
  total: 'total',
} as const;

type EditableField = Exclude<keyof typeof COLUMNS, 'subtotal' | 'total'>;
type Field = keyof typeof COLUMNS;
type Value = string | number | null;

/** The three 配送希望 columns travel as one change (delivery_wish), read as one line in the history. */
const WISH_FIELDS: readonly Field[] = ['deliveryDate', 'deliveryTimeSlot', 'deliveryMethod'];
const wishOf = (v: Record<Field, Value>) => ({
  deliveryDate: String(v.deliveryDate ?? ''),
  deliveryTimeSlot: String(v.deliveryTimeSlot ?? '') as TimeSlot | '',
  deliveryMethod: String(v.deliveryMethod ?? ''),
});
const wishText = (v: Record<Field, Value>) => {
  const w = wishOf(v);
  return describeWish({ date: w.deliveryDate, timeSlot: w.deliveryTimeSlot, method: w.deliveryMethod }) || 'なし';
};
const wishChange = (next: Record<Field, Value>): Change => ({ kind: 'delivery_wish', fields: wishOf(next) });

/** The change each field's edit is journaled as (S2): its history kind and what it sends. */
const CHANGES: { [F in Field]: (value: Value, next: Record<Field, Value>) => Change } = {
  discount: (v) => ({ kind: 'discount', fields: { discount: Number(v) } }),
  shippingFee: (v) => ({ kind: 'shipping_fee', fields: { shippingFee: Number(v) } }),
  codFee: (v) => ({ kind: 'cod_fee', fields: { codFee: Number(v) } }),
  orderComment: (v) => ({ kind: 'order_comment', fields: { orderComment: String(v ?? '') } }),
  staffComment: (v) => ({ kind: 'staff_comment', fields: { staffComment: String(v ?? '') } }),
  subStatusId: (v) => ({ kind: 'sub_status', fields: { subStatusId: v === null ? null : Number(v) } }),
  bundleGroup: (v) => ({ kind: 'bundle', fields: { bundleGroup: v === null ? null : String(v) } }),
  deliveryDate: (_v, next) => wishChange(next),
  deliveryTimeSlot: (_v, next) => wishChange(next),
  deliveryMethod: (_v, next) => wishChange(next),
  subtotal: (v) => ({ kind: 'subtotal', fields: { subtotal: Number(v) } }),
  total: (v) => ({ kind: 'total', fields: { total: Number(v) } }),
};

const FIELDS = Object.keys(COLUMNS) as Field[];

function asText(value: Value): string | null {
  return value === null ? null : String(value);
}

/**
 * Field-level edits of one order (S16, S14): writes the new values, recomputes subtotal
 * and total from the items and fees (money is derived on the server, never trusted from
 * the screen), and records every changed field — history row and outbox entry — through
 * the journal. Callers run it inside their transaction.
 */
export class OrderEditor {
  private readonly journal: Journal;
  private readonly readStmt: BetterSqlite3.Statement;
  private readonly subtotalStmt: BetterSqlite3.Statement;
  private readonly itemStmt: BetterSqlite3.Statement;
  private readonly priceStmt: BetterSqlite3.Statement;
  private readonly knownStmt: BetterSqlite3.Statement;
  private readonly itemsStmt: BetterSqlite3.Statement;
  private readonly shipToStmt: BetterSqlite3.Statement;
  private readonly writeShipToStmt: BetterSqlite3.Statement;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.journal = new Journal(sqlite);
    this.readStmt = sqlite.prepare(
      `SELECT order_no AS orderNo, ${FIELDS.map((f) => `${COLUMNS[f]} AS ${f}`).join(', ')} FROM orders WHERE id = ?`,
    );
    this.subtotalStmt = sqlite
      .prepare('SELECT coalesce(sum(quantity * unit_price), 0) FROM order_items WHERE order_id = ?')
      .pluck();
    this.itemStmt = sqlite.prepare(
      'SELECT sku, unit_price AS unitPrice FROM order_items WHERE order_id = ? AND line_no = ?',
    );
    this.priceStmt = sqlite.prepare('UPDATE order_items SET unit_price = ? WHERE order_id = ? AND line_no = ?');
    this.knownStmt = sqlite.prepare('UPDATE orders SET amounts_unknown = 0 WHERE id = ?');
    this.itemsStmt = sqlite.prepare(
      'SELECT line_no AS lineNo, sku, title, quantity, unit_price AS unitPrice, location FROM order_items WHERE order_id = ? ORDER BY line_no',
    );
    const shipColumn = (k: string) => ORDER_FIELDS.find((f) => f.key === k)!.column;
    this.shipToStmt = sqlite.prepare(
      `SELECT order_no AS orderNo, ${SHIP_TO_KEYS.map((k) => `${shipColumn(k)} AS ${k}`).join(', ')} FROM orders WHERE id = ?`,
    );
    this.writeShipToStmt = sqlite.prepare(
      `UPDATE orders SET ${SHIP_TO_KEYS.map((k) => `${shipColumn(k)} = @${k}`).join(', ')}, updated_at = @at, version = version + 1 WHERE id = @id`,
    );
  }

  /**
   * Changes one item's unit price (the order's totals follow in `update`). With `knownNow`,
   * the price is the clerk's answer to 金額未取得: the mark goes, and the change says so.
   */
  setUnitPrice(
    orderId: number,
    orderNo: string,
    lineNo: number,
    unitPrice: number,
    reason: string,
    actor: Actor,
    at: string,
    knownNow = false,
  ): FieldChange | null {
    const item = this.itemStmt.get(orderId, lineNo) as { sku: string; unitPrice: number } | undefined;
    if (!item || item.unitPrice === unitPrice) return null;
    this.priceStmt.run(unitPrice, orderId, lineNo);
    if (knownNow) this.knownStmt.run(orderId);
    const change: FieldChange = { field: 'unit_price', from: String(item.unitPrice), to: String(unitPrice) };
    // The server takes the order's lines as they now are.
    const items = this.itemsStmt.all(orderId) as WireItem[];
    this.journal.record(
      {
        orderId,
        orderNo,
        change: {
          kind: 'unit_price',
          lineNo,
          sku: item.sku,
          fields: knownNow ? { items, amountsUnknown: false } : { items },
        },
        from: change.from,
        to: change.to,
        reason: [`${lineNo}行目 ${item.sku}`, reason, knownNow ? '（金額未取得の解除）' : ''].filter(Boolean).join(' '),
      },
      actor,
      at,
    );
    return change;
  }

  /**
   * Writes a new 送付先 (a validated, normalised one) as one ship_to change; the order's
   * 同梱 key follows by the orders_bundle_key_update trigger. Null when nothing changed.
   */
  setShipTo(orderId: number, shipTo: ShipTo, reason: string, actor: Actor, at: string): FieldChange | null {
    const current = this.shipToStmt.get(orderId) as (ShipTo & { orderNo: string }) | undefined;
    if (!current) return null;
    const described = describeShipToChange(current, shipTo);
    if (!described) return null;
    this.writeShipToStmt.run({ ...shipTo, at, id: orderId });
    this.journal.record(
      { orderId, orderNo: current.orderNo, change: { kind: 'ship_to', fields: shipTo }, ...described, reason },
      actor,
      at,
    );
    return { field: 'ship_to', ...described };
  }

  /** Writes `set`, recomputes the money and records each field that changed. */
  update(
    orderId: number,
    set: Partial<Record<EditableField, Value>>,
    reason: string,
    actor: Actor,
    at: string,
  ): FieldChange[] {
    const current = this.readStmt.get(orderId) as (Record<Field, Value> & { orderNo: string }) | undefined;
    if (!current) return [];
    const next: Record<Field, Value> = { ...current, ...set };
    next.subtotal = this.subtotalStmt.get(orderId) as number;
    next.total = (next.subtotal as number) - Number(next.discount) + Number(next.shippingFee) + Number(next.codFee);
    const changed = FIELDS.filter((f) => next[f] !== current[f]);
    if (changed.length === 0) return [];
    this.sqlite
      .prepare(
        `UPDATE orders SET ${changed.map((f) => `${COLUMNS[f]} = @${f}`).join(', ')}, updated_at = @at, version = version + 1
         WHERE id = @id`,
      )
      .run({ ...Object.fromEntries(changed.map((f) => [f, next[f]])), at, id: orderId });
    // One delivery_wish change however many of its three columns changed.
    const firstWish = changed.find((f) => WISH_FIELDS.includes(f));
    const journaledFields = changed.filter((f) => !WISH_FIELDS.includes(f) || f === firstWish);
    return journaledFields.map((f) => {
      const journaled = CHANGES[f](next[f], next);
      const wish = WISH_FIELDS.includes(f);
      const change: FieldChange = {
        field: journaled.kind,
        from: wish ? wishText(current) : asText(current[f]),
        to: wish ? wishText(next) : asText(next[f]),
      };
      this.journal.record(
        { orderId, orderNo: current.orderNo, change: journaled, from: change.from, to: change.to, reason },
        actor,
        at,
      );
      return change;
    });
  }
}
