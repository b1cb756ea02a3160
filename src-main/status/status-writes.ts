import type BetterSqlite3 from 'better-sqlite3';
import { ORDER_FIELDS, type OrderKey } from '../../src-shared/domain/order-fields.js';
import type { MainStatus } from '../../src-shared/domain/status.js';
import { transitionEffects, type MoveDetails } from '../../src-shared/domain/transition-effects.js';
import type { ChangeOf } from '../../src-shared/sync/change-bodies.js';
import type { Actor } from '../core/app-context.js';
import type { Journal } from '../core/journal.js';

/** Column names by wire key (the field table). */
const COLUMNS = Object.fromEntries(ORDER_FIELDS.map((f) => [f.key, f.column])) as Record<OrderKey, string>;

export interface StatusWrite {
  id: number;
  orderNo: string;
  from: MainStatus;
  to: MainStatus;
  reason: string;
}

/**
 * The status changes one engine run decided, written together at its end: a temporary table
 * of the changes, then one UPDATE … FROM per target status and one history and one outbox
 * INSERT … SELECT per target and reason. Per order that is one row into a temporary table
 * instead of three statements with their bindings, trigger frames and statement journal,
 * and the orders are visited in id order, the order their pages lie in the file.
 */
export class StatusWrites {
  private readonly insertRow: BetterSqlite3.Statement;
  /** UPDATE statements by what they set: each names only the columns its change moves. */
  private readonly updates = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly journal: Journal,
  ) {
    sqlite.exec(
      `CREATE TEMP TABLE IF NOT EXISTS status_change (order_id INTEGER PRIMARY KEY, order_no TEXT NOT NULL,
         from_status TEXT NOT NULL, to_status TEXT NOT NULL, reason TEXT NOT NULL)`,
    );
    this.insertRow = sqlite.prepare(
      'INSERT INTO temp.status_change (order_id, order_no, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?)',
    );
  }

  /**
   * The UPDATE of the run's moves to `to`, with its parameters. Its SET list names only the
   * columns the move writes (transitionEffects, shared with the central server), because
   * SQLite rewrites every index holding a column of that list: a tracking number left as it
   * was would still cost an index entry per order of a bulk change.
   */
  private moveTo(to: MainStatus, move: MoveDetails): { statement: BetterSqlite3.Statement; params: object } {
    const effects = transitionEffects(to, move);
    const set = effects.map(({ key, onlyIfEmpty }) => {
      const column = COLUMNS[key];
      return onlyIfEmpty ? `${column} = coalesce(${column}, @${key})` : `${column} = @${key}`;
    });
    const sql = `UPDATE orders SET ${[...set, 'updated_at = @at', 'version = version + 1'].join(', ')}
      FROM temp.status_change AS t WHERE t.to_status = @to AND orders.id = t.order_id`;
    let statement = this.updates.get(sql);
    if (!statement) this.updates.set(sql, (statement = this.sqlite.prepare(sql)));
    const params: Record<string, unknown> = { at: move.at, to };
    for (const { key, value } of effects) params[key] = typeof value === 'boolean' ? Number(value) : value;
    return { statement, params };
  }

  /** Writes the run's changes with their history and outbox rows (inside the caller's transaction). */
  write(
    rows: readonly StatusWrite[],
    change: ChangeOf<'status'>,
    move: Omit<MoveDetails, 'at'>,
    actor: Actor,
    at: string,
  ): void {
    if (rows.length === 0) return;
    this.sqlite.exec('DELETE FROM temp.status_change');
    for (const w of rows) this.insertRow.run(w.id, w.orderNo, w.from, w.to, w.reason);
    for (const to of new Set(rows.map((w) => w.to))) {
      const { statement, params } = this.moveTo(to, { ...move, at });
      statement.run(params);
    }
    const groups = new Map(rows.map((w) => [`${w.to}\u0000${w.reason}`, w]));
    for (const { to, reason } of groups.values()) {
      this.journal.recordEach(
        `SELECT order_id, order_no, from_status AS from_value FROM temp.status_change
         WHERE to_status = @to AND reason = @reason ORDER BY order_id`,
        { change, to, reason },
        actor,
        at,
      );
    }
    this.sqlite.exec('DELETE FROM temp.status_change');
  }
}
