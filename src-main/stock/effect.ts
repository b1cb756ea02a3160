import type BetterSqlite3 from 'better-sqlite3';
import type { EngineOrder, StatusEffect } from '../status/status-effect.js';
import { describeShortLines, StockLedger } from './ledger.js';

export const NO_STORE_REFUSAL =
  '出荷店舗が指定されていないため在庫を確認できません。F4 拡張の「出荷店舗一括指定」で出荷店舗を指定してください。';

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
    prepare(order, _to, request, at) {
      if (request.operation !== 'stock_ok' && request.operation !== 'stock_shortage') return null;
      if (!order.store_id) return NO_STORE_REFUSAL;
      if (request.operation === 'stock_ok') {
        const short = ledger.reserve(order.id, order.store_id, at);
        return short.length ? `欠品があります: ${describeShortLines(short)}。欠品登録してください。` : null;
      }
      if (ledger.shortages(order.id, order.store_id).length > 0 || partnerShort(order, order.store_id)) return null;
      return '在庫が足りているため欠品登録できません。F11 在庫確認で在庫を確保してください。';
    },
    applied(order, to, request, at) {
      if (to === 'cancelled') ledger.release(order.id);
      else if (to === 'shipped') ledger.consume(order.id);
      if (!order.store_id) return;
      if (request.operation === 'stock_ok') ledger.resolveShortages(order.id, at);
      else if (request.operation === 'stock_shortage') {
        ledger.recordShortages(order.id, order.store_id, ledger.shortages(order.id, order.store_id), at);
      }
    },
  };
}
