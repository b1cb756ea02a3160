import type BetterSqlite3 from 'better-sqlite3';
import type { ListSort, OrderPage, SearchCriteria } from '../../src-shared/api/orders.js';
import type { OrderRow } from '../../src-shared/domain/order.js';
import { hinted } from '../db/bulk-load.js';
import { compileCriteria, type TextMatch } from './criteria-sql.js';
import { ItemCatalog } from './item-catalog.js';

/** A list narrowed by conditions: the tab's own condition (if any) and the F5/E2–E4 criteria. */
export interface FilteredList {
  /** SQL condition of the tab the list lies in, or null for a search over every order. */
  tabWhere: string | null;
  tabParams: Record<string, string | number>;
  /** The tab is a main status: its orders are a range of orders_status_ordered_idx. */
  statusTab: boolean;
  criteria: SearchCriteria;
  /** The list's length where the caller already knows it (a tab's kept count). */
  knownTotal?: number;
}

const SORT_SQL: Record<ListSort['column'], string> = { orderedAt: 'ordered_at', orderNo: 'order_no', total: 'total' };

/**
 * A name fragment matching more orders than this pages in date order by walking the date
 * index and testing membership (a page costs ~limit × orders / matches index entries);
 * below it, looking the matches up and sorting them is cheaper.
 */
const DENSE_MATCHES = 2000;
const STATUS_INDEX = 'INDEXED BY orders_status_ordered_idx';
/** Sorted id lists kept for paging (a 1,000,000-order list is 8 MB). */
const CACHED_LISTS = 4;

interface Plan {
  where: string;
  params: Record<string, string | number>;
  text: TextMatch[];
  /** Only full-text conditions: counts and ids come from the indexes alone. */
  textOnly: boolean;
  /**
   * A name (etc.) within a main-status tab or within chosen main statuses: their date-ordered
   * index entries are walked, testing each against the matches — no order row is read for
   * the count or the page.
   */
  textInStatus: boolean;
  /** A main-status tab with no condition: its rows are a range of orders_status_ordered_idx. */
  tabOnly: boolean;
}

/**
 * Search results and extractions (S10, E2–E4). The first page is one query whose plan
 * follows the conditions; deeper pages slice a sorted id list computed once per list,
 * sort and database state (any write makes the next request compute it again).
 */
export class OrderLists {
  private readonly cache = new Map<string, number[]>();
  private readonly catalog: ItemCatalog;
  private readonly versionStmt: BetterSqlite3.Statement;
  private readonly rowsByIdStmt: BetterSqlite3.Statement;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly rowColumns: string,
  ) {
    this.catalog = new ItemCatalog(sqlite);
    this.versionStmt = sqlite.prepare('SELECT total_changes() AS changes');
    this.rowsByIdStmt = sqlite.prepare(`SELECT ${rowColumns} FROM orders WHERE id IN (SELECT value FROM json_each(?))`);
  }

  /** Lists' queries carry index hints (criteria-sql.ts too), dropped during a bulk load. */
  private prepare(sql: string): BetterSqlite3.Statement {
    return this.sqlite.prepare(hinted(this.sqlite, sql));
  }

  private plan(list: FilteredList): Plan {
    const compiled = compileCriteria(list.criteria, this.catalog);
    const where = [...(list.tabWhere ? [`(${list.tabWhere})`] : []), ...compiled.where];
    const { text } = compiled;
    for (const { table, param } of text)
      where.push(`o.id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @${param})`);
    return {
      where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
      params: { ...list.tabParams, ...compiled.params },
      text,
      textOnly: text.length > 0 && where.length === text.length,
      tabOnly: list.statusTab && compiled.where.length === 0 && text.length === 0,
      textInStatus:
        text.length > 0 &&
        ((list.statusTab && compiled.where.length === 0) ||
          (!list.tabWhere && compiled.conditions.join() === 'statuses')),
    };
  }

  private count(list: FilteredList, plan: Plan): number {
    if (list.knownTotal !== undefined) return list.knownTotal;
    const sql = plan.textOnly
      ? `SELECT count(*) FROM (${textIds(plan.text)})`
      : `SELECT count(*) FROM orders o ${plan.textInStatus ? STATUS_INDEX : ''} ${plan.where}`;
    return this.prepare(sql).pluck().get(plan.params) as number;
  }

  page(list: FilteredList, sort: ListSort | undefined, offset: number, limit: number): OrderPage {
    const plan = this.plan(list);
    const column = SORT_SQL[sort?.column ?? 'orderedAt'];
    const direction = sort?.direction === 'asc' ? 'ASC' : 'DESC';
    const orderBy = `ORDER BY o.${column} ${direction}, o.id ${direction}`;
    if (offset > 0) {
      const ids = this.sortedIds(list, plan, orderBy, deepPageHint(plan, column));
      return { rows: this.rowsById(ids.slice(offset, offset + limit)), total: ids.length };
    }
    const total = this.count(list, plan);
    const byDate = column === 'ordered_at';
    const hint =
      plan.textOnly && byDate && total > DENSE_MATCHES
        ? 'INDEXED BY orders_ordered_idx'
        : (plan.textInStatus && byDate) || plan.tabOnly
          ? STATUS_INDEX
          : '';
    const rows = this.prepare(
      `SELECT ${this.rowColumns} FROM orders o ${hint} ${plan.where} ${orderBy} LIMIT @limit`,
    ).all({ ...plan.params, limit }) as OrderRow[];
    return { rows, total };
  }

  /** Every id of the list, in no particular order (F2 全選択, E1 反転). */
  ids(list: FilteredList): number[] {
    const plan = this.plan(list);
    const sql = plan.textOnly
      ? textIds(plan.text)
      : `SELECT o.id FROM orders o ${plan.textInStatus ? STATUS_INDEX : ''} ${plan.where}`;
    return this.prepare(sql).pluck().all(plan.params) as number[];
  }

  private sortedIds(list: FilteredList, plan: Plan, orderBy: string, hint: string): number[] {
    // total_changes() moves with this connection's writes, data_version with other connections'.
    const version = `${String(this.versionStmt.pluck().get())}:${String(this.sqlite.pragma('data_version', { simple: true }))}`;
    const key = JSON.stringify([version, list.tabWhere, list.tabParams, list.criteria, orderBy]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const ids = this.prepare(`SELECT o.id FROM orders o ${hint} ${plan.where} ${orderBy}`)
      .pluck()
      .all(plan.params) as number[];
    // Any write changes total_changes(), so older entries can only be stale: keep the newest few.
    this.cache.set(key, ids);
    while (this.cache.size > CACHED_LISTS) this.cache.delete(this.cache.keys().next().value!);
    return ids;
  }

  /** The rows of these orders, in the order given. */
  rowsById(ids: number[]): OrderRow[] {
    if (ids.length === 0) return [];
    const byId = new Map((this.rowsByIdStmt.all(JSON.stringify(ids)) as OrderRow[]).map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}

/**
 * Where a deep page's sorted id list is read from: a status's date-ordered entries, or for
 * full-text matches in date order each match's date from the narrow (id, date) index rather
 * than its order row (40,000 matches: 60 ms instead of 140 ms on a 1,000,000-order store).
 */
function deepPageHint(plan: Plan, column: string): string {
  if ((plan.textInStatus && column === 'ordered_at') || plan.tabOnly) return STATUS_INDEX;
  return plan.textOnly && column === 'ordered_at' ? 'INDEXED BY orders_id_ordered_idx' : '';
}

/** The ids every full-text condition matches, from the indexes alone (no order row read). */
function textIds([first, ...rest]: TextMatch[]): string {
  const also = rest.map(
    ({ table, param }) => ` AND rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @${param})`,
  );
  return `SELECT rowid FROM ${first!.table} WHERE ${first!.table} MATCH @${first!.param}${also.join('')}`;
}
