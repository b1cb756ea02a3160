import type BetterSqlite3 from 'better-sqlite3';
import { orderGoneError, UserError } from '../../src-shared/api/errors.js';
import type { Channel } from '../../src-shared/domain/channels.js';
import type { OrderRecord } from '../../src-shared/domain/order-fields.js';
import type { WireItem } from '../../src-shared/sync/change-bodies.js';
import type { Actor } from '../core/app-context.js';
import { Journal } from '../core/journal.js';
import { prepareAll } from '../core/statements.js';
import { ORDER_INSERT, orderValues, recordFromRow, selectAsKeys } from './order-columns.js';

const SQL = {
  order: `SELECT o.id, ${selectAsKeys('o')} FROM orders o WHERE o.id = ?`,
  items: `SELECT line_no AS lineNo, sku, title, quantity, unit_price AS unitPrice, location, tax_rate AS taxRate
          FROM order_items WHERE order_id = ? ORDER BY line_no`,
  taken: { pluck: 'SELECT 1 FROM orders WHERE channel = ? AND order_no = ?' },
  insertOrder: ORDER_INSERT,
  insertItem: `INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_price, location, tax_rate)
               VALUES (@orderId, @lineNo, @sku, @title, @quantity, @unitPrice, @location, @taxRate)`,
} as const;

export type OrderLine = WireItem & { taxRate: 10 | 8 };

/** One line picked by the clerk: how many of its units go to the new order. */
interface PickedLine {
  lineNo: number;
  quantity: number;
}

/**
 * Units per line of the order the clerk picked (lines asked twice add up), refused in Japanese
 * for a line the order lacks or more units than it has; `verb` says what happens to them (移せ, 再送でき).
 */
export function pickedUnits(
  orderNo: string,
  items: readonly OrderLine[],
  picked: readonly PickedLine[],
  verb: string,
): Map<number, number> {
  const byLine = new Map(items.map((i) => [i.lineNo, i]));
  const units = new Map<number, number>();
  for (const { lineNo, quantity } of picked) {
    const item = byLine.get(lineNo);
    if (!item) throw new UserError(`注文 ${orderNo} に${lineNo}行目はありません。`, 'no_line');
    const total = (units.get(lineNo) ?? 0) + quantity;
    if (total > item.quantity)
      throw new UserError(`${lineNo}行目（${item.sku}）は${item.quantity}個までしか${verb}ません。`, 'too_many');
    units.set(lineNo, total);
  }
  return units;
}

/**
 * The one way an order made from another (注文分割, 再送注文) is read and written: the
 * source's record and lines, the first free number of its channel, and the new order's row
 * and lines inserted as a writer would, with its 「新規登録」 history row.
 */
export class DerivedOrders {
  private readonly sql: Record<keyof typeof SQL, BetterSqlite3.Statement>;
  private readonly journal: Journal;

  constructor(sqlite: BetterSqlite3.Database) {
    this.sql = prepareAll(sqlite, SQL);
    this.journal = new Journal(sqlite);
  }

  /** The source order and its lines; refused when it no longer exists. */
  load(orderId: number): { record: OrderRecord; items: OrderLine[] } {
    const row = this.sql.order.get(orderId) as Record<string, unknown> | undefined;
    if (!row) throw orderGoneError();
    return { record: recordFromRow(row), items: this.sql.items.all(orderId) as OrderLine[] };
  }

  /** The first number `name(n)` (n = first, first + 1, …) the channel has not used yet. */
  freeNumber(channel: string, first: number, name: (n: number) => string): string {
    for (let n = first; ; n++) {
      const candidate = name(n);
      if (!this.sql.taken.get(channel, candidate)) return candidate;
    }
  }

  /** Writes the new order and its lines (numbered from 1 in the given order); returns its id. */
  insert(record: OrderRecord, lines: readonly OrderLine[]): number {
    const id = Number(this.sql.insertOrder.run(...orderValues(record)).lastInsertRowid);
    lines.forEach((line, i) => this.sql.insertItem.run({ ...line, lineNo: i + 1, orderId: id }));
    return id;
  }

  /**
   * The new order's 「新規登録」 history row (and its sync entry), written after the source
   * order's own row; `reason` names where it came from (分割元, 再送元).
   */
  recordCreated(created: { id: number; record: OrderRecord }, reason: string, actor: Actor, at: string): void {
    const { record } = created;
    this.journal.record(
      {
        orderId: created.id,
        orderNo: record.orderNo,
        change: { kind: 'create', channel: record.channel as Channel },
        from: null,
        to: record.status,
        reason,
      },
      actor,
      at,
    );
  }
}
