import { NO_STORE_REFUSAL } from '../../src-shared/domain/stock.js';
import type { MainStatus } from '../../src-shared/domain/status.js';
import { OPERATION_LABELS } from '../../src-shared/domain/transitions.js';
import type { WireOp, WireOpOf } from '../../src-shared/sync/protocol.js';
import type { ClientIdentity } from '../auth.js';
import type { OrderRow } from '../orders/load.js';
import type { StockWorking } from './working.js';

/**
 * The central stock follows a pushed status change as a PC's does (src-main/stock/effect.ts):
 * 在庫確認 reserves every line at the order's store or the change is refused with what is
 * short (of two PCs taking the last unit, the later push is refused), 注文取消 releases what
 * the order holds and 出荷確定 consumes it. Returns the refusal, or null.
 */
export function stockFollowsStatus(
  op: WireOpOf<'status'>,
  row: OrderRow,
  to: MainStatus,
  stock: StockWorking,
  client: ClientIdentity,
): string | null {
  const label = OPERATION_LABELS[op.operation];
  const cause = {
    at: op.at,
    operator: op.actor.operator,
    pcId: client.name,
    reason: op.reason ? `${label}（${op.reason}）` : label,
    clientId: client.id,
    order: { id: row.id, no: row.orderNo },
  };
  if (op.operation === 'stock_ok') {
    if (!row.storeId) return NO_STORE_REFUSAL;
    return stock.reserve(row.id, row.storeId, cause);
  }
  if (to === 'cancelled') stock.settle(row.id, 'release', cause);
  else if (to === 'shipped') stock.settle(row.id, 'consume', cause);
  return null;
}

/**
 * The store each pushed order ends at (a 出荷店舗 change in the same push counts), for the
 * orders with a status change: the ones whose stock the push may move.
 */
export function stockOrders(
  ops: readonly WireOp[],
  found: readonly OrderRow[],
): { id: number; storeId: string | null }[] {
  const keyOf = (o: { channel: string; orderNo: string }) => `${o.channel}\u0000${o.orderNo}`;
  const moving = new Set<string>();
  const storeOf = new Map<string, string | null>();
  for (const op of ops) {
    if (op.kind === 'status') moving.add(keyOf(op));
    if (op.kind === 'store') storeOf.set(keyOf(op), op.fields.storeId);
  }
  return found
    .filter((row) => moving.has(keyOf(row)))
    .map((row) => ({ id: row.id, storeId: storeOf.has(keyOf(row)) ? storeOf.get(keyOf(row))! : row.storeId }));
}
