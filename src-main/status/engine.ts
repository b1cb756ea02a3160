import type BetterSqlite3 from 'better-sqlite3';
import { ORDER_GONE } from '../../src-shared/api/errors.js';
import type { BulkResult } from '../../src-shared/domain/order.js';
import type { MainStatus } from '../../src-shared/domain/status.js';
import type { ChangeOf } from '../../src-shared/sync/change-bodies.js';
import { transition } from '../../src-shared/domain/transitions.js';
import type { Actor } from '../core/app-context.js';
import { Journal } from '../core/journal.js';
import { withDeferredCheckpoint } from '../db/deferred-checkpoint.js';
import { BUNDLE_CANCEL_REFUSAL, partnerRefusal, reachableStatuses } from '../bundle/rule.js';
import { stockEffect } from '../stock/effect.js';
import { ParcelClaims, parcelHolderStatement, trackingTakenReason } from './parcel-claims.js';
import type { EngineOrder, OperationRequest, StatusEffect } from './status-effect.js';
import { StatusWrites, type StatusWrite } from './status-writes.js';

/** Orders that move as one: a single order, or every member of a bundle (bundle/rule.ts). */
interface Unit {
  members: EngineOrder[];
  requested: Set<number>;
  bundled: boolean;
}

/** One call of `apply`: its request, what every order of it shares, and what it will write. */
interface Call {
  request: OperationRequest;
  actor: Actor;
  at: string;
  change: ChangeOf<'status'>;
  claims: ParcelClaims;
  planned: Planned[];
  writes: StatusWrite[];
}

interface Planned {
  order: EngineOrder;
  to: MainStatus;
}

/** Thrown inside a unit's savepoint to undo what its earlier members already wrote. */
class UnitRefused extends Error {
  constructor(
    readonly order: EngineOrder,
    readonly reason: string,
  ) {
    super(reason);
  }
}

// An order that asks no payment (a ¥0 再送注文) needs no 入金確認 whatever its method says,
// as the central server judges it (its needs_payment).
const ORDER_COLUMNS = `o.id, o.order_no, o.status,
  CASE WHEN o.needs_payment = 0 THEN 0 ELSE pm.needs_confirmation END AS needs_confirmation, o.store_id, o.ordered_at, o.bundle_group,
  o.tracking_no
  FROM orders o LEFT JOIN payment_methods pm ON pm.code = o.payment_method`;

/**
 * The status engine (S2, E11). Judges every order with the shared transition table and
 * applies the allowed ones — status, history, outbox and effects such as stock — in ONE
 * transaction; refused orders are returned with their reason and are not touched.
 * Bundled orders move together (bundle/rule.ts).
 */
export class StatusEngine {
  private readonly writes: StatusWrites;
  private readonly groupStmt: BetterSqlite3.Statement;
  private readonly holderStmt: BetterSqlite3.Statement;
  private readonly loadStmt: BetterSqlite3.Statement;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly effects: readonly StatusEffect[] = [stockEffect(sqlite)],
  ) {
    this.writes = new StatusWrites(sqlite, new Journal(sqlite));
    this.groupStmt = sqlite.prepare(`SELECT ${ORDER_COLUMNS} WHERE o.bundle_group = ? ORDER BY o.ordered_at, o.id`);
    this.holderStmt = parcelHolderStatement(sqlite);
    // In id order: the rows are read in the order their pages lie in the file.
    this.loadStmt = sqlite.prepare(
      `SELECT ${ORDER_COLUMNS} WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.id`,
    );
  }

  private load(ids: readonly number[]): Map<number, EngineOrder> {
    const rows = this.loadStmt.all(JSON.stringify(ids)) as EngineOrder[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Applies the operation inside the caller's transaction (or opens one). IMMEDIATE takes
   * the write lock before reading, so another connection cannot judge the same stock.
   */
  apply(request: OperationRequest, actor: Actor, now: Date): BulkResult {
    const apply = () => this.sqlite.transaction(() => this.applyInTransaction(request, actor, now)).immediate();
    // Inside a caller's transaction the commit (and its checkpoint) is the caller's.
    return this.sqlite.inTransaction ? apply() : withDeferredCheckpoint(this.sqlite, request.orderIds.length, apply);
  }

  private applyInTransaction(request: OperationRequest, actor: Actor, now: Date): BulkResult {
    const at = now.toISOString();
    const call: Call = {
      request,
      actor,
      at,
      planned: [],
      writes: [],
      claims: new ParcelClaims(this.holderStmt, request.trackingNo),
      // The same change for every order of the call: the journal checks it once.
      change: {
        kind: 'status',
        operation: request.operation,
        target: request.target,
        trackingNo: request.trackingNo,
        carrier: request.carrier,
        paidAt: request.operation === 'confirm_payment' ? (request.paidAt ?? at) : undefined,
      },
    };
    const result: BulkResult = { applied: 0, refused: [] };
    const reachable = reachableStatuses(request.operation, request.target);
    for (const unit of this.unitsOf(request, result)) {
      const outcome = this.applyUnit(unit, call, reachable);
      if (typeof outcome === 'number') {
        result.applied += outcome;
        continue;
      }
      for (const order of unit.members) {
        if (!unit.requested.has(order.id)) continue;
        const reason =
          order === outcome.order ? outcome.reason : partnerRefusal(outcome.order.order_no, outcome.reason);
        result.refused.push({ orderId: order.id, orderNo: order.order_no, reason });
      }
    }
    this.writes.write(call.writes, call.change, request, actor, at);
    for (const { order, to } of call.planned)
      for (const effect of this.effects) effect.applied?.(order, to, request, at, actor);
    return result;
  }

  /** Requested orders as units; unknown ids are refused here. The stock check goes oldest first. */
  private unitsOf(request: OperationRequest, result: BulkResult): Unit[] {
    const requested = [...new Set(request.orderIds)];
    const states = this.load(requested);
    const units: Unit[] = [];
    const bundles = new Map<string, Unit>();
    for (const id of requested) {
      const state = states.get(id);
      if (!state) {
        result.refused.push({ orderId: id, orderNo: String(id), reason: ORDER_GONE });
        continue;
      }
      if (state.bundle_group === null) {
        units.push({ members: [state], requested: new Set([id]), bundled: false });
        continue;
      }
      const known = bundles.get(state.bundle_group);
      if (known) {
        known.requested.add(id);
        continue;
      }
      const unit: Unit = {
        members: this.groupStmt.all(state.bundle_group) as EngineOrder[],
        requested: new Set([id]),
        bundled: true,
      };
      bundles.set(state.bundle_group, unit);
      units.push(unit);
    }
    if (request.operation === 'stock_ok') {
      const key = (u: Unit) => u.members[0]!;
      units.sort((a, b) => key(a).ordered_at.localeCompare(key(b).ordered_at) || key(a).id - key(b).id);
    }
    return units;
  }

  /**
   * Judges one unit and runs its effects' `prepare`: returns how many orders will change
   * (their writes queued for the end of the call), or the refusal that stopped it, having
   * written nothing (several members prepare inside a savepoint).
   */
  private applyUnit(unit: Unit, call: Call, reachable: ReadonlySet<MainStatus>): number | UnitRefused {
    const { request } = call;
    if (request.operation === 'register_tracking' && !request.trackingNo) {
      return new UnitRefused(unit.members[0]!, '送り状番号を入力してください。');
    }
    if (unit.bundled && request.operation === 'cancel' && unit.members.some((m) => !unit.requested.has(m.id))) {
      return new UnitRefused(
        unit.members.find((m) => unit.requested.has(m.id))!,
        BUNDLE_CANCEL_REFUSAL,
      );
    }
    const plan: Planned[] = [];
    for (const order of unit.members) {
      const judged = transition(order.status, request.operation, {
        // An unknown payment method is treated as needing confirmation: the safe side.
        needsPaymentConfirmation: order.needs_confirmation !== 0,
        target: request.target,
      });
      if (judged.ok) plan.push({ order, to: judged.to });
      else if (!(unit.bundled && reachable.has(order.status))) return new UnitRefused(order, judged.reason);
    }
    // Two parcels waiting to ship never share a tracking number (the parcels table).
    const claims = call.claims.judge(plan);
    if (!Array.isArray(claims)) {
      return new UnitRefused(claims.order, trackingTakenReason(request.trackingNo ?? claims.order.tracking_no ?? ''));
    }
    const prepare = () => {
      for (const step of plan) this.prepare(step, request, call.at, call.actor);
    };
    try {
      // A lone order needs no savepoint: a refusing effect has written nothing.
      if (plan.length > 1) this.sqlite.transaction(prepare)();
      else prepare();
    } catch (err) {
      if (err instanceof UnitRefused) return err;
      throw err;
    }
    call.claims.keep(claims);
    for (const { order, to } of plan) {
      const reason = request.reason || (unit.requested.has(order.id) ? '' : '同梱の注文とともに処理');
      call.writes.push({ id: order.id, orderNo: order.order_no, from: order.status, to, reason });
    }
    call.planned.push(...plan);
    return plan.length;
  }

  private prepare({ order, to }: Planned, request: OperationRequest, at: string, actor: Actor): void {
    for (const effect of this.effects) {
      const refusal = effect.prepare?.(order, to, request, at, actor);
      if (refusal) throw new UnitRefused(order, refusal);
    }
  }
}
