import type { StockBadLine, StockImportMode, StockPreviewLine } from '../api/stock-import.js';
import { belowReserved } from '../domain/stock.js';
import { normalizeForSearch } from '../text/normalize.js';
import type { StockFileLine } from './stock-file.js';

/** A stock row as it stands, as a file's lines are judged against it. */
export interface StockRowState {
  onHand: number;
  reserved: number;
  location: string;
  jan: string;
  title: string;
}

/** A line the import applies: the row it sets, and the row as it stood. */
interface JudgedLine extends StockPreviewLine {
  setting: { sku: string; storeId: string; onHand: number; location?: string; jan?: string; title?: string };
  /** The row as it stood, for the first line of a SKU; later lines of it (入荷) read it again. */
  before: StockRowState | undefined;
  again: boolean;
}

export interface Judgement {
  lines: JudgedLine[];
  bad: StockBadLine[];
}

/** Which stores a file's 店舗 cells may name, and the store of a line that names none. */
export interface StoreScope {
  /** The store of lines without a 店舗 cell (null: such lines are refused). */
  defaultStore: string | null;
  /** A store PC's own store: lines of other stores are refused. Null: any store (head office, a connector). */
  ownStore: string | null;
}

/** Store ids by id and by (normalised) name, so a file may name a store either way. */
export function storeResolver(stores: readonly { id: string; name: string }[]): (cell: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const s of stores) byKey.set(normalizeForSearch(s.name), s.id);
  // Ids win over names: an id is what a head-office system writes.
  for (const s of stores) byKey.set(normalizeForSearch(s.id), s.id);
  return (cell) => byKey.get(normalizeForSearch(cell));
}

function changes(line: StockFileLine, before: StockRowState | undefined, onHandAfter: number): boolean {
  if (!before) return true;
  return (
    before.onHand !== onHandAfter ||
    (line.location !== undefined && line.location !== before.location) ||
    (line.jan !== undefined && line.jan !== before.jan) ||
    (line.title !== undefined && line.title !== before.title)
  );
}

/**
 * Judges a stock file's lines against the stock as it stands (read in the caller's
 * transaction; the PC's and the central server's imports both judge with this):
 * the store each line is for, the count it leaves, and the lines refused with the reason —
 * an unknown store, another store's line on a store PC, a 棚卸 count below what orders
 * hold, the same SKU twice in one 棚卸 file. 入荷 lines of one SKU add up in file order.
 */
export function judgeStockLines(
  mode: StockImportMode,
  lines: readonly StockFileLine[],
  scope: StoreScope,
  resolve: (cell: string) => string | undefined,
  stateOf: (sku: string, storeId: string) => StockRowState | undefined,
): Judgement {
  const out: Judgement = { lines: [], bad: [] };
  /** Per SKU and store: the count the lines so far leave, and the line that set it. */
  const running = new Map<string, { onHand: number; line: number }>();
  for (const line of lines) {
    const storeId = line.store === '' ? scope.defaultStore : resolve(line.store);
    const refuse = (reason: string) => out.bad.push({ line: line.line, sku: line.sku, reason });
    if (!storeId) {
      refuse(
        line.store === ''
          ? '店舗が空です。店舗の列に店舗コードか店舗名を入れてください。'
          : `店舗「${line.store}」は登録されていません。`,
      );
      continue;
    }
    if (scope.ownStore !== null && storeId !== scope.ownStore) {
      refuse(`この PC では他の店舗（${line.store}）の在庫は取り込めません。本部の PC で取り込んでください。`);
      continue;
    }
    const key = `${line.sku}\u0000${storeId}`;
    const earlier = running.get(key);
    if (earlier && mode === 'count') {
      refuse(`同じ商品コードの行が${earlier.line}行目にもあります。棚卸では1商品1行にしてください。`);
      continue;
    }
    const before = stateOf(line.sku, storeId);
    const onHandAfter = mode === 'count' ? line.quantity : (earlier?.onHand ?? before?.onHand ?? 0) + line.quantity;
    const below = before ? belowReserved(onHandAfter, before.reserved) : null;
    if (below) {
      refuse(below);
      continue;
    }
    running.set(key, { onHand: onHandAfter, line: line.line });
    const { location, jan, title } = line;
    out.lines.push({
      line: line.line,
      sku: line.sku,
      storeId,
      kind: !before && !earlier ? 'new' : changes(line, before, onHandAfter) ? 'changed' : 'unchanged',
      onHandBefore: earlier ? earlier.onHand : (before?.onHand ?? null),
      onHandAfter,
      locationBefore: before?.location ?? null,
      locationAfter: location ?? before?.location ?? '',
      setting: { sku: line.sku, storeId, onHand: onHandAfter, location, jan, title },
      before,
      again: earlier !== undefined,
    });
  }
  return out;
}
