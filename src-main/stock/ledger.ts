import type BetterSqlite3 from 'better-sqlite3';
import type { ShortLine } from '../../src-shared/api/stock.js';

interface Need {
  sku: string;
  title: string;
  needed: number;
}

/**
 * The store's stock book (S15). Every method runs inside the caller's transaction, which is
 * what makes a check-then-reserve atomic: no other writer can take the units in between.
 * Invariant kept here: stock.reserved = SUM(stock_reservations.quantity) per (sku, store).
 */
export class StockLedger {
  private readonly needsStmt: BetterSqlite3.Statement;
  private readonly availableStmt: BetterSqlite3.Statement;
  private readonly heldStmt: BetterSqlite3.Statement;
  private readonly reserveStmt: BetterSqlite3.Statement;
  private readonly insertReservation: BetterSqlite3.Statement;
  private readonly releaseStmt: BetterSqlite3.Statement;
  private readonly consumeStmt: BetterSqlite3.Statement;
  private readonly deleteReservations: BetterSqlite3.Statement;
  private readonly insertShortage: BetterSqlite3.Statement;
  private readonly resolveStmt: BetterSqlite3.Statement;

  constructor(sqlite: BetterSqlite3.Database) {
    this.needsStmt = sqlite.prepare(
      `SELECT sku, min(title) AS title, sum(quantity) AS needed FROM order_items
       WHERE order_id = ? GROUP BY sku ORDER BY min(line_no)`,
    );
    this.availableStmt = sqlite
      .prepare('SELECT on_hand - reserved AS available FROM stock WHERE sku = ? AND store_id = ?')
      .pluck();
    this.heldStmt = sqlite.prepare(
      'SELECT sku, store_id AS storeId, quantity FROM stock_reservations WHERE order_id = ?',
    );
    this.reserveStmt = sqlite.prepare('UPDATE stock SET reserved = reserved + ? WHERE sku = ? AND store_id = ?');
    this.insertReservation = sqlite.prepare(
      'INSERT INTO stock_reservations (order_id, sku, store_id, quantity, reserved_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.releaseStmt = sqlite.prepare('UPDATE stock SET reserved = reserved - ? WHERE sku = ? AND store_id = ?');
    this.consumeStmt = sqlite.prepare(
      'UPDATE stock SET reserved = reserved - ?, on_hand = on_hand - ? WHERE sku = ? AND store_id = ?',
    );
    this.deleteReservations = sqlite.prepare('DELETE FROM stock_reservations WHERE order_id = ?');
    this.insertShortage = sqlite.prepare(
      `INSERT INTO stock_shortages (order_id, sku, store_id, needed, available, registered_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.resolveStmt = sqlite.prepare(
      'UPDATE stock_shortages SET resolved_at = ? WHERE order_id = ? AND resolved_at IS NULL',
    );
  }

  private needs(orderId: number): Need[] {
    return this.needsStmt.all(orderId) as Need[];
  }

  private available(sku: string, storeId: string): number {
    const value = this.availableStmt.get(sku, storeId) as number | undefined;
    return Math.max(0, value ?? 0);
  }

  /** The order's lines the store cannot cover now (empty when everything is in stock). */
  shortages(orderId: number, storeId: string): ShortLine[] {
    const short: ShortLine[] = [];
    for (const need of this.needs(orderId)) {
      const available = this.available(need.sku, storeId);
      if (available < need.needed) short.push({ ...need, available });
    }
    return short;
  }

  /**
   * Reserves every line of the order, or nothing: returns the short lines when any line
   * cannot be covered, having written nothing.
   */
  reserve(orderId: number, storeId: string, at: string): ShortLine[] {
    const needs = this.needs(orderId);
    const short = needs
      .map((need) => ({ ...need, available: this.available(need.sku, storeId) }))
      .filter((line) => line.available < line.needed);
    if (short.length > 0) return short;
    for (const need of needs) {
      this.reserveStmt.run(need.needed, need.sku, storeId);
      this.insertReservation.run(orderId, need.sku, storeId, need.needed, at);
    }
    return [];
  }

  /** Gives the order's reserved units back to the store (cancellation). */
  release(orderId: number): void {
    const held = this.held(orderId);
    if (held.length === 0) return;
    for (const h of held) this.releaseStmt.run(h.quantity, h.sku, h.storeId);
    this.deleteReservations.run(orderId);
  }

  /** The order's reserved units leave the store with the parcel (ship confirmation). */
  consume(orderId: number): void {
    const held = this.held(orderId);
    if (held.length === 0) return;
    for (const h of held) this.consumeStmt.run(h.quantity, h.quantity, h.sku, h.storeId);
    this.deleteReservations.run(orderId);
  }

  held(orderId: number): { sku: string; storeId: string; quantity: number }[] {
    return this.heldStmt.all(orderId) as { sku: string; storeId: string; quantity: number }[];
  }

  recordShortages(orderId: number, storeId: string, lines: readonly ShortLine[], at: string): void {
    for (const line of lines) this.insertShortage.run(orderId, line.sku, storeId, line.needed, line.available, at);
  }

  resolveShortages(orderId: number, at: string): void {
    this.resolveStmt.run(at, orderId);
  }
}

/** 「SKU（必要 2 / 在庫 1）」 for refusal messages. */
export function describeShortLines(lines: readonly ShortLine[]): string {
  return lines.map((l) => `${l.sku}（必要 ${l.needed} / 在庫 ${l.available}）`).join('、');
}
