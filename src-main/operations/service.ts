import type BetterSqlite3 from 'better-sqlite3';
import type { ParcelRow } from '../../src-shared/api/operations.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { Carrier } from '../../src-shared/domain/carriers.js';
import type { BulkResult } from '../../src-shared/domain/order.js';
import type { MainStatus } from '../../src-shared/domain/status.js';
import { trackingNoForms } from '../../src-shared/domain/tracking.js';
import { PARTNER_ORDER_NOS_SQL } from '../bundle/rule.js';
import type { Actor } from '../core/app-context.js';
import { prepareAll } from '../core/statements.js';
import type { PackingGate } from '../packing/service.js';
import type { StatusEngine } from '../status/engine.js';
import { trackingTakenReason } from '../status/parcel-claims.js';
import { jstToday } from '../../src-shared/text/jst.js';

interface TrackedOrder {
  id: number;
  order_no: string;
  bundle_group: string | null;
}

/** Cancelling needs its reason, whoever asks (注文取消, E11 to キャンセル済): the history keeps it. */
function cancelReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new UserError('取消理由を入力してください。', 'reason_required');
  return trimmed;
}

/**
 * The day's status operations after the stock check (S2): 入金確認登録, 送り状番号登録,
 * 出荷確定, 注文取消 and E11 メインステータス一括変更, each one transaction through the
 * status engine. Every caller goes through these methods: the payment date, the tracking
 * number's parcel and the cancel reason are checked here and nowhere else.
 */
export class OperationsService {
  private readonly sql: Record<'byTracking' | 'bundleOf' | 'partners', BetterSqlite3.Statement>;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly engine: StatusEngine,
    private readonly packing?: PackingGate,
  ) {
    this.sql = prepareAll(sqlite, {
      byTracking: `SELECT id, order_no, bundle_group FROM orders WHERE tracking_no IN (?, ?) AND status <> 'cancelled'`,
      bundleOf: 'SELECT order_no, bundle_group FROM orders WHERE id = ?',
      partners: { pluck: PARTNER_ORDER_NOS_SQL },
    });
  }

  confirmPayment(orderIds: readonly number[], paidOn: string, actor: Actor, now: Date): BulkResult {
    const paidAt = new Date(`${paidOn}T00:00:00+09:00`);
    // 2026-02-30 parses as 03-01: a date that does not come back unchanged does not exist.
    if (Number.isNaN(paidAt.getTime()) || jstToday(paidAt) !== paidOn) {
      throw new UserError(`入金日 ${paidOn} は存在しない日付です。`, 'invalid_date');
    }
    if (paidOn > jstToday(now)) {
      throw new UserError(
        `入金日 ${paidOn} は未来の日付です。今日（${jstToday(now)}）以前の日付を入力してください。`,
        'future_date',
      );
    }
    return this.engine.apply({ orderIds, operation: 'confirm_payment', paidAt: paidAt.toISOString() }, actor, now);
  }

  /**
   * One engine call per parcel inside one transaction. A number already on another parcel
   * (not cancelled, not the same bundle) is refused: it is almost always a double scan.
   */
  registerTracking(
    entries: readonly { orderId: number; carrier: Carrier; trackingNo: string }[],
    actor: Actor,
    now: Date,
    reason = '',
  ): BulkResult {
    return this.sqlite
      .transaction(() => {
        const total: BulkResult = { applied: 0, refused: [] };
        const done = new Set<string>();
        for (const entry of entries) {
          const order = this.sql.bundleOf.get(entry.orderId) as
            { order_no: string; bundle_group: string | null } | undefined;
          const parcel = order?.bundle_group ?? `order:${entry.orderId}`;
          if (done.has(parcel)) continue;
          done.add(parcel);
          const [canonical, dashed] = trackingNoForms(entry.trackingNo);
          const clash = (this.sql.byTracking.all(canonical, dashed ?? canonical) as TrackedOrder[]).find(
            (o) => o.id !== entry.orderId && (o.bundle_group === null || o.bundle_group !== order?.bundle_group),
          );
          if (order && clash) {
            total.refused.push({
              orderId: entry.orderId,
              orderNo: order.order_no,
              reason: trackingTakenReason(entry.trackingNo, clash.order_no),
            });
            continue;
          }
          const result = this.engine.apply(
            {
              orderIds: [entry.orderId],
              operation: 'register_tracking',
              carrier: entry.carrier,
              trackingNo: entry.trackingNo,
              reason,
            },
            actor,
            now,
          );
          total.applied += result.applied;
          total.refused.push(...result.refused);
        }
        return total;
      })
      .immediate();
  }

  confirmShipment(orderIds: readonly number[], actor: Actor, now: Date): BulkResult {
    const named = [...new Set(orderIds)].map((id) => ({
      id,
      orderNo: ((this.sql.bundleOf.get(id) as { order_no: string } | undefined)?.order_no ?? '') as string,
    }));
    const unpacked = this.packing?.unpacked(named.filter((o) => o.orderNo !== '')) ?? [];
    if (unpacked.length === 0) return this.engine.apply({ orderIds, operation: 'confirm_shipment' }, actor, now);
    const blocked = new Set(unpacked.map((r) => r.orderId));
    const rest = orderIds.filter((id) => !blocked.has(id));
    const result =
      rest.length > 0
        ? this.engine.apply({ orderIds: rest, operation: 'confirm_shipment' }, actor, now)
        : { applied: 0, refused: [] };
    return { applied: result.applied, refused: [...unpacked, ...result.refused] };
  }

  cancel(orderIds: readonly number[], reason: string, actor: Actor, now: Date): BulkResult {
    return this.engine.apply({ orderIds, operation: 'cancel', reason: cancelReason(reason) }, actor, now);
  }

  /** E11: 新規 orders to another main status; to キャンセル済 only with the reason. */
  setStatus(orderIds: readonly number[], target: MainStatus, reason: string, actor: Actor, now: Date): BulkResult {
    const why = target === 'cancelled' ? cancelReason(reason) : reason.trim();
    return this.engine.apply({ orderIds, operation: 'bulk_set_status', target, reason: why }, actor, now);
  }

  /** The checked orders for the operation dialogs: one row per parcel, oldest first. */
  parcels(orderIds: readonly number[]): ParcelRow[] {
    const ids = [...new Set(orderIds)].slice(0, 500);
    const rows = this.sqlite
      .prepare(
        `SELECT id, order_no AS orderNo, buyer_name AS buyerName, status, carrier, tracking_no AS trackingNo,
           bundle_group AS bundleGroup
         FROM orders WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY ordered_at, id`,
      )
      .all(...ids) as (Omit<ParcelRow, 'bundledWith'> & { bundleGroup: string | null })[];
    const seen = new Set<string>();
    const out: ParcelRow[] = [];
    for (const { bundleGroup, ...row } of rows) {
      if (bundleGroup !== null && seen.has(bundleGroup)) continue;
      if (bundleGroup !== null) seen.add(bundleGroup);
      const bundledWith = bundleGroup ? (this.sql.partners.all(bundleGroup, row.id) as string[]) : [];
      out.push({ ...row, bundledWith });
    }
    return out;
  }
}
