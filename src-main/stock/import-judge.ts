import type BetterSqlite3 from 'better-sqlite3';
import type { StockImportMode } from '../../src-shared/api/stock-import.js';
import type { StockFileLine } from '../../src-shared/order-files/stock-file.js';
import {
  judgeStockLines as judgeLines,
  storeResolver,
  type Judgement,
  type StockRowState,
  type StoreScope,
} from '../../src-shared/order-files/stock-lines.js';
import type { StockLedger } from './ledger.js';

/** Many lines: each store's rows are read at once instead of one lookup a line (~10 µs). */
const BULK_READ_LINES = 2_000;

/**
 * The stock rows the lines are judged against, read the cheaper way for the file's size: one
 * lookup a line for a small file; for a large one, each store's rows in one pass when the file
 * has lines for at least half of them, else the rows of the file's SKUs in one statement.
 */
function stateReader(
  ledger: StockLedger,
  lines: readonly StockFileLine[],
): (sku: string, storeId: string) => StockRowState | undefined {
  if (lines.length < BULK_READ_LINES) return (sku, storeId) => ledger.state(sku, storeId);
  let skus: string[] | undefined;
  const stores = new Map<string, Map<string, StockRowState>>();
  const read = (storeId: string) =>
    lines.length * 2 >= ledger.storeRowCount(storeId)
      ? ledger.states(storeId)
      : ledger.statesOf(storeId, (skus ??= [...new Set(lines.map((line) => line.sku))]));
  return (sku, storeId) => {
    let rows = stores.get(storeId);
    if (!rows) stores.set(storeId, (rows = read(storeId)));
    return rows.get(sku);
  };
}

/** A stock file's lines judged against this PC's stores and stock (in the caller's transaction). */
export function judgeStockLines(
  sqlite: BetterSqlite3.Database,
  ledger: StockLedger,
  mode: StockImportMode,
  lines: readonly StockFileLine[],
  scope: StoreScope,
): Judgement {
  const stores = sqlite.prepare('SELECT id, name FROM stores').all() as { id: string; name: string }[];
  return judgeLines(mode, lines, scope, storeResolver(stores), stateReader(ledger, lines));
}
