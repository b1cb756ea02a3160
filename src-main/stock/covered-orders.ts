import type BetterSqlite3 from 'better-sqlite3';
import type { CoveredOffer, CoveredOrder } from '../../src-shared/api/stock-import.js';
import { prepareAll } from '../core/statements.js';

interface ShortOrder {
  id: number;
  orderNo: string;
  orderedAt: string;
  buyerName: string;
  storeId: string;
  bundleGroup: string | null;
}

interface Unit {
  /** The 欠品あり orders offered (a bundle's other members go with them). */
  offered: ShortOrder[];
  partners: string[];
  storeId: string;
  orderedAt: string;
  firstId: number;
  needs: Map<string, number>;
}

const SHOWN = 500;

const SQL = {
  short: `SELECT o.id, o.order_no AS orderNo, o.ordered_at AS orderedAt, o.buyer_name AS buyerName,
            o.store_id AS storeId, o.bundle_group AS bundleGroup
          FROM orders o WHERE o.store_id = ? AND o.status = 'out_of_stock'`,
  needs: `SELECT i.order_id AS orderId, i.sku, sum(i.quantity) AS quantity FROM orders o
          JOIN order_items i ON i.order_id = o.id
          WHERE o.store_id = ? AND o.status = 'out_of_stock' GROUP BY i.order_id, i.sku`,
  // The members F11 moves with a bundle: those that take the stock check (新規 and 欠品あり).
  members: `SELECT o.id, o.order_no AS orderNo, o.ordered_at AS orderedAt, o.status FROM orders o
            WHERE o.bundle_group = ? ORDER BY o.ordered_at, o.id`,
  memberNeeds: 'SELECT sku, sum(quantity) AS quantity FROM order_items WHERE order_id = ? GROUP BY sku',
  available: { pluck: 'SELECT on_hand - reserved FROM stock WHERE sku = ? AND store_id = ?' },
  stores: { pluck: "SELECT DISTINCT store_id FROM orders WHERE status = 'out_of_stock' AND store_id IS NOT NULL" },
} as const;

/**
 * Receiving releases shortages (N1): the 欠品あり orders the store's stock covers now, oldest
 * first, each taking its units from what is left after the older ones — the order and the
 * rule of F11's own reservations, so the F11 that follows reserves exactly these (unless
 * the stock moves in between, when F11 judges again as always). A bundle counts as one: its
 * members that F11 would move with it need their units too.
 */
export class CoveredOrders {
  private readonly sql: Record<keyof typeof SQL, BetterSqlite3.Statement>;

  constructor(sqlite: BetterSqlite3.Database) {
    this.sql = prepareAll(sqlite, SQL);
  }

  /**
   * The covered orders of each store in `targets` (those with a line of its SKUs, or any
   * when the set is null); every store with 欠品あり orders when `targets` is null.
   */
  find(targets: ReadonlyMap<string, ReadonlySet<string> | null> | null): CoveredOffer {
    const stores = targets ?? new Map((this.sql.stores.all() as string[]).map((id) => [id, null]));
    const covered: CoveredOrder[] = [];
    for (const [storeId, skus] of stores) covered.push(...this.coveredAt(storeId, skus ?? undefined));
    covered.sort((a, b) => a.orderedAt.localeCompare(b.orderedAt) || a.orderId - b.orderId);
    return { orderIds: covered.map((c) => c.orderId), orders: covered.slice(0, SHOWN) };
  }

  private coveredAt(storeId: string, skus: ReadonlySet<string> | undefined): CoveredOrder[] {
    const units = this.unitsAt(storeId).filter((u) => !skus || [...u.needs.keys()].some((s) => skus.has(s)));
    units.sort((a, b) => a.orderedAt.localeCompare(b.orderedAt) || a.firstId - b.firstId);
    const left = new Map<string, number>();
    const available = (sku: string) => {
      let n = left.get(sku);
      if (n === undefined) {
        n = Math.max(0, (this.sql.available.get(sku, storeId) as number | undefined) ?? 0);
        left.set(sku, n);
      }
      return n;
    };
    const out: CoveredOrder[] = [];
    for (const unit of units) {
      if ([...unit.needs].some(([sku, q]) => available(sku) < q)) continue;
      for (const [sku, q] of unit.needs) left.set(sku, available(sku) - q);
      for (const o of unit.offered) {
        const bundledWith = unit.partners.filter((no) => no !== o.orderNo);
        out.push({
          orderId: o.id,
          orderNo: o.orderNo,
          orderedAt: o.orderedAt,
          buyerName: o.buyerName,
          storeId,
          bundledWith,
        });
      }
    }
    return out;
  }

  /** The store's 欠品あり orders as F11 units, with what each unit needs per SKU. */
  private unitsAt(storeId: string): Unit[] {
    const orders = this.sql.short.all(storeId) as ShortOrder[];
    const needs = new Map<number, Map<string, number>>();
    for (const n of this.sql.needs.all(storeId) as { orderId: number; sku: string; quantity: number }[]) {
      let m = needs.get(n.orderId);
      if (!m) needs.set(n.orderId, (m = new Map()));
      m.set(n.sku, n.quantity);
    }
    const units: Unit[] = [];
    const bundles = new Map<string, Unit>();
    for (const order of orders) {
      if (order.bundleGroup === null) {
        const own = needs.get(order.id) ?? new Map<string, number>();
        units.push({
          offered: [order],
          partners: [],
          storeId,
          orderedAt: order.orderedAt,
          firstId: order.id,
          needs: own,
        });
        continue;
      }
      const known = bundles.get(order.bundleGroup);
      if (known) known.offered.push(order);
      else {
        const unit = this.bundleUnit(order, storeId);
        bundles.set(order.bundleGroup, unit);
        units.push(unit);
      }
    }
    return units;
  }

  private bundleUnit(order: ShortOrder, storeId: string): Unit {
    const members = this.sql.members.all(order.bundleGroup) as {
      id: number;
      orderNo: string;
      orderedAt: string;
      status: string;
    }[];
    const needs = new Map<string, number>();
    for (const m of members) {
      if (m.status !== 'new' && m.status !== 'out_of_stock') continue;
      for (const n of this.sql.memberNeeds.all(m.id) as { sku: string; quantity: number }[])
        needs.set(n.sku, (needs.get(n.sku) ?? 0) + n.quantity);
    }
    const first = members[0] ?? { id: order.id, orderedAt: order.orderedAt };
    return {
      offered: [order],
      partners: members.map((m) => m.orderNo),
      storeId,
      orderedAt: first.orderedAt,
      firstId: first.id,
      needs,
    };
  }
}
