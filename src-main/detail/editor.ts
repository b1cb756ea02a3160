import type BetterSqlite3 from 'better-sqlite3';
import type { FieldChange } from '../../src-shared/api/detail.js';
import type { Actor } from '../core/app-context.js';
import { Journal } from '../core/journal.js';

/** Order columns an edit may set; the keys double as the history's field names. */
const COLUMNS = {
  discount: 'discount',
  shippingFee: 'shipping_fee',
  codFee: 'cod_fee',
  orderComment: 'order_comment',
  staffComment: 'staff_comment',
  subStatusId: 'sub_status_id',
  bundleGroup: 'bundle_group',
  subtotal: 'subtotal',
  total: 'total',
} as const;

export type EditableField = Exclude<keyof typeof COLUMNS, 'subtotal' | 'total'>;
type Field = keyof typeof COLUMNS;
type Value = string | number | null;

/** The history kind of each field (S2): what a person reads in the detail's history. */
const KINDS: Record<Field, string> = {
  discount: 'discount',
  shippingFee: 'shipping_fee',
  codFee: 'cod_fee',
  orderComment: 'order_comment',
  staffComment: 'staff_comment',
  subStatusId: 'sub_status',
  bundleGroup: 'bundle',
  subtotal: 'subtotal',
  total: 'total',
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
  }

  /** Changes one item's unit price (the order's totals follow in `update`). */
  setUnitPrice(
    orderId: number,
    orderNo: string,
    lineNo: number,
    unitPrice: number,
    reason: string,
    actor: Actor,
    at: string,
  ): FieldChange | null {
    const item = this.itemStmt.get(orderId, lineNo) as { sku: string; unitPrice: number } | undefined;
    if (!item || item.unitPrice === unitPrice) return null;
    this.priceStmt.run(unitPrice, orderId, lineNo);
    const change: FieldChange = { field: 'unit_price', from: String(item.unitPrice), to: String(unitPrice) };
    this.journal.record(
      {
        orderId,
        kind: change.field,
        from: change.from,
        to: change.to,
        reason: [`${lineNo}行目 ${item.sku}`, reason].filter(Boolean).join(' '),
        payload: { orderNo, lineNo, sku: item.sku, unitPrice },
      },
      actor,
      at,
    );
    return change;
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
    return changed.map((f) => {
      const change: FieldChange = { field: KINDS[f], from: asText(current[f]), to: asText(next[f]) };
      this.journal.record(
        {
          orderId,
          kind: change.field,
          from: change.from,
          to: change.to,
          reason,
          payload: { orderNo: current.orderNo, [f]: next[f] },
        },
        actor,
        at,
      );
      return change;
    });
  }
}
