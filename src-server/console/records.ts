import { sql, type SQL } from 'drizzle-orm';
import type { Masters } from '../../src-shared/api/app.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { ConsoleOrderDetail, ConsoleOrderRow, ConsoleRefusal } from '../../src-shared/console/records.js';
import { OPERATION_LABELS, type Operation } from '../../src-shared/domain/transitions.js';
import { jsonRows, rows, type ServerDb } from '../db/open.js';

interface OrderSearch {
  text: string;
  status?: string;
  storeId?: string;
  channel?: string;
  from?: string;
  to?: string;
  limit: number;
  after?: { orderedAt: string; id: number };
}

/** A JST calendar day's start as the UTC instant orders are stored in. */
const jstDayStart = (day: string) => new Date(`${day}T00:00:00+09:00`).toISOString();
const nextJstDay = (day: string) => new Date(Date.parse(`${day}T00:00:00+09:00`) + 86_400_000).toISOString();

/** What a refused change tried, in the manual's words where the wire says it. */
function attempted(kind: string, operation: string | null): string {
  if (kind === 'status' && operation && operation in OPERATION_LABELS) return OPERATION_LABELS[operation as Operation];
  if (kind === 'create') return '注文の登録';
  return '注文の変更';
}

const ORDER_ROW = sql`o.id, o.channel, o.order_no AS "orderNo", o.ordered_at AS "orderedAt", o.buyer_name AS "buyerName",
  o.status, o.store_id AS "storeId", s.name AS "storeName", o.total, o.tracking_no AS "trackingNo", o.updated_at AS "updatedAt"`;

/** What head office reads: refused changes, every store's orders with their history, the masters. */
export class ConsoleRecords {
  constructor(private readonly db: ServerDb) {}

  async refusals(filter: { storeId?: string; clientId?: number; limit: number }): Promise<ConsoleRefusal[]> {
    const found = await rows<Omit<ConsoleRefusal, 'attempted'> & { kind: string; operation: string | null }>(
      this.db,
      sql`SELECT a.applied_at AS at, a.client_id AS "clientId", c.name AS "clientName", c.store_id AS "storeId",
                 s.name AS "storeName", a.channel, a.order_no AS "orderNo", a.kind, a.operation, a.reason
          FROM applied_ops a JOIN clients c ON c.id = a.client_id LEFT JOIN stores s ON s.id = c.store_id
          WHERE NOT a.accepted
            ${filter.storeId ? sql`AND c.store_id = ${filter.storeId}` : sql``}
            ${filter.clientId ? sql`AND a.client_id = ${filter.clientId}` : sql``}
          ORDER BY a.applied_at DESC LIMIT ${filter.limit}`,
    );
    return found.map(({ kind, operation, reason, ...r }) => ({
      ...r,
      attempted: attempted(kind, operation),
      reason: reason ?? '',
    }));
  }

  /**
   * Every store's orders, newest first, a page at a time (keyset: the last row of the page
   * before). The text is an order number (exact or its start) or part of the buyer's name,
   * kana, e-mail or phone.
   */
  orders(search: OrderSearch): Promise<ConsoleOrderRow[]> {
    const where: SQL[] = [];
    const text = search.text.trim();
    if (search.status) where.push(sql`o.status = ${search.status}`);
    if (search.storeId)
      where.push(search.storeId === '-' ? sql`o.store_id IS NULL` : sql`o.store_id = ${search.storeId}`);
    if (search.channel) where.push(sql`o.channel = ${search.channel}`);
    // With a text, the matches come from the number and buyer indexes with their dates, and are
    // put in order before any order row is read (the ordered subquery): then only a page's rows,
    // and those the other conditions leave out, are read.
    const m = text ? 'm' : 'o';
    if (search.from) where.push(sql`${sql.raw(m)}.ordered_at >= ${jstDayStart(search.from)}`);
    if (search.to) where.push(sql`${sql.raw(m)}.ordered_at < ${nextJstDay(search.to)}`);
    if (search.after)
      where.push(sql`(${sql.raw(m)}.ordered_at, ${sql.raw(m)}.id) < (${search.after.orderedAt}, ${search.after.id})`);
    const filtered = where.length ? sql.join(where, sql` AND `) : sql`true`;
    if (!text)
      return jsonRows<ConsoleOrderRow>(
        this.db,
        sql`SELECT ${ORDER_ROW} FROM orders o LEFT JOIN stores s ON s.id = o.store_id
            WHERE ${filtered} ORDER BY o.ordered_at DESC, o.id DESC LIMIT ${search.limit}`,
      );
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    return jsonRows<ConsoleOrderRow>(
      this.db,
      sql`SELECT ${ORDER_ROW}
          FROM (SELECT id, ordered_at FROM (
                  SELECT id, ordered_at FROM orders WHERE order_no LIKE ${`${escaped}%`}
                  UNION SELECT order_id, ordered_at FROM order_buyer_text WHERE text ILIKE ${`%${escaped}%`}
                ) u ORDER BY ordered_at DESC, id DESC) m
            JOIN orders o ON o.id = m.id LEFT JOIN stores s ON s.id = o.store_id
          WHERE ${filtered} ORDER BY m.ordered_at DESC, m.id DESC LIMIT ${search.limit}`,
    );
  }

  async order(id: number): Promise<ConsoleOrderDetail> {
    const [found] = await jsonRows<ConsoleOrderDetail>(
      this.db,
      sql`SELECT ${ORDER_ROW}, o.buyer_kana AS "buyerKana", o.ship_name AS "shipName", o.ship_prefecture AS "shipPrefecture",
                 o.payment_method AS "paymentMethod",
                 (SELECT coalesce(json_agg(json_build_object('lineNo', i.line_no, 'sku', i.sku, 'title', i.title,
                    'quantity', i.quantity, 'unitPrice', i.unit_price) ORDER BY i.line_no), '[]')
                  FROM order_items i WHERE i.order_id = o.id) AS items,
                 (SELECT coalesce(json_agg(json_build_object('at', h.at, 'actor', h.actor, 'storeId', h.store_id,
                    'pcId', h.pc_id, 'kind', h.kind, 'from', h.from_value, 'to', h.to_value, 'reason', h.reason)
                    ORDER BY h.seq, h.id), '[]')
                  FROM order_history h WHERE h.order_id = o.id) AS history
          FROM orders o LEFT JOIN stores s ON s.id = o.store_id WHERE o.id = ${id}`,
    );
    if (!found) throw new UserError('注文が見つかりません。');
    return found;
  }

  async masters(): Promise<Masters> {
    const found = await rows<{ kind: string; data: Record<string, unknown> }>(
      this.db,
      sql`SELECT kind, data FROM master_rows WHERE NOT deleted AND kind IN ('stores', 'payment_methods', 'sub_statuses')
          ORDER BY kind, (data->>'sort_order')::int NULLS LAST, key`,
    );
    const of = (kind: string) => found.filter((r) => r.kind === kind).map((r) => r.data);
    return {
      stores: of('stores').map((d) => ({
        id: String(d.id),
        name: String(d.name),
        isHeadOffice: d.is_head_office === 1,
      })),
      paymentMethods: of('payment_methods').map((d) => ({
        code: String(d.code),
        name: String(d.name),
        needsConfirmation: d.needs_confirmation === 1,
        isCod: d.is_cod === 1,
      })),
      subStatuses: of('sub_statuses').map((d) => ({
        id: Number(d.id),
        mainStatus: String(d.main_status),
        name: String(d.name),
        color: String(d.color),
        sortOrder: Number(d.sort_order),
        retired: d.retired_at !== null && d.retired_at !== undefined,
      })),
    };
  }
}
