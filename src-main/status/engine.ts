import type BetterSqlite3 from 'better-sqlite3';
import type { BulkResult } from '../../src-shared/domain/order.js';
import { hasStatusMail, type MainStatus } from '../../src-shared/domain/status.js';
import { transition, type Operation } from '../../src-shared/domain/transitions.js';
import type { Actor } from '../core/context.js';
import { Journal } from '../core/journal.js';
import { chunked } from '../core/chunked.js';

export interface OperationRequest {
  orderIds: readonly number[];
  operation: Operation;
  target?: MainStatus;
  reason?: string;
  trackingNo?: string;
  carrier?: string;
  /** ISO timestamp of the payment for confirm_payment; defaults to now. */
  paidAt?: string;
}

interface OrderState {
  id: number;
  order_no: string;
  status: MainStatus;
  needs_confirmation: number | null;
}

/**
 * The status engine (S2, E11). Judges every order with the shared transition table and
 * applies the allowed ones — status, history and outbox — in ONE transaction; refused
 * orders are returned with their reason and are not touched.
 */
export class StatusEngine {
  private readonly journal: Journal;
  private readonly update: BetterSqlite3.Statement;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.journal = new Journal(sqlite);
    this.update = sqlite.prepare(
      `UPDATE orders SET status = @to, mail_pending = @mailPending, updated_at = @at, version = version + 1,
         paid_at = CASE WHEN @to = 'paid' AND paid_at IS NULL THEN @paidAt ELSE paid_at END,
         shipped_at = CASE WHEN @to = 'shipped' THEN @at ELSE shipped_at END,
         cancelled_at = CASE WHEN @to = 'cancelled' THEN @at ELSE cancelled_at END,
         cancel_reason = CASE WHEN @to = 'cancelled' THEN @reason ELSE cancel_reason END,
         tracking_no = COALESCE(@trackingNo, tracking_no),
         carrier = COALESCE(@carrier, carrier)
       WHERE id = @id`,
    );
  }

  private load(ids: readonly number[]): Map<number, OrderState> {
    const found = new Map<number, OrderState>();
    for (const part of chunked(ids, 500)) {
      const rows = this.sqlite
        .prepare(
          `SELECT o.id, o.order_no, o.status, pm.needs_confirmation FROM orders o
           LEFT JOIN payment_methods pm ON pm.code = o.payment_method
           WHERE o.id IN (${part.map(() => '?').join(',')})`,
        )
        .all(...part) as OrderState[];
      for (const row of rows) found.set(row.id, row);
    }
    return found;
  }

  /** Applies the operation inside the caller's transaction (or opens one). */
  apply(request: OperationRequest, actor: Actor, now: Date): BulkResult {
    return this.sqlite.transaction(() => this.applyInTransaction(request, actor, now))();
  }

  private applyInTransaction(request: OperationRequest, actor: Actor, now: Date): BulkResult {
    const at = now.toISOString();
    const states = this.load([...new Set(request.orderIds)]);
    const result: BulkResult = { applied: 0, refused: [] };
    for (const id of new Set(request.orderIds)) {
      const state = states.get(id);
      if (!state) {
        result.refused.push({ orderId: id, orderNo: String(id), reason: '注文が見つかりません（削除されたか、他の店舗に移動しました）。' });
        continue;
      }
      if (request.operation === 'register_tracking' && !request.trackingNo) {
        result.refused.push({ orderId: id, orderNo: state.order_no, reason: '送り状番号を入力してください。' });
        continue;
      }
      const judged = transition(state.status, request.operation, {
        // An unknown payment method is treated as needing confirmation: the safe side.
        needsPaymentConfirmation: state.needs_confirmation !== 0,
        target: request.target,
      });
      if (!judged.ok) {
        result.refused.push({ orderId: id, orderNo: state.order_no, reason: judged.reason });
        continue;
      }
      this.update.run({
        id,
        to: judged.to,
        mailPending: hasStatusMail(judged.to) ? 1 : 0,
        at,
        paidAt: request.paidAt ?? at,
        reason: request.reason ?? '',
        trackingNo: request.trackingNo ?? null,
        carrier: request.carrier ?? null,
      });
      this.journal.record(
        {
          orderId: id,
          kind: 'status',
          from: state.status,
          to: judged.to,
          reason: request.reason ?? '',
          payload: {
            orderNo: state.order_no,
            operation: request.operation,
            trackingNo: request.trackingNo,
            carrier: request.carrier,
            paidAt: request.operation === 'confirm_payment' ? (request.paidAt ?? at) : undefined,
          },
        },
        actor,
        at,
      );
      result.applied += 1;
    }
    return result;
  }
}
