import type BetterSqlite3 from 'better-sqlite3';
import type { CsvEncodingSetting } from '../../src-shared/api/files.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { StockLedgerEntry, StockPage, StockRow, StockSortColumn } from '../../src-shared/api/stock.js';
import { normalizeForSearch } from '../../src-shared/text/normalize.js';
import { formatJst } from '../../src-shared/text/jst.js';
import { CsvWriter } from '../files/csv-write.js';
import { fileStamp } from '../printing/documents.js';
import { prepareAll } from '../core/statements.js';
import { hinted } from '../db/bulk-load.js';

const ROW_COLUMNS = `sku, store_id AS storeId, jan, title, location, on_hand AS onHand, reserved,
  on_hand - reserved AS available, updated_at AS updatedAt`;

const SORT_SQL: Record<StockSortColumn, string> = {
  sku: 'sku',
  storeId: 'store_id',
  jan: 'jan',
  title: 'title',
  location: 'location',
  onHand: 'on_hand',
  reserved: 'reserved',
  available: 'on_hand - reserved',
  updatedAt: 'updated_at',
};

const EXPORT_HEADER = ['店舗', '商品コード', 'JAN', '商品名', '棚番', '在庫数', '引当数', '有効在庫', '最終更新'];

const SQL = {
  ledger: `SELECT id, at, kind, on_hand_before AS onHandBefore, on_hand_after AS onHandAfter,
             reserved_before AS reservedBefore, reserved_after AS reservedAfter, order_no AS orderNo,
             operator, pc_id AS pcId, reason
           FROM stock_ledger WHERE sku = ? AND store_id = ? ORDER BY id DESC LIMIT ?`,
  row: `SELECT ${ROW_COLUMNS} FROM stock WHERE sku = ? AND store_id = ?`,
  storeNames: 'SELECT id, name FROM stores',
  changes: { pluck: 'SELECT total_changes()' },
} as const;

/** Filters whose matches are kept (the newest few; any write makes the older ones stale). */
const CACHED_FILTERS = 4;
/** Above this many matches a filtered page is read in the sort's order instead of by rowid. */
const DENSE_MATCHES = 5_000;

/**
 * A page of rows in a sort no index holds (有効在庫, 商品名, or 棚番 over every store): the
 * sorter orders the rowids and keys alone, and only the page's rows are read whole
 * (sorting whole rows of 300,000 cost a fifth more). Where an index holds the order, the
 * inner query walks it as before.
 */
function pageInOrder(where: string, order: string): string {
  return `SELECT ${ROW_COLUMNS} FROM stock WHERE rowid IN (SELECT rowid FROM stock ${where} ${order} LIMIT ? OFFSET ?) ${order}`;
}

interface StockListInput {
  filter: string;
  storeId?: string;
  sort?: { column: StockSortColumn; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/**
 * 在庫一覧's reads: pages of rows (filtered by SKU, JAN, title or 棚番 through the stored
 * normalised key, so ｶﾀｶﾅ = カタカナ = かたかな as in F5), a SKU's ledger, the CSV. A store
 * PC (its actor has a store) sees its own store only; head office sees every store.
 */
export class StockList {
  private readonly sql: Record<keyof typeof SQL, BetterSqlite3.Statement>;
  private readonly cache = new Map<string, number[]>();
  private counted: { key: string; total: number } | null = null;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.sql = prepareAll(sqlite, SQL);
  }

  /** The store this PC may list: its own, or the one asked for on a head-office PC. */
  private storeOf(asked: string | undefined, own: string | null): string | undefined {
    if (own === null) return asked;
    if (asked !== undefined && asked !== own)
      throw new UserError('この PC では他の店舗の在庫は見られません。本部の PC で確認してください。', 'store');
    return own;
  }

  private where(filter: string, storeId: string | undefined): { sql: string; params: unknown[]; key: string } {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (storeId !== undefined) {
      parts.push('store_id = ?');
      params.push(storeId);
    }
    // The key joins its fields with U+0001: a control character typed in the filter matches nothing real.
    const key = normalizeForSearch(filter).replace(/[\u0000-\u001f]/g, '');
    if (key !== '') {
      // LIKE on the lower-cased key (quicker than instr); its wildcards typed by the clerk are plain text.
      parts.push("search_key LIKE ? ESCAPE '\\'");
      params.push(`%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params, key };
  }

  /**
   * A filter's matching rows, by rowid, from one covering scan of stock_search_idx; kept
   * while nothing is written, so the grid's next blocks and the total cost no second scan.
   */
  private matches(where: { sql: string; params: unknown[] }): number[] {
    const cacheKey = JSON.stringify([this.version(), where.params]);
    let ids = this.cache.get(cacheKey);
    if (!ids) {
      ids = this.sqlite
        .prepare(hinted(this.sqlite, `SELECT rowid FROM stock INDEXED BY stock_search_idx ${where.sql}`))
        .pluck()
        .all(...where.params) as number[];
      this.cache.set(cacheKey, ids);
      while (this.cache.size > CACHED_FILTERS) this.cache.delete(this.cache.keys().next().value!);
    }
    return ids;
  }

  /** Changes whenever this connection or another one writes: what a kept answer is valid for. */
  private version(): string {
    return `${String(this.sql.changes.get())}:${String(this.sqlite.pragma('data_version', { simple: true }))}`;
  }

  /**
   * The rows an unfiltered list holds, kept until a write: the same list in another sort (a
   * header click) shows the same total, and counting 300,000 rows costs 10–15 ms.
   */
  private total(where: { sql: string; params: unknown[] }): number {
    const key = JSON.stringify([this.version(), where.sql, where.params]);
    if (this.counted?.key !== key)
      this.counted = {
        key,
        total: this.sqlite
          .prepare(`SELECT count(*) FROM stock ${where.sql}`)
          .pluck()
          .get(...where.params) as number,
      };
    return this.counted.total;
  }

  list(input: StockListInput, ownStore: string | null): StockPage {
    const where = this.where(input.filter, this.storeOf(input.storeId, ownStore));
    const sort = input.sort ?? { column: 'sku', direction: 'asc' };
    const order = `ORDER BY ${SORT_SQL[sort.column]} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}, sku, store_id`;
    if (where.key !== '') {
      const ids = this.matches(where);
      if (ids.length === 0) return { rows: [], total: 0 };
      // Few matches: fetched by rowid and sorted; many: walked in the sort's order like the unfiltered list.
      const rows =
        ids.length <= DENSE_MATCHES
          ? this.sqlite
              .prepare(
                `SELECT ${ROW_COLUMNS} FROM stock WHERE rowid IN (SELECT value FROM json_each(?)) ${order} LIMIT ? OFFSET ?`,
              )
              .all(JSON.stringify(ids), input.limit, input.offset)
          : this.sqlite.prepare(pageInOrder(where.sql, order)).all(...where.params, input.limit, input.offset);
      return { rows: rows as StockRow[], total: ids.length };
    }
    const rows = this.sqlite
      .prepare(pageInOrder(where.sql, order))
      .all(...where.params, input.limit, input.offset) as StockRow[];
    const total = input.offset === 0 && rows.length < input.limit ? rows.length : this.total(where);
    return { rows, total };
  }

  row(sku: string, storeId: string): StockRow | undefined {
    return this.sql.row.get(sku, storeId) as StockRow | undefined;
  }

  ledger(sku: string, storeId: string, limit: number, ownStore: string | null): StockLedgerEntry[] {
    return this.sql.ledger.all(sku, this.storeOf(storeId, ownStore), limit) as StockLedgerEntry[];
  }

  /** The listed rows as CSV for Excel: CP932 or UTF-8 with a BOM, formula cells neutralised. */
  exportCsv(
    input: { filter: string; storeId?: string },
    ownStore: string | null,
    encoding: CsvEncodingSetting,
    now: Date,
  ) {
    const where = this.where(input.filter, this.storeOf(input.storeId, ownStore));
    const names = new Map((this.sql.storeNames.all() as { id: string; name: string }[]).map((s) => [s.id, s.name]));
    const writer = new CsvWriter(EXPORT_HEADER, { encoding, neutralizeFormulas: true, quoteAll: false });
    const rows = this.sqlite
      .prepare(`SELECT ${ROW_COLUMNS} FROM stock ${where.sql} ORDER BY store_id, sku`)
      .iterate(...where.params) as IterableIterator<StockRow>;
    for (const r of rows) {
      writer.addRow(
        [
          names.get(r.storeId) ?? r.storeId,
          r.sku,
          r.jan,
          r.title,
          r.location,
          r.onHand,
          r.reserved,
          r.available,
          r.updatedAt ? formatJst(r.updatedAt) : '',
        ],
        r.sku,
      );
    }
    const bytes = writer.toBuffer();
    return {
      file: {
        fileName: `在庫一覧_${fileStamp(now)}.csv`,
        mimeType: 'text/csv',
        base64: bytes.toString('base64'),
      },
      rows: writer.rowCount,
      unencodable: writer.unencodable.length,
    };
  }
}
