import type BetterSqlite3 from 'better-sqlite3';
import type { WireHolding, WireStock } from '../../src-shared/sync/stock-wire.js';
import { prepareAll } from '../core/statements.js';
import { StockLedger, type StockCause } from './ledger.js';

const SQL = {
  order: 'SELECT order_no AS orderNo, store_id AS storeId, status FROM orders WHERE id = ?',
  // The SKUs of orders with a status change not yet sent (a reservation, shipment or cancellation).
  busyOrders: `SELECT DISTINCT o.store_id AS storeId, i.sku FROM sync_outbox x
               JOIN orders o ON o.id = CAST(x.entity_id AS INTEGER) JOIN order_items i ON i.order_id = o.id
               WHERE x.state = 'pending' AND x.entity = 'order' AND x.kind = 'status' AND o.store_id IS NOT NULL`,
  // Stock operations not yet sent carry their lines.
  busyStock: `SELECT j.value ->> 'storeId' AS storeId, j.value ->> 'sku' AS sku FROM sync_outbox x,
                json_each(x.payload, '$.lines') AS j WHERE x.state = 'pending' AND x.entity = 'stock'`,
} as const;

const key = (storeId: string, sku: string) => `${storeId}\u0000${sku}`;

/** What the PC writes in its ledger for a change made elsewhere: the server's word for who and why. */
function remoteCause(row: WireStock): StockCause {
  const move = row.move;
  if (!move)
    return { at: row.updatedAt, actor: { operator: '', pcId: '' }, reason: '中央サーバーの在庫に合わせました' };
  return {
    at: move.at,
    actor: { operator: move.operator, pcId: move.pcId },
    reason: move.reason ? `${move.reason}（他の端末）` : '他の端末での変更',
  };
}

/** Who changed an order elsewhere, as its pulled history says (for the ledger rows of its units). */
export interface RemoteActor {
  at: string;
  operator: string;
  pcId: string;
}

/**
 * A store PC's side of the one stock truth (N2): what a pull brings — the central server's
 * rows (on hand, 棚番, name, JAN) and what each pulled order holds — taken into the local
 * stock through the ledger, so `reserved = Σ reservations` and `0 ≤ reserved ≤ on hand`
 * hold after every page. SKUs with local changes not yet sent keep their local state: the
 * push that follows brings the server's verdict, and the row comes again with its change.
 */
export class StockSync {
  private readonly sql: Record<keyof typeof SQL, BetterSqlite3.Statement>;

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly ledger = new StockLedger(sqlite),
  ) {
    this.sql = prepareAll(sqlite, SQL);
  }

  /** Stores and SKUs with local stock changes not yet sent. */
  busy(): Set<string> {
    const rows = [...this.sql.busyOrders.all(), ...this.sql.busyStock.all()] as { storeId: string; sku: string }[];
    return new Set(rows.map((r) => key(r.storeId, r.sku)));
  }

  /**
   * The pulled order holds what the server says it holds (nothing when it is not listed).
   * An order shipped elsewhere gives its units up as 出荷; on hand falls with the row.
   */
  hold(orderId: number, holding: WireHolding | undefined, by: RemoteActor, reason: string): void {
    const order = this.sql.order.get(orderId) as
      { orderNo: string; storeId: string | null; status: string } | undefined;
    if (!order) return;
    const lines = holding?.lines ?? [];
    const cause: StockCause = {
      at: by.at,
      actor: { operator: by.operator, pcId: by.pcId },
      reason,
      order: { id: orderId, no: order.orderNo },
    };
    if (!order.storeId) {
      this.ledger.release(orderId, cause);
      return;
    }
    this.ledger.holdExactly(orderId, order.storeId, lines, order.status === 'shipped' ? 'consume' : 'release', cause);
  }

  /** Gives back what an order held before its copy leaves this PC. */
  forget(orderId: number, at: string): void {
    this.ledger.release(orderId, { at, actor: { operator: '', pcId: '' }, reason: '担当外になった注文（同期）' });
  }

  /**
   * Takes the server's rows, except those of busy SKUs and any that would fall below what this
   * PC's orders hold (both come again). `fresh`: a first sync, copied without ledger rows.
   */
  mirror(rows: readonly WireStock[], busy: ReadonlySet<string>, fresh: boolean): number {
    let taken = 0;
    for (const row of rows) {
      if (busy.has(key(row.storeId, row.sku))) continue;
      const setting = {
        storeId: row.storeId,
        sku: row.sku,
        onHand: row.onHand,
        location: row.location,
        jan: row.jan,
        title: row.title,
        updatedAt: row.updatedAt,
      };
      if (this.ledger.mirror(row.move?.kind ?? 'adjust', setting, fresh ? null : remoteCause(row))) taken += 1;
    }
    return taken;
  }
}
