import type BetterSqlite3 from 'better-sqlite3';
import type { ListSort, SortColumn } from '../../src-shared/api/orders.js';
import { isMainStatus, type Tab } from '../../src-shared/domain/status.js';
import { hinted } from '../db/bulk-load.js';
import { reminderIdsSql, type ReminderCutoffs } from './reminders.js';

const COLUMN_SQL: Record<SortColumn, string> = { orderedAt: 'ordered_at', orderNo: 'order_no', total: 'total' };

/** The index a main-status tab is read through in each sort order: (status, column, id). */
const STATUS_INDEX: Record<SortColumn, string> = {
  orderedAt: 'orders_status_ordered_idx',
  orderNo: 'orders_status_order_no_idx',
  total: 'orders_status_total_idx',
};

/** The same for メール未送信: the column among mail_due orders (mail_pending under this PC's メール方針). */
const MAIL_DUE_INDEX: Record<SortColumn, string> = {
  orderedAt: 'orders_mail_due_idx',
  orderNo: 'orders_mail_due_order_no_idx',
  total: 'orders_mail_due_total_idx',
};

interface TabPageRequest {
  tab: Tab;
  sort?: ListSort;
  offset: number;
  limit: number;
  /** The tab's length (its kept count): where the page lies decides the end it is read from. */
  total: number;
}

/**
 * The ids of one page of a tab in the clicked order, read from an index holding the tab in
 * that order (every tab has one per sort column): the page costs index entries only — no
 * order row is read until the page's own rows. A page in the second half of the tab is read
 * from the other end in the opposite order, so no page walks more than half the tab.
 */
export class TabPages {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  private prepared(sql: string): BetterSqlite3.Statement {
    const text = hinted(this.sqlite, sql);
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.sqlite.prepare(text).pluck()));
    return statement;
  }

  private sql(tab: Tab, column: SortColumn, direction: 'ASC' | 'DESC'): string {
    const order = `ORDER BY ${COLUMN_SQL[column]} ${direction}, id ${direction} LIMIT @limit OFFSET @offset`;
    if (isMainStatus(tab))
      return `SELECT id FROM orders INDEXED BY ${STATUS_INDEX[column]} WHERE status = @status ${order}`;
    if (tab === 'mail_unsent')
      return `SELECT id FROM orders INDEXED BY ${MAIL_DUE_INDEX[column]} WHERE mail_due = 1 ${order}`;
    return `${reminderIdsSql(COLUMN_SQL[column])} ${order}`;
  }

  ids(request: TabPageRequest, cutoffs: ReminderCutoffs): number[] {
    const { tab, offset, total } = request;
    const column = request.sort?.column ?? 'orderedAt';
    const descending = request.sort?.direction !== 'asc';
    const limit = Math.min(request.limit, Math.max(0, total - offset));
    if (limit === 0) return [];
    const params = { status: tab, ...cutoffs };
    const fromEnd = offset + limit / 2 > total / 2;
    if (!fromEnd) {
      return this.prepared(this.sql(tab, column, descending ? 'DESC' : 'ASC')).all({
        ...params,
        limit,
        offset,
      }) as number[];
    }
    const reversed = this.prepared(this.sql(tab, column, descending ? 'ASC' : 'DESC')).all({
      ...params,
      limit,
      offset: total - offset - limit,
    }) as number[];
    return reversed.reverse();
  }
}
