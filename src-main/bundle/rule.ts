import type { MainStatus } from '../../src-shared/domain/status.js';
import { allowedFrom, transition, type Operation } from '../../src-shared/domain/transitions.js';

/**
 * How bundled orders move together (S14). A status operation on any member of a bundle is
 * applied to every member in ONE savepoint: each member either takes the operation, or is
 * already in a status the operation leads to (left as it is: e.g. the card-paid member of
 * a bundle is already 入金済 when the bank-transfer member's payment is confirmed), or the
 * whole bundle is refused and nothing changes. Cancellation never spreads: cancelling a
 * bundled order needs every member checked, otherwise it is refused (unbundle first).
 */
export function reachableStatuses(operation: Operation, target?: MainStatus): ReadonlySet<MainStatus> {
  const from = allowedFrom(operation)[0]!;
  const out = new Set<MainStatus>();
  for (const needsPaymentConfirmation of [true, false]) {
    const judged = transition(from, operation, { needsPaymentConfirmation, target });
    if (judged.ok) out.add(judged.to);
  }
  return out;
}

/** Order numbers of the other members of an order's bundle, oldest first: (bundle_group, id). */
export const PARTNER_ORDER_NOS_SQL =
  'SELECT order_no FROM orders WHERE bundle_group = ? AND id <> ? ORDER BY ordered_at, id';

/**
 * Stages a bundle may be formed in. Members of one stage can always progress together
 * under the rule above; members of different stages could block each other for good.
 */
const STAGES: Record<MainStatus, string | null> = {
  new: 'before_stock',
  out_of_stock: 'before_stock',
  stock_confirmed: 'stock_checked',
  paid: 'stock_checked',
  awaiting_shipment: 'labelled',
  shipped: null,
  cancelled: null,
};

export function bundleStage(status: MainStatus): string | null {
  return STAGES[status];
}

export const BUNDLE_CANCEL_REFUSAL =
  '同梱中の注文です。まとめて取り消すには同梱の注文をすべてチェックするか、先に F10 同梱設定で同梱を解除してください。';

export function partnerRefusal(partnerOrderNo: string, reason: string): string {
  return `同梱の注文 ${partnerOrderNo} が処理できないため、同梱の注文はどれも処理していません（${reason}）`;
}
