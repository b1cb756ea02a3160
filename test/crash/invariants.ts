import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../src-main/db/open.js';
import { MIGRATIONS } from '../helpers/test-app.js';

/** Statuses in which an order may hold stock (stock-ledger.ts invariant). */
const HOLDING = `('stock_confirmed', 'paid', 'awaiting_shipment')`;

/**
 * Cross-table rules that every committed state of a store database satisfies, whatever
 * operation was running when the process died. Each entry: a label and a query returning
 * the violating rows (empty = holds). Tables added by later features join this list.
 */
const RULES: { label: string; sql: string; needs: string[] }[] = [
  {
    label: 'tab_counts agree with the orders (triggers)',
    needs: ['tab_counts'],
    sql: `WITH actual AS (
            SELECT status AS tab, count(*) AS n FROM orders GROUP BY status
            UNION ALL SELECT 'mail_unsent', count(*) FROM orders WHERE mail_due = 1)
          SELECT t.tab, t.n, coalesce(a.n, 0) AS actual FROM tab_counts t LEFT JOIN actual a ON a.tab = t.tab
          WHERE t.n <> coalesce(a.n, 0)`,
  },
  {
    label: "an order's latest status history row names its current status",
    needs: ['order_history'],
    sql: `SELECT o.id, o.status, h.to_value FROM orders o
          JOIN order_history h ON h.id = (SELECT max(id) FROM order_history WHERE order_id = o.id AND kind = 'status')
          WHERE h.to_value IS NOT o.status`,
  },
  {
    label: 'every status history row has its sync outbox entry and vice versa',
    needs: ['order_history', 'sync_outbox'],
    sql: `WITH h AS (SELECT order_id, count(*) AS n FROM order_history WHERE kind = 'status' GROUP BY order_id),
               x AS (SELECT CAST(entity_id AS INTEGER) AS order_id, count(*) AS n FROM sync_outbox
                     WHERE entity = 'order' AND kind = 'status' GROUP BY entity_id)
          SELECT h.order_id, h.n AS history, coalesce(x.n, 0) AS outbox FROM h LEFT JOIN x USING (order_id)
          WHERE h.n <> coalesce(x.n, 0)
          UNION ALL
          SELECT x.order_id, 0, x.n FROM x WHERE x.order_id NOT IN (SELECT order_id FROM h)`,
  },
  {
    label: 'the F5 search index holds exactly the orders (once a bulk load is finished)',
    needs: ['order_search_docsize'],
    sql: `SELECT o.id, 'not searchable' FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_search_docsize d WHERE d.id = o.id)
          UNION ALL SELECT d.id, 'search row without order' FROM order_search_docsize d WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = d.id)`,
  },
  {
    label: 'history rows belong to existing orders',
    needs: ['order_history'],
    sql: 'SELECT h.id, h.order_id FROM order_history h LEFT JOIN orders o ON o.id = h.order_id WHERE o.id IS NULL',
  },
  {
    label: 'every order has at least one item, every item an order',
    needs: ['order_items'],
    sql: `SELECT o.id, 'no items' FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)
          UNION ALL SELECT i.id, 'orphan item' FROM order_items i LEFT JOIN orders o ON o.id = i.order_id WHERE o.id IS NULL`,
  },
  {
    label: 'stock.reserved = SUM(stock_reservations.quantity) per SKU and store',
    needs: ['stock', 'stock_reservations'],
    sql: `WITH r AS (SELECT sku, store_id, sum(quantity) AS q FROM stock_reservations GROUP BY sku, store_id)
          SELECT s.sku, s.store_id, s.reserved, coalesce(r.q, 0) AS held FROM stock s
          LEFT JOIN r ON r.sku = s.sku AND r.store_id = s.store_id
          WHERE s.reserved <> coalesce(r.q, 0) OR s.reserved < 0
          UNION ALL SELECT r.sku, r.store_id, NULL, r.q FROM r
          WHERE NOT EXISTS (SELECT 1 FROM stock s WHERE s.sku = r.sku AND s.store_id = r.store_id)`,
  },
  {
    label: 'on hand >= reserved >= 0 for every SKU and store',
    needs: ['stock'],
    sql: 'SELECT sku, store_id, on_hand, reserved FROM stock WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand',
  },
  {
    label: "a SKU's last stock ledger row ends where the stock stands (no change left out of the ledger)",
    needs: ['stock', 'stock_ledger'],
    sql: `SELECT s.sku, s.store_id, s.on_hand, s.reserved, l.on_hand_after, l.reserved_after FROM stock s
          JOIN stock_ledger l ON l.id = (SELECT max(id) FROM stock_ledger WHERE sku = s.sku AND store_id = s.store_id)
          WHERE l.on_hand_after <> s.on_hand OR l.reserved_after <> s.reserved`,
  },
  {
    label: 'stock is reserved only by orders that hold it (在庫確認済 / 入金済 / 出荷待ち)',
    needs: ['stock_reservations'],
    sql: `SELECT r.order_id, o.status FROM stock_reservations r LEFT JOIN orders o ON o.id = r.order_id
          WHERE o.id IS NULL OR o.status NOT IN ${HOLDING}`,
  },
  {
    label: "a stock-checked order's reservations cover exactly its lines",
    needs: ['stock_reservations'],
    sql: `WITH need AS (SELECT order_id, sku, sum(quantity) AS q FROM order_items
                        WHERE order_id IN (SELECT order_id FROM stock_reservations) GROUP BY order_id, sku)
          SELECT n.order_id, n.sku, n.q, r.quantity FROM need n
          LEFT JOIN stock_reservations r ON r.order_id = n.order_id AND r.sku = n.sku
          WHERE r.quantity IS NOT n.q`,
  },
];

let reference: { objects: Set<string>; version: number } | null = null;

/** Index and trigger names of a freshly migrated database: a crash must not lose any. */
function referenceSchema(): { objects: Set<string>; version: number } {
  if (reference) return reference;
  const { sqlite } = openDatabase(':memory:', MIGRATIONS);
  reference = { objects: schemaObjects(sqlite), version: sqlite.pragma('user_version', { simple: true }) as number };
  sqlite.close();
  return reference;
}

function schemaObjects(sqlite: BetterSqlite3.Database): Set<string> {
  const rows = sqlite
    .prepare(
      `SELECT type || ' ' || name AS n FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') AND name NOT LIKE 'sqlite_%'`,
    )
    .pluck()
    .all() as string[];
  return new Set(rows);
}

function hasTable(sqlite: BetterSqlite3.Database, name: string): boolean {
  return Boolean(sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
}

/**
 * Everything wrong with the database, as readable lines (empty = sound). Checks SQLite's
 * own integrity, the schema against a fresh migration, and the cross-table rules.
 */
export function checkInvariants(sqlite: BetterSqlite3.Database): string[] {
  const problems: string[] = [];
  const integrity = sqlite.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const fk = sqlite.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`);
  const ref = referenceSchema();
  const version = sqlite.pragma('user_version', { simple: true });
  if (version !== ref.version) problems.push(`user_version ${String(version)}, expected ${ref.version}`);
  const present = schemaObjects(sqlite);
  const missing = [...ref.objects].filter((o) => !present.has(o));
  if (missing.length) problems.push(`schema objects missing: ${missing.join(', ')}`);
  for (const rule of RULES) {
    if (!rule.needs.every((t) => hasTable(sqlite, t))) continue;
    const bad = sqlite.prepare(rule.sql).all();
    if (bad.length) problems.push(`${rule.label}: ${bad.length} violation(s), e.g. ${JSON.stringify(bad.slice(0, 3))}`);
  }
  return problems;
}
