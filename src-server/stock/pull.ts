import { sql, type SQL } from 'drizzle-orm';
import { PACKED_STOCK_KEYS, type WireStock } from '../../src-shared/sync/stock-wire.js';
import type { ClientIdentity } from '../auth.js';
import { idList, JSON_TEXT_SEPARATOR, jsonRowsBeside, jsonRowsTogether, type ServerDb } from '../db/open.js';

/** A changed stock row as read (stockEntriesQuery), with its change number. */
type StockFound = WireStock & { seq: number };

/** The stock rows a PC may see: its store's, or every store's for head office. */
const stockScope = (client: ClientIdentity): SQL =>
  client.isHeadOffice ? sql`TRUE` : sql`s.store_id = ${client.storeId}`;

/**
 * The latest change made elsewhere that moved a row — who, which PC, why — for the PC's own
 * ledger; none on a first copy (`copy`), which keeps no ledger of it (the look-up is most of
 * a page's cost). A row moved only by this PC's own operations carries none.
 */
function moveOf(client: ClientIdentity, cursor: number, copy: boolean): SQL {
  if (copy) return sql`NULL`;
  return sql`(SELECT json_build_object('kind', l.kind, 'at', l.at, 'operator', l.operator, 'pcId', l.pc_id,
              'reason', l.reason, 'orderNo', l.order_no)
            FROM stock_ledger l WHERE l.store_id = s.store_id AND l.sku = s.sku AND l.seq > ${cursor}
              AND l.origin_client_id IS DISTINCT FROM ${client.id}
            ORDER BY l.id DESC LIMIT 1)`;
}

/** The stock rows changed in (cursor, high] that this PC may see, in change order, at most `limit`. */
const changedRows = (client: ClientIdentity, { cursor, high, limit }: StockWindow) =>
  sql`FROM stock s WHERE ${stockScope(client)} AND s.seq > ${cursor} AND s.seq <= ${high} ORDER BY s.seq LIMIT ${limit}`;

interface StockWindow {
  cursor: number;
  high: number;
  limit: number;
}

/** Each key of a stock row on the wire, as read from the row `s` (its move: moveOf). */
function wireColumns(client: ClientIdentity, cursor: number, copy: boolean): [key: string, value: SQL][] {
  const column: Record<(typeof PACKED_STOCK_KEYS)[number], SQL> = {
    storeId: sql`s.store_id`,
    sku: sql`s.sku`,
    onHand: sql`s.on_hand`,
    location: sql`s.location`,
    jan: sql`s.jan`,
    title: sql`s.title`,
    updatedAt: sql`s.updated_at`,
    move: moveOf(client, cursor, copy),
  };
  return PACKED_STOCK_KEYS.map((key) => [key, column[key]]);
}

/** The query of the changed rows (changedRows) as objects, each with its change number. */
function stockEntriesQuery(client: ClientIdentity, window: StockWindow, copy = false): SQL {
  const columns = wireColumns(client, window.cursor, copy).map(
    ([key, value]) => sql`${value} AS ${sql.identifier(key)}`,
  );
  return sql`SELECT s.seq, ${sql.join(columns, sql`, `)} ${changedRows(client, window)}`;
}

/** The changed rows packed (PACKED_STOCK_KEYS) as one text, with their change numbers in the same order. */
interface PackedStockFound {
  seqs: number[] | null;
  /** The rows' packed texts joined by JSON_TEXT_SEPARATOR, in change order. */
  texts: string | null;
}

/**
 * The query of the changed rows (changedRows) packed in PACKED_STOCK_KEYS order: one row of
 * PackedStockFound, the texts made by the database and sent as they are.
 */
function packedStockQuery(client: ClientIdentity, window: StockWindow, copy: boolean): SQL {
  const values = sql.join(
    wireColumns(client, window.cursor, copy).map(([, value]) => value),
    sql`, `,
  );
  return sql`SELECT json_agg(t.seq ORDER BY t.seq) AS seqs, string_agg(t.packed, ${JSON_TEXT_SEPARATOR} ORDER BY t.seq) AS texts
        FROM (SELECT s.seq, json_build_array(${values})::text AS packed
              ${changedRows(client, window)}) t`;
}

/** The stock rows a page found: their change numbers, and the page's stock member for those it keeps. */
export interface PageStock {
  seqs: number[];
  /** `"stock":[…]` of the rows at these indexes of `seqs` (with `"stockFields"` before it when packed). */
  member(kept: readonly number[]): string;
}

/**
 * Runs these json queries (jsonRowsTogether) and reads the stock rows changed in the window
 * in the same statement: as objects, or packed (PACKED_STOCK_KEYS) for a PC that reads them,
 * their texts made by the database and sent as they are.
 */
export async function withPageStock<T extends unknown[][]>(
  db: ServerDb,
  queries: readonly SQL[],
  client: ClientIdentity,
  window: StockWindow,
  { copy, packed }: { copy: boolean; packed: boolean },
): Promise<[T, PageStock]> {
  if (!packed) {
    const lists = await jsonRowsTogether<unknown[][]>(db, [...queries, stockEntriesQuery(client, window, copy)]);
    const found = lists.pop() as StockFound[];
    const rows = found.map(({ seq: _, ...row }) => row);
    return [
      lists as T,
      { seqs: found.map((r) => r.seq), member: (kept) => `"stock":${JSON.stringify(kept.map((i) => rows[i]))}` },
    ];
  }
  const { lists, row } = await jsonRowsBeside<T, PackedStockFound>(db, queries, packedStockQuery(client, window, copy));
  const texts = row.texts ? row.texts.split(JSON_TEXT_SEPARATOR) : [];
  const head = `"stockFields":${JSON.stringify(PACKED_STOCK_KEYS)}`;
  return [
    lists,
    { seqs: row.seqs ?? [], member: (kept) => `${head},"stock":[${kept.map((i) => texts[i]).join(',')}]` },
  ];
}

/**
 * The query of what each of these orders holds of its store's stock on the server, for the PC to hold the
 * same (an order not listed holds nothing).
 */
export function holdingsQuery(orderIds: readonly number[]): SQL {
  return sql`SELECT o.channel, o.order_no AS "orderNo", json_agg(json_build_object('sku', r.sku, 'quantity', r.quantity)) AS lines
        FROM stock_reservations r JOIN orders o ON o.id = r.order_id
        WHERE r.order_id = ANY(${idList(orderIds)}::int[]) GROUP BY o.channel, o.order_no`;
}
