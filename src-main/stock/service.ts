import type BetterSqlite3 from 'better-sqlite3';
import type { OrderShortage, StockCheckResult } from '../../src-shared/api/stock.js';
import type { BulkResult } from '../../src-shared/domain/order.js';
import { PARTNER_ORDER_NOS_SQL } from '../bundle/rule.js';
import type { Actor } from '../core/app-context.js';
import { prepareAll } from '../core/statements.js';
import type { StatusEngine } from '../status/engine.js';
import { StockLedger } from './ledger.js';

interface CheckedOrder {
  status: string;
  storeId: string | null;
  buyerName: string;
  bundleGroup: string | null;
}

/** F11 在庫確認 and 欠品登録 (S15), both through the status engine and its stock effect. */
export class StockService {
  readonly ledger: StockLedger;
  private readonly sql: Record<'order' | 'partners', BetterSqlite3.Statement>;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly engine: StatusEngine,
  ) {
    this.ledger = new StockLedger(sqlite);
    this.sql = prepareAll(sqlite, {
      order:
        'SELECT status, store_id AS storeId, buyer_name AS buyerName, bundle_group AS bundleGroup FROM orders WHERE id = ?',
      partners: { pluck: PARTNER_ORDER_NOS_SQL },
    });
  }

  /**
   * Reserves stock for every covered order (oldest first, so the oldest order gets the last
   * unit) and moves it to 在庫確認済 / 入金済; lists what the other orders lack. One
   * IMMEDIATE transaction: the shortage figures are the ones left after the reservations.
   */
  check(orderIds: readonly number[], actor: Actor, now: Date): StockCheckResult {
    return this.sqlite
      .transaction(() => {
        const result = this.engine.apply({ orderIds, operation: 'stock_ok' }, actor, now);
        const shortages: OrderShortage[] = [];
        const refused: BulkResult['refused'] = [];
        for (const refusal of result.refused) {
          const shortage = this.shortageOf(refusal.orderId, refusal.orderNo);
          if (shortage) shortages.push(shortage);
          else refused.push(refusal);
        }
        return { applied: result.applied, refused, shortages };
      })
      .immediate();
  }

  private shortageOf(orderId: number, orderNo: string): OrderShortage | null {
    const order = this.sql.order.get(orderId) as CheckedOrder | undefined;
    if (!order?.storeId || (order.status !== 'new' && order.status !== 'out_of_stock')) return null;
    const lines = this.ledger.shortages(orderId, order.storeId);
    if (lines.length === 0) return null;
    const bundledWith = order.bundleGroup ? (this.sql.partners.all(order.bundleGroup, orderId) as string[]) : [];
    return { orderId, orderNo, buyerName: order.buyerName, lines, bundledWith };
  }

  /** 欠品登録: 欠品あり with the short lines recorded (bundle partners go with them). */
  registerShortage(orderIds: readonly number[], actor: Actor, now: Date): BulkResult {
    return this.engine.apply({ orderIds, operation: 'stock_shortage' }, actor, now);
  }
}
