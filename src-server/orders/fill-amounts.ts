import { sql } from 'drizzle-orm';
import { formatYen } from '../../src-shared/domain/money.js';
import type { NewOrder } from '../../src-shared/domain/order.js';
import type { ChangeNumbers } from '../db/changes.js';
import { rows, type ServerDb } from '../db/open.js';
import { refreshWire } from './wire.js';

const json = (value: unknown) => JSON.stringify(value);

interface Unknown {
  id: number;
  channel: string;
  orderNo: string;
  /** The order's lines' 商品コード, by line number. */
  lines: { lineNo: number; sku: string }[];
}

/** The price `order` gives the line (same line number and 商品コード, else the same 商品コード). */
function priceOf(order: NewOrder, line: { lineNo: number; sku: string }): number | undefined {
  const match =
    order.items.find((i) => i.lineNo === line.lineNo && i.sku === line.sku) ??
    order.items.find((i) => i.sku === line.sku);
  return match?.unitPrice;
}

/**
 * Orders already here whose amounts are unknown (金額未取得: they came from a file without
 * prices) take a priced source's amounts — an order file with prices, the channel's API —
 * whatever their state: the lines' prices (same 商品コード), 値引・送料・代引手数料, the money
 * made again from them, and the mark cleared; a history row says so and the PCs pull the
 * order. An order some of whose lines the source does not price stays as it is. Inside the
 * caller's transaction; returns the order numbers filled.
 */
export async function fillUnknownAmounts(
  tx: ServerDb,
  numbers: ChangeNumbers,
  orders: readonly NewOrder[],
  actor: string,
  at: string,
): Promise<string[]> {
  const priced = orders.filter((o) => !o.amountsUnknown);
  if (priced.length === 0) return [];
  const byKey = new Map(priced.map((o) => [`${o.channel}\u0000${o.orderNo}`, o]));
  const found = await rows<Unknown>(
    tx,
    sql`SELECT o.id, o.channel, o.order_no AS "orderNo",
          (SELECT json_agg(json_build_object('lineNo', i.line_no, 'sku', i.sku)) FROM order_items i WHERE i.order_id = o.id) AS lines
        FROM orders o
        JOIN jsonb_to_recordset(${json(priced.map((o) => ({ channel: o.channel, orderNo: o.orderNo })))}::jsonb)
          AS k(channel text, "orderNo" text) ON o.channel = k.channel AND o.order_no = k."orderNo"
        WHERE o.amounts_unknown
        FOR UPDATE OF o`,
  );
  const fills = found.flatMap((row) => {
    const order = byKey.get(`${row.channel}\u0000${row.orderNo}`)!;
    const prices = (row.lines ?? []).map((line) => ({ ...line, price: priceOf(order, line) }));
    if (prices.some((p) => p.price === undefined)) return [];
    return [{ row, order, prices, seq: numbers.next() }];
  });
  if (fills.length === 0) return [];
  await tx.execute(
    sql`UPDATE order_items i SET unit_price = x.price
        FROM jsonb_to_recordset(${json(fills.flatMap((f) => f.prices.map((p) => ({ id: f.row.id, lineNo: p.lineNo, price: p.price }))))}::jsonb)
          AS x(id int, "lineNo" int, price int)
        WHERE i.order_id = x.id AND i.line_no = x."lineNo"`,
  );
  const money = json(
    fills.map((f) => ({
      id: f.row.id,
      seq: f.seq,
      discount: f.order.discount,
      shippingFee: f.order.shippingFee,
      codFee: f.order.codFee,
    })),
  );
  const totals = await rows<{ id: number; total: number }>(
    tx,
    sql`UPDATE orders o SET discount = x.discount, shipping_fee = x."shippingFee", cod_fee = x."codFee",
          subtotal = s.subtotal, total = s.subtotal - x.discount + x."shippingFee" + x."codFee",
          amounts_unknown = false, seq = x.seq, version = o.version + 1, updated_at = ${at}
        FROM jsonb_to_recordset(${money}::jsonb) AS x(id int, seq bigint, discount int, "shippingFee" int, "codFee" int),
          LATERAL (SELECT coalesce(sum(i.quantity * i.unit_price), 0)::int AS subtotal FROM order_items i WHERE i.order_id = x.id) s
        WHERE o.id = x.id
        RETURNING o.id, o.total`,
  );
  const totalOf = new Map(totals.map((t) => [t.id, t.total]));
  const history = fills.map((f) => ({
    id: f.row.id,
    seq: f.seq,
    to: `合計 ${formatYen(totalOf.get(f.row.id) ?? 0)}`,
  }));
  await tx.execute(
    sql`INSERT INTO order_history (order_id, seq, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
        SELECT id, seq, ${at}, ${actor}, NULL, 'server', 'channel_update', '金額未取得', "to", '金額未取得の注文に金額を反映しました'
        FROM jsonb_to_recordset(${json(history)}::jsonb) AS h(id int, seq bigint, "to" text)`,
  );
  await refreshWire(
    tx,
    fills.map((f) => f.row.id),
  );
  return fills.map((f) => f.row.orderNo);
}
