import type BetterSqlite3 from 'better-sqlite3';
import type { Channel } from '../../src-shared/domain/channels.js';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { databaseState } from '../db/database-state.js';
import type { JudgeParts } from './import-parts.js';
import type { Judged, Verdict } from './import-plan.js';
import { importedValues, keepAmounts, mergeImport, pricesOnto, type ImportedValues } from './merge.js';
import type { ParsedOrder } from '../../src-shared/order-files/parse-orders.js';

const NEW: Verdict = Object.freeze({ kind: 'new' });

interface Existing {
  id: number;
  status: string;
  /** 金額未取得, as SQLite gives it. */
  amountsUnknown: 0 | 1;
}

/**
 * Reads, for every parsed order, what an import would do to the database as it is now.
 * A snapshot equal to the file means the file brings nothing new: no need to look further.
 */
class Classifier {
  private readonly findOrders: BetterSqlite3.Statement;
  private readonly findSnapshot: BetterSqlite3.Statement;

  constructor(
    private readonly parts: JudgeParts,
    private readonly channel: Channel,
  ) {
    const { sqlite } = parts;
    this.findOrders = sqlite.prepare(
      'SELECT o.order_no AS orderNo, o.id, o.status, o.amounts_unknown AS amountsUnknown FROM json_each(?) AS j JOIN orders AS o ON o.channel = ? AND o.order_no = j.value',
    );
    this.findSnapshot = sqlite
      .prepare('SELECT snapshot FROM import_records WHERE channel = ? AND order_no = ?')
      .pluck();
  }

  /** The orders of the file already in the database, by number: one query, not one per order. */
  existing(orders: readonly ParsedOrder[]): Map<string, Existing> {
    const rows = this.findOrders.all(
      JSON.stringify(orders.map(({ order }) => order.orderNo)),
      this.channel,
    ) as (Existing & { orderNo: string })[];
    return new Map(rows.map((row) => [row.orderNo, row]));
  }

  verdict(order: NewOrder, found: Existing | undefined): Verdict {
    if (!found) return NEW;
    const file = importedValues(order);
    const baseText = this.findSnapshot.get(this.channel, order.orderNo) as string | undefined;
    if (baseText === JSON.stringify(file))
      return { kind: 'unchanged', id: found.id, note: '前回の取込から変更なし', snapshot: null };
    // A priced file for an order whose amounts are unknown (金額未取得) fills them, wherever the order came from.
    const filling = found.amountsUnknown === 1 && !order.amountsUnknown;
    if (baseText === undefined && !filling) {
      return {
        kind: 'unchanged',
        id: found.id,
        note: 'この PC で取り込んだ注文ではないため、内容は更新しません',
        snapshot: JSON.stringify(file),
      };
    }
    const current = this.parts.orders.get(found.id)!;
    const ours = importedValues(current);
    const { theirs, amountsUnknown } = this.theirs(file, ours, order, current.status, filling);
    const snapshot = JSON.stringify(theirs);
    // No snapshot here: only the amounts are taken (the rest is as the order's own PC left it).
    const base = baseText === undefined ? theirs : (JSON.parse(baseText) as ImportedValues);
    const plan = mergeImport(base, ours, theirs, current.status, filling);
    // Lines a file without prices brings unpriced make the amounts unknown only when they are taken.
    const takesLines = amountsUnknown === false || plan.set.some((f) => f.column === null);
    if (amountsUnknown !== undefined && amountsUnknown !== Boolean(found.amountsUnknown) && takesLines)
      plan.amountsUnknown = amountsUnknown;
    if (plan.set.length === 0 && plan.amountsUnknown === undefined) {
      const note = plan.kept.length ? `更新なし: ${plan.kept.join('、')}` : '変更なし';
      return { kind: 'unchanged', id: found.id, note, snapshot };
    }
    return { kind: 'update', id: found.id, plan, theirs, snapshot };
  }

  /**
   * The values the merge takes the file to bring, and 金額未取得 as it would leave the order:
   * a file without prices brings none (the order's amounts stay); a priced one fills an
   * order's unknown amounts — its lines' prices only, once the order is past 新規.
   */
  private theirs(
    file: ImportedValues,
    ours: ImportedValues,
    order: NewOrder,
    status: string,
    filling: boolean,
  ): { theirs: ImportedValues; amountsUnknown?: boolean } {
    if (order.amountsUnknown) {
      const kept = keepAmounts(file, ours);
      return { theirs: kept.values, amountsUnknown: kept.complete ? undefined : true };
    }
    if (!filling) return { theirs: file };
    if (status === 'new') return { theirs: file, amountsUnknown: false };
    const priced = pricesOnto(ours.items, file.items);
    return { theirs: { ...file, items: priced.items }, amountsUnknown: priced.complete ? false : undefined };
  }
}

/** Judges every order against the database as it is now (the state is read first: a write while judging counts as a change). */
export function judgeOrders(parts: JudgeParts, channel: Channel, orders: readonly ParsedOrder[]): Judged {
  const connection = parts.sqlite;
  const state = databaseState(connection);
  const classifier = new Classifier(parts, channel);
  const existing = classifier.existing(orders);
  return {
    connection,
    state,
    verdicts: orders.map(({ order }) => classifier.verdict(order, existing.get(order.orderNo))),
  };
}

/**
 * The verdicts the commit acts on, inside its (immediate) transaction: the preview's own
 * when nothing has been written since it judged them — judging 50,000 orders again would
 * give the same answers — and otherwise judged again, against the database as it is now.
 */
export function verdictsNow(
  parts: JudgeParts,
  channel: Channel,
  orders: readonly ParsedOrder[],
  judged: Judged,
): Verdict[] {
  const { sqlite } = parts;
  if (!sqlite.inTransaction) throw new Error('verdictsNow needs the commit’s transaction');
  if (judged.connection === sqlite && databaseState(sqlite) === judged.state) return judged.verdicts;
  return judgeOrders(parts, channel, orders).verdicts;
}
