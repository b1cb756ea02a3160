import { sql, type SQL } from 'drizzle-orm';
import type { StockMoveKind } from '../../src-shared/api/stock.js';
import { belowReserved, shortLines, shortRefusal, type StockNeed } from '../../src-shared/domain/stock.js';
import type { ChangeNumbers } from '../db/changes.js';
import { idList, jsonRows, writeTogether, type ServerDb } from '../db/open.js';

/** Why the stock moved: when, who (operator, PC, client), why, the order where there is one. */
export interface ServerStockCause {
  at: string;
  operator: string;
  pcId: string;
  reason: string;
  clientId: number | null;
  order?: { id: number; no: string };
}

/** A count, receipt or adjustment of one SKU at one store; absent attributes stay. */
interface StockLine {
  storeId: string;
  sku: string;
  onHand: number;
  location?: string;
  jan?: string;
  title?: string;
}

interface Row {
  storeId: string;
  sku: string;
  onHand: number;
  reserved: number;
  location: string;
  jan: string;
  title: string;
  changed: boolean;
}

interface Held {
  sku: string;
  storeId: string;
  quantity: number;
}

interface Entry {
  storeId: string;
  sku: string;
  kind: StockMoveKind;
  onHandBefore: number;
  onHandAfter: number;
  reservedBefore: number;
  reservedAfter: number;
  at: string;
  operator: string;
  pcId: string;
  reason: string;
  orderId: number | null;
  orderNo: string | null;
  clientId: number | null;
}

const key = (storeId: string, sku: string) => `${storeId}\u0000${sku}`;

/**
 * The central stock book for one writing transaction (N2): the rows, reservations and order
 * needs it touches are read once (rows locked), judged and changed in memory in the order
 * the operations come — so of two reservations of the last unit the first wins and the
 * second is refused — and written set-based at the end with their ledger rows. The rules
 * are the PCs' own (src-shared/domain/stock.ts).
 */
export class StockWorking {
  private readonly entries: Entry[] = [];
  /** Orders whose reservations changed: their rows are replaced at the end. */
  private readonly touchedOrders = new Set<number>();

  private constructor(
    private readonly rows: Map<string, Row>,
    private readonly held: Map<number, Held[]>,
    private readonly needs: Map<number, StockNeed[]>,
  ) {}

  /** Reads (and locks) the rows of these SKUs, and the needs and reservations of these orders. */
  static async load(
    tx: ServerDb,
    keys: readonly { storeId: string; sku: string }[],
    orders: readonly { id: number; storeId: string | null }[],
  ): Promise<StockWorking> {
    // The lines go by an id array (`= ANY`), which the planner counts: joined with a JSON record
    // set, which it guesses at 100 rows, a young database's order lines are read whole even for
    // a push of one order. The reservations keep the join: asked for 2,000 orders by an array,
    // the planner reads the whole table (19 ms against 6 ms by key, 150,000 reservations).
    const needs = await jsonRows<{ orderId: number; sku: string; title: string; needed: number }>(
      tx,
      sql`SELECT i.order_id AS "orderId", i.sku, min(i.title) AS title, sum(i.quantity)::int AS needed
          FROM order_items i WHERE i.order_id = ANY(${idList(orders.map((o) => o.id))}::int[])
          GROUP BY i.order_id, i.sku HAVING sum(i.quantity) > 0 ORDER BY i.order_id, min(i.line_no)`,
    );
    const held = await jsonRows<Held & { orderId: number }>(
      tx,
      sql`SELECT r.order_id AS "orderId", r.sku, r.store_id AS "storeId", r.quantity FROM stock_reservations r
          JOIN jsonb_to_recordset(${JSON.stringify(orders.map((o) => ({ id: o.id })))}::jsonb) AS k(id int) ON k.id = r.order_id`,
    );
    const storeOf = new Map(orders.map((o) => [o.id, o.storeId]));
    const wanted = new Map(keys.map((k) => [key(k.storeId, k.sku), k]));
    for (const n of needs) {
      const storeId = storeOf.get(n.orderId);
      if (storeId) wanted.set(key(storeId, n.sku), { storeId, sku: n.sku });
    }
    for (const h of held) wanted.set(key(h.storeId, h.sku), h);
    const found = wanted.size
      ? await jsonRows<Omit<Row, 'changed'>>(
          tx,
          sql`SELECT s.store_id AS "storeId", s.sku, s.on_hand AS "onHand", s.reserved, s.location, s.jan, s.title
              FROM stock s JOIN jsonb_to_recordset(${JSON.stringify([...wanted.values()])}::jsonb) AS k("storeId" text, sku text)
                ON s.store_id = k."storeId" AND s.sku = k.sku
              FOR UPDATE OF s`,
        )
      : [];
    const rows = new Map(found.map((r) => [key(r.storeId, r.sku), { ...r, changed: false }]));
    const needsOf = new Map<number, StockNeed[]>();
    for (const n of needs) {
      const list = needsOf.get(n.orderId) ?? [];
      list.push({ sku: n.sku, title: n.title, needed: n.needed });
      needsOf.set(n.orderId, list);
    }
    const heldOf = new Map<number, Held[]>();
    for (const h of held) heldOf.set(h.orderId, [...(heldOf.get(h.orderId) ?? []), h]);
    return new StockWorking(rows, heldOf, needsOf);
  }

  private move(kind: StockMoveKind, row: Row, onHand: number, reserved: number, cause: ServerStockCause): void {
    this.entries.push({
      storeId: row.storeId,
      sku: row.sku,
      kind,
      onHandBefore: row.onHand,
      onHandAfter: row.onHand + onHand,
      reservedBefore: row.reserved,
      reservedAfter: row.reserved + reserved,
      at: cause.at,
      operator: cause.operator,
      pcId: cause.pcId,
      reason: cause.reason,
      orderId: cause.order?.id ?? null,
      orderNo: cause.order?.no ?? null,
      clientId: cause.clientId,
    });
    row.onHand += onHand;
    row.reserved += reserved;
    row.changed = true;
  }

  /** Reserves every line of the order at its store, or refuses (changing nothing) with what is short. */
  reserve(orderId: number, storeId: string, cause: ServerStockCause): string | null {
    if (this.held.get(orderId)?.length) return null;
    const needs = this.needs.get(orderId) ?? [];
    const rowOf = (sku: string) => this.rows.get(key(storeId, sku));
    const short = shortLines(needs, (sku) => {
      const row = rowOf(sku);
      return row ? row.onHand - row.reserved : 0;
    });
    if (short.length > 0) return shortRefusal(short);
    for (const need of needs) this.move('reserve', rowOf(need.sku)!, 0, need.needed, cause);
    this.held.set(
      orderId,
      needs.map((n) => ({ sku: n.sku, storeId, quantity: n.needed })),
    );
    this.touchedOrders.add(orderId);
    return null;
  }

  /** Gives the order's units back (cancellation) or lets them leave with the parcel (shipment). */
  settle(orderId: number, kind: 'release' | 'consume', cause: ServerStockCause): void {
    const held = this.held.get(orderId) ?? [];
    for (const h of held) {
      const row = this.rows.get(key(h.storeId, h.sku));
      if (row) this.move(kind, row, kind === 'consume' ? -h.quantity : 0, -h.quantity, cause);
    }
    if (held.length > 0) this.touchedOrders.add(orderId);
    this.held.set(orderId, []);
  }

  /** What the order holds now, for the PC that asked (its copy takes these). */
  holding(orderId: number): { sku: string; quantity: number }[] {
    return (this.held.get(orderId) ?? []).map((h) => ({ sku: h.sku, quantity: h.quantity }));
  }

  /** Sets a count (棚卸, 入荷, 手動調整), or refuses one below what orders hold. */
  set(kind: StockMoveKind, line: StockLine, cause: ServerStockCause): string | null {
    const k = key(line.storeId, line.sku);
    let row = this.rows.get(k);
    const refusal = belowReserved(line.onHand, row?.reserved ?? 0);
    if (refusal) return refusal;
    if (!row) {
      row = {
        storeId: line.storeId,
        sku: line.sku,
        onHand: 0,
        reserved: 0,
        location: '',
        jan: '',
        title: '',
        changed: true,
      };
      this.rows.set(k, row);
    }
    row.location = line.location ?? row.location;
    row.jan = line.jan ?? row.jan;
    row.title = line.title ?? row.title;
    this.move(kind, row, line.onHand - row.onHand, 0, cause);
    return null;
  }

  /** The row as it stands in this transaction. */
  row(storeId: string, sku: string): Readonly<Omit<Row, 'changed'>> | undefined {
    return this.rows.get(key(storeId, sku));
  }

  /** How many change numbers the changed rows take (numberedWrites). */
  get numbersNeeded(): number {
    return [...this.rows.values()].filter((r) => r.changed).length;
  }

  private get at(): string {
    return this.entries.at(-1)?.at ?? new Date().toISOString();
  }

  /** Replaces the touched orders' reservations (they carry no change number). */
  async writeReservations(tx: ServerDb): Promise<void> {
    if (this.touchedOrders.size === 0) return;
    const ids = [...this.touchedOrders];
    await tx.execute(sql`DELETE FROM stock_reservations WHERE order_id = ANY(${idList(ids)}::int[])`);
    const held = ids.flatMap((orderId) => (this.held.get(orderId) ?? []).map((h) => ({ orderId, ...h })));
    if (held.length > 0) {
      await tx.execute(
        sql`INSERT INTO stock_reservations (order_id, store_id, sku, quantity, reserved_at)
            SELECT "orderId", "storeId", sku, quantity, ${this.at}
            FROM jsonb_to_recordset(${JSON.stringify(held)}::jsonb) AS h("orderId" int, "storeId" text, sku text, quantity int)`,
      );
    }
  }

  /**
   * The statements (for writeTogether) that write each changed row with a new change number
   * — taken after the orders' own, so a PC never sees a row's units move before the orders
   * that moved them — and the ledger rows.
   */
  numberedWrites(numbers: ChangeNumbers): SQL[] {
    const changed = [...this.rows.values()].filter((r) => r.changed);
    const seqOf = new Map<string, number>();
    const records = changed.map((r) => {
      const seq = numbers.next();
      seqOf.set(key(r.storeId, r.sku), seq);
      return {
        storeId: r.storeId,
        sku: r.sku,
        onHand: r.onHand,
        reserved: r.reserved,
        location: r.location,
        jan: r.jan,
        title: r.title,
        seq,
      };
    });
    const writes: SQL[] = [];
    if (records.length > 0) {
      writes.push(
        sql`INSERT INTO stock (store_id, sku, on_hand, reserved, location, jan, title, updated_at, seq)
            SELECT "storeId", sku, "onHand", reserved, location, jan, title, ${this.at}, seq
            FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
              AS x("storeId" text, sku text, "onHand" int, reserved int, location text, jan text, title text, seq bigint)
            ON CONFLICT (store_id, sku) DO UPDATE SET on_hand = excluded.on_hand, reserved = excluded.reserved,
              location = excluded.location, jan = excluded.jan, title = excluded.title,
              updated_at = excluded.updated_at, seq = excluded.seq`,
      );
    }
    if (this.entries.length > 0) {
      const entries = this.entries.map((e) => ({ ...e, seq: seqOf.get(key(e.storeId, e.sku)) ?? 0 }));
      writes.push(
        sql`INSERT INTO stock_ledger (seq, at, store_id, sku, kind, on_hand_before, on_hand_after, reserved_before,
              reserved_after, order_id, order_no, operator, pc_id, reason, origin_client_id)
            SELECT seq, at, "storeId", sku, kind, "onHandBefore", "onHandAfter", "reservedBefore", "reservedAfter",
              "orderId", "orderNo", operator, "pcId", reason, "clientId"
            FROM jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) AS e(seq bigint, at text, "storeId" text, sku text,
              kind text, "onHandBefore" int, "onHandAfter" int, "reservedBefore" int, "reservedAfter" int,
              "orderId" int, "orderNo" text, operator text, "pcId" text, reason text, "clientId" int)`,
      );
    }
    return writes;
  }

  /** Writes what changed: the reservations, then the numbered rows with their ledger as one statement. */
  async flush(tx: ServerDb, numbers: ChangeNumbers): Promise<void> {
    await this.writeReservations(tx);
    await writeTogether(tx, this.numberedWrites(numbers));
  }
}
