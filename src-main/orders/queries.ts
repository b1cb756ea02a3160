import type BetterSqlite3 from 'better-sqlite3';
import type { ListQuery, ListSort, OrderPage, TabCounts } from '../../src-shared/api/orders.js';
import type { HistoryEntry, Order, OrderItem } from '../../src-shared/domain/order.js';
import { TABS, isMainStatus, type MainStatus, type Tab } from '../../src-shared/domain/status.js';
import { hinted } from '../db/bulk-load.js';
import { OrderLists, type FilteredList } from '../search/order-lists.js';
import { newOrderFields, type OrderDbRow } from './order-row.js';
import { REMINDER_COUNT_SQL, REMINDER_WHERE, REMINDERS_SENT_SQL, type ReminderCutoffs } from './reminders.js';
import { TabPages } from './tab-pages.js';

const ROW_COLUMNS = `id, order_no AS orderNo, ordered_at AS orderedAt, channel, buyer_name AS buyerName, total,
  amounts_unknown AS amountsUnknown,   payment_method AS paymentMethod, sub_status_id AS subStatusId, store_id AS storeId, status,
  mail_pending AS mailPending, needs_payment AS needsPayment, order_form_done AS orderFormDone,
  buyer_rating AS buyerRating, mail_inquiry AS mailInquiry, substr(order_comment, 1, 100) AS orderComment,
  substr(staff_comment, 1, 100) AS staffComment, pii_purged_at AS piiPurgedAt,
  ship_notice AS shipNotice, delivery_date AS deliveryDate, delivery_time_slot AS deliveryTimeSlot,
  delivery_method AS deliveryMethod`;

function tabWhere(tab: Tab): string {
  if (isMainStatus(tab)) return 'status = @status';
  if (tab === 'mail_unsent') return 'mail_due = 1';
  return REMINDER_WHERE;
}

interface ListPageInput extends ListQuery {
  offset: number;
  limit: number;
  sort?: ListSort;
}

/**
 * Read side of the order list (S1): counts per tab, pages of rows, one order's detail. The
 * list is a tab, or (with criteria) a search result or an extraction (search/order-lists.ts).
 */
export class OrderQueries {
  private readonly countsStmt: BetterSqlite3.Statement;
  private readonly lists: OrderLists;
  private readonly tabPages: TabPages;
  /** The count statements, prepared once each (with and without index hints). */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private orderStmt: BetterSqlite3.Statement | undefined;
  private itemsStmt: BetterSqlite3.Statement | undefined;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.countsStmt = sqlite.prepare('SELECT tab, n FROM tab_counts');
    this.lists = new OrderLists(sqlite, ROW_COLUMNS);
    this.tabPages = new TabPages(sqlite);
  }

  private filtered(
    query: ListQuery & { criteria: NonNullable<ListQuery['criteria']> },
    cutoffs: ReminderCutoffs,
  ): FilteredList {
    const { tab, criteria } = query;
    return {
      tabWhere: tab ? tabWhere(tab) : null,
      tabParams: tab ? { status: tab, ...(tab === 'reminder' ? cutoffs : {}) } : {},
      statusTab: tab !== undefined && isMainStatus(tab),
      criteria,
    };
  }

  /** A statement of this class, with its index hints unless a bulk load has the indexes down. */
  private prepared(sql: string): BetterSqlite3.Statement {
    const text = hinted(this.sqlite, sql);
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.sqlite.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** The counts the triggers keep (every tab but 催促対象, which depends on today). */
  private keptCounts(): TabCounts {
    const counts = Object.fromEntries(TABS.map((t) => [t, 0])) as TabCounts;
    for (const row of this.countsStmt.all() as { tab: Tab; n: number }[]) counts[row.tab] = row.n;
    return counts;
  }

  counts(cutoffs: ReminderCutoffs): TabCounts {
    const counts = this.keptCounts();
    counts.reminder = (this.prepared(REMINDER_COUNT_SQL).get(cutoffs) as { n: number }).n;
    return counts;
  }

  /** A page of the list, each row with its reminders so far; a query without tab or criteria is the 新規 tab. */
  list(input: ListPageInput, cutoffs: ReminderCutoffs): OrderPage {
    const page = this.rowsOf(input, cutoffs);
    if (page.rows.length === 0) return page;
    const sent = this.prepared(REMINDERS_SENT_SQL).all(JSON.stringify(page.rows.map((r) => r.id))) as {
      orderId: number;
      at: string;
      n: number;
    }[];
    const byOrder = new Map(sent.map((s) => [s.orderId, s]));
    for (const row of page.rows) {
      const reminders = byOrder.get(row.id);
      row.remindedAt = reminders?.at ?? null;
      row.reminderCount = reminders?.n ?? 0;
    }
    return page;
  }

  private rowsOf(input: ListPageInput, cutoffs: ReminderCutoffs): OrderPage {
    const { criteria } = input;
    if (criteria)
      return this.lists.page(this.filtered({ ...input, criteria }, cutoffs), input.sort, input.offset, input.limit);
    const tab = input.tab ?? 'new';
    const total = tab === 'reminder' ? this.counts(cutoffs).reminder : this.keptCounts()[tab];
    const ids = this.tabPages.ids({ tab, sort: input.sort, offset: input.offset, limit: input.limit, total }, cutoffs);
    return { rows: this.lists.rowsById(ids), total };
  }

  /** Every order id of the list (F2 全選択, E1 反転). */
  ids(query: ListQuery, cutoffs: ReminderCutoffs): number[] {
    const { criteria } = query;
    if (criteria) return this.lists.ids(this.filtered({ ...query, criteria }, cutoffs));
    const tab = query.tab ?? 'new';
    return this.sqlite
      .prepare(`SELECT id FROM orders WHERE ${tabWhere(tab)}`)
      .pluck()
      .all({ status: tab, ...cutoffs }) as number[];
  }

  get(id: number): Order | null {
    // Prepared once: documents and label files read a thousand orders through here.
    this.orderStmt ??= this.sqlite.prepare('SELECT * FROM orders WHERE id = ?');
    this.itemsStmt ??= this.sqlite.prepare(
      `SELECT line_no AS lineNo, sku, title, quantity, unit_price AS unitPrice, location, tax_rate AS taxRate
       FROM order_items WHERE order_id = ? ORDER BY line_no`,
    );
    const row = this.orderStmt.get(id) as Record<string, unknown> | undefined;
    if (!row) return null;
    return toOrder(row, this.itemsStmt.all(id) as OrderItem[]);
  }

  /**
   * Many orders by id in two statements (documents and label files of a thousand orders),
   * keyed by id; ids not found are absent.
   */
  getMany(ids: readonly number[]): Map<number, Order> {
    const list = JSON.stringify(ids);
    const rows = this.sqlite
      .prepare('SELECT * FROM orders WHERE id IN (SELECT value FROM json_each(?))')
      .all(list) as Record<string, unknown>[];
    const items = new Map<number, OrderItem[]>();
    const itemRows = this.sqlite
      .prepare(
        `SELECT order_id AS orderId, line_no AS lineNo, sku, title, quantity, unit_price AS unitPrice, location,
           tax_rate AS taxRate
         FROM order_items WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, line_no`,
      )
      .all(list) as (OrderItem & { orderId: number })[];
    for (const { orderId, ...item } of itemRows) {
      const lines = items.get(orderId);
      if (lines) lines.push(item);
      else items.set(orderId, [item]);
    }
    return new Map(rows.map((row) => [Number(row.id), toOrder(row, items.get(Number(row.id)) ?? [])]));
  }

  history(orderId: number): HistoryEntry[] {
    return this.sqlite
      .prepare(
        `SELECT id, at, actor, store_id AS storeId, pc_id AS pcId, kind, from_value AS "from", to_value AS "to", reason
         FROM order_history WHERE order_id = ? ORDER BY id`,
      )
      .all(orderId) as HistoryEntry[];
  }
}

function toOrder(r: OrderDbRow, items: OrderItem[]): Order {
  const s = (k: string) => String(r[k] ?? '');
  const n = (k: string) => (r[k] === null || r[k] === undefined ? null : String(r[k]));
  const status = s('status');
  return {
    ...newOrderFields(r),
    id: Number(r.id),
    items,
    subtotal: Number(r.subtotal),
    total: Number(r.total),
    staffComment: s('staff_comment'),
    buyerRating: r.buyer_rating === 1,
    carrier: n('carrier'),
    trackingNo: n('tracking_no'),
    bundleGroup: n('bundle_group'),
    channelOrderNo: n('channel_order_no'),
    splitFrom: n('split_from'),
    status: (isMainStatus(status) ? status : 'new') as MainStatus,
    subStatusId: r.sub_status_id === null ? null : Number(r.sub_status_id),
    paidAt: n('paid_at'),
    shippedAt: n('shipped_at'),
    cancelledAt: n('cancelled_at'),
    piiPurgedAt: n('pii_purged_at'),
    shipNotice: n('ship_notice'),
    channelNote: s('channel_note'),
    updatedAt: s('updated_at'),
  };
}
