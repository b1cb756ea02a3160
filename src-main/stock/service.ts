import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../src-shared/api/errors.js';
import type { CoveredOffer } from '../../src-shared/api/stock-import.js';
import type { OrderShortage, StockCheckResult, StockRow } from '../../src-shared/api/stock.js';
import type { BulkResult } from '../../src-shared/domain/order.js';
import { PARTNER_ORDER_NOS_SQL } from '../bundle/rule.js';
import type { Actor } from '../core/app-context.js';
import { prepareAll } from '../core/statements.js';
import type { StatusEngine } from '../status/engine.js';
import { CoveredOrders } from './covered-orders.js';
import { StockLedger } from './ledger.js';
import { StockImports } from './stock-import.js';
import { StockList } from './stock-list.js';
import { StockMappings } from './stock-mappings.js';

interface CheckedOrder {
  status: string;
  storeId: string | null;
  buyerName: string;
  bundleGroup: string | null;
}

/**
 * Stock (S15, N1): F11 在庫確認 and 欠品登録 through the status engine and its stock effect;
 * 在庫一覧 (list, ledger, CSV), 在庫データ取込 and adjustment by hand through the ledger;
 * and the 欠品あり orders that new stock covers.
 */
export class StockService {
  readonly ledger: StockLedger;
  readonly list: StockList;
  readonly mappings: StockMappings;
  readonly covered: CoveredOrders;
  readonly imports: StockImports;
  private readonly sql: Record<'order' | 'partners', BetterSqlite3.Statement>;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly engine: StatusEngine,
  ) {
    this.ledger = new StockLedger(sqlite);
    this.list = new StockList(sqlite);
    this.mappings = new StockMappings(sqlite);
    this.covered = new CoveredOrders(sqlite);
    this.imports = new StockImports(sqlite, this.ledger, this.mappings, this.covered);
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

  /**
   * 手動調整: sets a row's 在庫数 and 棚番 with the clerk's reason, in one transaction; a
   * count below what orders hold is refused. Offers the 欠品あり orders a raise now covers.
   */
  adjust(
    input: { sku: string; storeId: string; onHand: number; location: string; reason: string },
    actor: Actor,
    now: Date,
  ): { row: StockRow; offer: CoveredOffer } {
    if (actor.storeId !== null && input.storeId !== actor.storeId)
      throw new UserError('この PC では他の店舗の在庫は調整できません。本部の PC で調整してください。', 'store');
    const before = this.sqlite
      .transaction(() => {
        const state = this.ledger.state(input.sku, input.storeId);
        if (!state)
          throw new UserError(
            `商品コード「${input.sku}」はこの店舗の在庫にありません。在庫データ取込で登録してください。`,
            'not_found',
          );
        const moved =
          state.location !== input.location
            ? `（棚番 ${state.location || '未設定'} → ${input.location || '未設定'}）`
            : '';
        const cause = { at: now.toISOString(), actor, reason: `${input.reason}${moved}` };
        const refusal = this.ledger.set('adjust', input, cause, state);
        if (refusal) throw new UserError(refusal, 'below_reserved');
        return state;
      })
      .immediate();
    const raised = input.onHand > before.onHand;
    const offer = raised
      ? this.covered.find(new Map([[input.storeId, new Set([input.sku])]]))
      : { orderIds: [], orders: [] };
    return { row: this.list.row(input.sku, input.storeId)!, offer };
  }

  /** The 欠品あり orders covered now: of one store (a store PC: its own) and these SKUs, or all. */
  coveredFor(storeId: string | undefined, skus: readonly string[] | undefined, ownStore: string | null): CoveredOffer {
    const store = ownStore ?? storeId;
    if (store === undefined) return this.covered.find(null);
    return this.covered.find(new Map([[store, skus ? new Set(skus) : null]]));
  }
}
