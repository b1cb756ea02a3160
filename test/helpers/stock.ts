import type BetterSqlite3 from 'better-sqlite3';
import { sjis, upload } from './order-files.js';

/** Puts `onHand` units of each SKU in a store's stock (reserved 0). */
export function stockUp(sqlite: BetterSqlite3.Database, storeId: string, onHand: Record<string, number>): void {
  const insert = sqlite.prepare(
    `INSERT INTO stock (sku, store_id, on_hand, reserved) VALUES (?, ?, ?, 0)
     ON CONFLICT (sku, store_id) DO UPDATE SET on_hand = excluded.on_hand`,
  );
  for (const [sku, n] of Object.entries(onHand)) insert.run(sku, storeId, n);
}

export function stockOf(
  sqlite: BetterSqlite3.Database,
  sku: string,
  storeId = 'tokyo',
): { onHand: number; reserved: number } {
  return sqlite
    .prepare('SELECT on_hand AS onHand, reserved FROM stock WHERE sku = ? AND store_id = ?')
    .get(sku, storeId) as {
    onHand: number;
    reserved: number;
  };
}

/**
 * The ledger's invariant (S15), as violations (empty when it holds): every stock row's
 * reserved count equals what the reservations hold, reservations belong only to open
 * stock-checked orders, and nothing is negative or over-reserved.
 */
export function reservationViolations(sqlite: BetterSqlite3.Database): string[] {
  const out: string[] = [];
  const rows = sqlite
    .prepare(
      `SELECT s.sku, s.store_id AS storeId, s.on_hand AS onHand, s.reserved,
         coalesce((SELECT sum(quantity) FROM stock_reservations r WHERE r.sku = s.sku AND r.store_id = s.store_id), 0) AS held
       FROM stock s`,
    )
    .all() as { sku: string; storeId: string; onHand: number; reserved: number; held: number }[];
  for (const r of rows) {
    if (r.reserved !== r.held)
      out.push(`${r.sku}@${r.storeId}: reserved ${r.reserved} but reservations hold ${r.held}`);
    if (r.reserved < 0 || r.onHand < 0 || r.reserved > r.onHand)
      out.push(`${r.sku}@${r.storeId}: on_hand ${r.onHand}, reserved ${r.reserved}`);
  }
  const stray = sqlite
    .prepare(
      `SELECT r.order_id AS id, o.status FROM stock_reservations r LEFT JOIN orders o ON o.id = r.order_id
       WHERE o.status IS NULL OR o.status NOT IN ('stock_confirmed', 'paid', 'awaiting_shipment')`,
    )
    .all() as { id: number; status: string | null }[];
  for (const s of stray) out.push(`order ${s.id} in ${s.status ?? 'nowhere'} still holds stock`);
  const orphan = sqlite
    .prepare(
      'SELECT count(*) FROM stock_reservations r WHERE NOT EXISTS (SELECT 1 FROM stock s WHERE s.sku = r.sku AND s.store_id = r.store_id)',
    )
    .pluck()
    .get() as number;
  if (orphan > 0) out.push(`${orphan} reservations without a stock row`);
  return out;
}

/** The three demo stores (東京本店 is head office), which stock files name by id or name. */
export function addStores(sqlite: BetterSqlite3.Database): void {
  const insert = sqlite.prepare(
    `INSERT OR IGNORE INTO stores (id, name, postal_code, address, phone, is_head_office, sort_order)
     VALUES (?, ?, '', '', '', ?, ?)`,
  );
  insert.run('tokyo', '東京本店', 1, 0);
  insert.run('osaka', '大阪倉庫店', 0, 1);
  insert.run('fukuoka', '福岡出荷センター', 0, 2);
}

/** A stock file's text: a header and rows, comma-separated, quoted where needed, CRLF. */
export function stockCsv(rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => {
    const text = String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export interface LedgerRow {
  kind: string;
  onHandBefore: number;
  onHandAfter: number;
  reservedBefore: number;
  reservedAfter: number;
  orderNo: string | null;
  operator: string;
  pcId: string;
  reason: string;
}

/** A SKU's ledger rows, oldest first. */
export function ledgerOf(sqlite: BetterSqlite3.Database, sku: string, storeId = 'tokyo'): LedgerRow[] {
  return sqlite
    .prepare(
      `SELECT kind, on_hand_before AS onHandBefore, on_hand_after AS onHandAfter, reserved_before AS reservedBefore,
         reserved_after AS reservedAfter, order_no AS orderNo, operator, pc_id AS pcId, reason
       FROM stock_ledger WHERE sku = ? AND store_id = ? ORDER BY id`,
    )
    .all(sku, storeId) as LedgerRow[];
}

/** The body of POST /intake/stock: a Shift_JIS stock file of rows [商品コード, 店舗, 在庫数]. */
export function stockIntakeBody(lines: readonly [sku: string, storeId: string, count: number][], mode = 'count') {
  return { file: upload('stock.csv', sjis(stockCsv([['商品コード', '店舗', '在庫数'], ...lines]))), mode };
}
