import type BetterSqlite3 from 'better-sqlite3';
import { hasStatusMail, type MainStatus } from '../../src-shared/domain/status.js';
import type { Actor } from '../core/app-context.js';
import type { Journal } from '../core/journal.js';

/** What every order of one engine run shares: the operation and what it carries. */
export interface WriteRequest {
  operation: string;
  reason?: string;
  trackingNo?: string;
  carrier?: string;
  paidAt?: string;
}

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
   * The UPDATE for a change to `to`: only the columns it moves are in its SET list, because
   * SQLite rewrites every index holding a column of that list (a tracking number left as it
   * was would still cost an index entry per order of a bulk change).
   */
  private updateFor(to: MainStatus, tracking: boolean): BetterSqlite3.Statement {
    const key = `${to}:${tracking}`;
    let statement = this.updates.get(key);
    if (!statement) {
      const set = ['status = @to', 'mail_pending = @mailPending', 'updated_at = @at', 'version = version + 1'];
      if (to === 'paid') set.push('paid_at = coalesce(paid_at, @paidAt)');
      if (to === 'shipped') set.push('shipped_at = @at');
      if (to === 'cancelled') set.push('cancelled_at = @at', 'cancel_reason = @reason');
      if (tracking)
        set.push('tracking_no = coalesce(@trackingNo, tracking_no)', 'carrier = coalesce(@carrier, carrier)');
      statement = this.sqlite.prepare(
        `UPDATE orders SET ${set.join(', ')} FROM temp.status_change AS t
         WHERE t.to_status = @to AND orders.id = t.order_id`,
      );
      this.updates.set(key, statement);
    }
    return statement;
  }

  /** Writes the run's changes with their history and outbox rows (inside the caller's transaction). */
  write(rows: readonly StatusWrite[], request: WriteRequest, actor: Actor, at: string): void {
    if (rows.length === 0) return;
    this.sqlite.exec('DELETE FROM temp.status_change');
    for (const w of rows) this.insertRow.run(w.id, w.orderNo, w.from, w.to, w.reason);
    const tracking = request.trackingNo !== undefined || request.carrier !== undefined;
    const targets = new Set(rows.map((w) => w.to));
    for (const to of targets) {
      const params: Record<string, unknown> = { to, mailPending: hasStatusMail(to) ? 1 : 0, at };
      if (to === 'paid') params.paidAt = request.paidAt ?? at;
      if (to === 'cancelled') params.reason = request.reason ?? '';
      if (tracking) Object.assign(params, { trackingNo: request.trackingNo ?? null, carrier: request.carrier ?? null });
      this.updateFor(to, tracking).run(params);
    }
    const groups = new Map(rows.map((w) => [`${w.to}\u0000${w.reason}`, w]));
    for (const { to, reason } of groups.values()) {
      this.journal.recordEach(
        `SELECT order_id, order_no, from_status AS from_value FROM temp.status_change
         WHERE to_status = @to AND reason = @reason ORDER BY order_id`,
        {
          kind: 'status',
          to,
          reason,
          payload: {
            operation: request.operation,
            trackingNo: request.trackingNo,
            carrier: request.carrier,
            paidAt: request.operation === 'confirm_payment' ? (request.paidAt ?? at) : undefined,
          },
        },
        actor,
        at,
      );
    }
    this.sqlite.exec('DELETE FROM temp.status_change');
  }
}
