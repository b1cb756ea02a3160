import type BetterSqlite3 from 'better-sqlite3';
import { OPERATION_LABELS } from '../../src-shared/domain/transitions.js';
import { NO_STORE_REFUSAL, shortRefusal } from '../../src-shared/domain/stock.js';
import type { Actor } from '../core/app-context.js';
import type { EngineOrder, OperationRequest, StatusEffect } from '../status/status-effect.js';
import { StockLedger, type StockCause } from './ledger.js';

/** The ledger's "why" for a status change: the manual's word for the operation, and its reason. */
function causeOf(order: EngineOrder, request: OperationRequest, at: string, actor: Actor): StockCause {
  const label = OPERATION_LABELS[request.operation];
  return {
    at,
    actor,
    reason: request.reason ? `${label}（${request.reason}）` : label,
    order: { id: order.id, no: order.order_no },
  };
}

/**
 * Stock follows the order's status in the engine's transaction (S15): the stock check
 * reserves every line or refuses the order, 欠品登録 records what is short, cancellation
 * releases the reserved units and ship confirmation consumes them.
 */
export function stockEffect(sqlite: BetterSqlite3.Database, ledger = new StockLedger(sqlite)): StatusEffect {
  const partners = sqlite.prepare('SELECT id FROM orders WHERE bundle_group = ? AND id <> ?').pluck();
  const partnerShort = (order: EngineOrder, storeId: string) =>
    order.bundle_group !== null &&
    (partners.all(order.bundle_group, order.id) as number[]).some((id) => ledger.shortages(id, storeId).length > 0);

  return {
    prepare(order, _to, request, at, actor) {
      if (request.operation !== 'stock_ok' && request.operation !== 'stock_shortage') return null;
      if (!order.store_id) return NO_STORE_REFUSAL;
      if (request.operation === 'stock_ok') {
        const short = ledger.reserve(order.id, order.store_id, causeOf(order, request, at, actor));
        return short.length ? shortRefusal(short) : null;
      }
      if (ledger.shortages(order.id, order.store_id).length > 0 || partnerShort(order, order.store_id)) return null;
      return '在庫が足りているため欠品登録できません。F11 在庫確認で在庫を確保してください。';
    },
    applied(order, to, request, at, actor) {
      if (to === 'cancelled') ledger.release(order.id, causeOf(order, request, at, actor));
      else if (to === 'shipped') ledger.consume(order.id, causeOf(order, request, at, actor));
      if (!order.store_id) return;
      if (request.operation === 'stock_ok') ledger.resolveShortages(order.id, at);
      else if (request.operation === 'stock_shortage') {
        ledger.recordShortages(order.id, order.store_id, ledger.shortages(order.id, order.store_id), at);
      }
    },
  };
}
