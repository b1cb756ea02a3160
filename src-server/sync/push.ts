import { sql } from 'drizzle-orm';
import { canonicalTrackingNo, trackingNoForms } from '../../src-shared/domain/tracking.js';
import type { PackedOrder } from '../../src-shared/sync/packed-orders.js';
import type { OpResult, WireOp, WireOrder } from '../../src-shared/sync/protocol.js';
import type { ClientIdentity } from '../auth.js';
import { writeTransaction, type ChangeNumbers } from '../db/changes.js';
import { idList, jsonRows, rows, writeTogether, type ServerDb } from '../db/open.js';
import { insertOrders } from '../orders/intake.js';
import { loadOrders, selectOrdersByIds, unpackStored, type OrderRow } from '../orders/load.js';
import { paymentNeeds } from './masters.js';
import { packedWire, refreshWire } from '../orders/wire.js';
import { ITEM_COLUMN_LIST, itemRecord, itemValues } from '../orders/item-columns.js';
import { queueShipmentNotices, withdrawFiledNotices } from '../channels/notices.js';
import { stockOrders } from '../stock/status-stock.js';
import { StockWorking } from '../stock/working.js';
import { applyOne, canSee, NOT_YOURS, ParcelNumbers, type Working } from './apply-op.js';
import { numberedOrderWrites, type HistoryRow, type ReadOrder } from './numbered-writes.js';

export { NOT_YOURS } from './apply-op.js';

/** Advisory-lock class of "one push per PC at a time" (the key's other half is the client id). */
const PUSH_LOCK_CLASS = 7_212_001;

/** The pushed item lists, written before the change-number lock (they carry no number). */
async function replaceItems(tx: ServerDb, changed: readonly Working[]) {
  const withItems = changed.filter((w) => w.items);
  if (withItems.length === 0) return;
  const ids = idList(withItems.map((w) => w.row.id));
  await tx.execute(sql`DELETE FROM order_items WHERE order_id = ANY(${ids}::int[])`);
  const items = withItems.flatMap((w) => w.items!.map((i) => ({ orderId: w.row.id, ...i })));
  await tx.execute(
    sql`INSERT INTO order_items (order_id, ${sql.raw(ITEM_COLUMN_LIST)})
        SELECT i."orderId", ${sql.raw(itemValues('i'))}
        FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS ${itemRecord('i', '"orderId" int')}`,
  );
}

/** The parcels waiting to ship that hold a tracking number this push registers. */
async function parcelNumbers(tx: ServerDb, ops: readonly WireOp[]): Promise<ParcelNumbers> {
  const forms = [
    ...new Set(
      ops.flatMap((op) =>
        op.kind === 'status' && op.trackingNo ? trackingNoForms(canonicalTrackingNo(op.trackingNo)) : [],
      ),
    ),
  ];
  if (forms.length === 0) return new ParcelNumbers([]);
  return new ParcelNumbers(
    await rows(
      tx,
      sql`SELECT channel, order_no AS "orderNo", tracking_no AS "trackingNo", bundle_group AS "bundleGroup", status
          FROM orders WHERE status = 'awaiting_shipment'
            AND tracking_no IN (SELECT jsonb_array_elements_text(${JSON.stringify(forms)}::jsonb))`,
    ),
  );
}

/**
 * Orders made on a PC (its own CSV import) join the central copy; one made at a store
 * without a store belongs to that store. Known ones are left as they are.
 */
async function insertCreated(
  tx: ServerDb,
  numbers: ChangeNumbers,
  client: ClientIdentity,
  creates: WireOp[],
  now: Date,
) {
  // A store PC's order is its own store's, whatever the op names: no order slips into another store.
  const orders = creates.flatMap((op) =>
    op.kind === 'create'
      ? [{ ...op.order, storeId: client.isHeadOffice ? (op.order.storeId ?? null) : client.storeId }]
      : [],
  );
  if (orders.length === 0) return;
  await insertOrders(tx, numbers, orders, client.name, now.toISOString(), await paymentNeeds(tx));
}

/**
 * Applies a PC's queued operations in order, each at most once: an op id this client sent
 * before gets its first answer again and changes nothing. `refusals` are ops the checks
 * before (validate-ops) refused: they are answered and recorded like any refusal. Every status change is judged against the
 * server's current state; refused ones come back with the reason and the server's copy.
 */
export async function applyOps(
  db: ServerDb,
  client: ClientIdentity,
  ops: readonly WireOp[],
  now: Date,
  onCommit?: () => void,
  refusals: ReadonlyMap<string, string> = new Map(),
): Promise<OpResult[]> {
  if (ops.length === 0) return [];
  const creates = ops.filter((o) => o.kind === 'create');
  // New orders are numbered as they are inserted, before the ops that follow them are judged;
  // a tracking number is judged against every parcel, locked or not, so against the last commit.
  const numbersFirst = creates.length > 0 || ops.some((o) => o.kind === 'status' && o.trackingNo);
  return writeTransaction(
    db,
    async (tx, numbers) => {
      // One push of this PC at a time: its earlier answers, read next, hold until this one commits.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK_CLASS}::int, ${client.id}::int)`);
      if (numbersFirst) await numbers.take();
      const opIds = JSON.stringify(ops.map((o) => ({ id: o.opId })));
      const seen = await rows<{ opId: string; accepted: boolean; reason: string | null; orderId: number | null }>(
        tx,
        sql`SELECT op_id AS "opId", accepted, reason, order_id AS "orderId" FROM applied_ops
            WHERE client_id = ${client.id} AND op_id IN (SELECT id FROM jsonb_to_recordset(${opIds}::jsonb) AS k(id text))`,
      );
      const earlier = new Map(seen.map((s) => [s.opId, s]));
      await insertCreated(
        tx,
        numbers,
        client,
        creates.filter((o) => !earlier.has(o.opId) && !refusals.has(o.opId)),
        now,
      );
      const keys = JSON.stringify(ops.map((o) => ({ channel: o.channel, orderNo: o.orderNo })));
      // Each order is read once, as the packed text it travels in (packed now if an older
      // version packed it): its values to judge, and its items for the text written back.
      const read = new Map<number, ReadOrder>();
      const found = (
        await jsonRows<{ id: number; seq: number; packed: PackedOrder }>(
          tx,
          sql`SELECT o.id, o.seq, (${packedWire('o')})::json AS packed FROM orders o
            JOIN (SELECT DISTINCT channel, "orderNo" FROM jsonb_to_recordset(${keys}::jsonb) AS k(channel text, "orderNo" text)) k
              ON o.channel = k.channel AND o.order_no = k."orderNo"
            FOR UPDATE OF o`,
        )
      ).map(({ id, seq, packed }) => {
        const order: Partial<WireOrder> = unpackStored(packed);
        delete order.items; // the row is the order's fields; its lines stay packed, below
        delete order.history;
        const row = { id, seq, ...order } as OrderRow;
        read.set(id, { before: { ...row }, items: packed[packed.length - 1] as unknown[] });
        return row;
      });
      const parcels = await parcelNumbers(tx, ops);
      const working = new Map<string, Working>(
        found.map((row) => [
          `${row.channel}\u0000${row.orderNo}`,
          { row, changed: false, departedFrom: new Set<string>() },
        ]),
      );
      const stockScope = stockOrders(ops, found);
      const stock = await StockWorking.load(tx, [], stockScope);
      const results: OpResult[] = [];
      const history: HistoryRow[] = [];
      const applied: {
        opId: string;
        orderId: number | null;
        accepted: boolean;
        reason: string | null;
        channel: string;
        orderNo: string;
        kind: string;
        operation: string | null;
      }[] = [];
      const answered = new Set<string>();
      const shipped = new Set<number>();
      const filed = new Set<number>();
      for (const op of ops) {
        const before = earlier.get(op.opId);
        if (before || answered.has(op.opId)) {
          results.push({ opId: op.opId, accepted: before?.accepted ?? true, reason: before?.reason ?? undefined });
          continue;
        }
        answered.add(op.opId);
        const work = working.get(`${op.channel}\u0000${op.orderNo}`);
        const refused = refusals.get(op.opId);
        const outcome = refused
          ? ({ ok: false, reason: refused } as const)
          : work
            ? applyOne(op, work, client, parcels, stock)
            : ({ ok: false, reason: NOT_YOURS } as const);
        if (outcome.ok && outcome.history) {
          work!.changed = true;
          history.push({ orderId: work!.row.id, ...outcome.history });
          if (op.kind === 'status' && outcome.history.to === 'shipped') shipped.add(work!.row.id);
          if (op.kind === 'ship_notice_file' && work!.row.shipNotice === 'file') filed.add(work!.row.id);
        }
        applied.push({
          opId: op.opId,
          orderId: work?.row.id ?? null,
          accepted: outcome.ok,
          reason: outcome.ok ? null : outcome.reason,
          channel: op.channel,
          orderNo: op.orderNo,
          kind: op.kind,
          operation: op.kind === 'status' ? op.operation : null,
        });
        results.push({ opId: op.opId, accepted: outcome.ok, reason: outcome.ok ? undefined : outcome.reason });
      }
      const at = now.toISOString();
      const changed = [...working.values()].filter((w) => w.changed);
      await replaceItems(tx, changed);
      await stock.writeReservations(tx);
      await tx.execute(
        sql`INSERT INTO applied_ops (op_id, client_id, order_id, accepted, reason, applied_at, channel, order_no, kind, operation)
            SELECT "opId", ${client.id}, "orderId", accepted, reason, ${at}, channel, "orderNo", kind, operation
            FROM jsonb_to_recordset(${JSON.stringify(applied)}::jsonb)
              AS a("opId" text, "orderId" int, accepted boolean, reason text, channel text, "orderNo" text, kind text, operation text)`,
      );
      // Judged, and written where no number is needed, with the orders and stock rows locked:
      // only the numbered writes (one statement) and the commit queue for the change numbers.
      const needed = changed.length + stock.numbersNeeded;
      if (needed > 0) {
        await numbers.take(needed);
        const orders = numberedOrderWrites(numbers, changed, read, history, client.id, at);
        await writeTogether(tx, [...orders.writes, ...stock.numberedWrites(numbers)]);
        await refreshWire(tx, orders.repack);
      }
      await queueShipmentNotices(tx, [...shipped], at);
      await withdrawFiledNotices(tx, [...filed]);
      await attachServerCopies(tx, client, ops, results, working, earlier);
      // A refused status change's copy comes with what the order holds (the push read it).
      const scoped = new Set(stockScope.map((o) => o.id));
      for (const [i, result] of results.entries()) {
        const id = working.get(`${ops[i]!.channel}\u0000${ops[i]!.orderNo}`)?.row.id;
        if (result.order && id !== undefined && scoped.has(id)) result.holding = stock.holding(id);
      }
      return results;
    },
    onCommit,
    { takesNumbersLate: true },
  );
}

/**
 * Refused ops carry the server's copy of their order (null when this PC may no longer see
 * it), and so do creates: an order made here that the server already had takes its copy.
 */
async function attachServerCopies(
  tx: ServerDb,
  client: ClientIdentity,
  ops: readonly WireOp[],
  results: OpResult[],
  working: Map<string, Working>,
  earlier: Map<string, { orderId: number | null }>,
) {
  const refusedIds = new Map<string, number>();
  ops.forEach((op, i) => {
    if (results[i]!.accepted && op.kind !== 'create') return;
    const id = working.get(`${op.channel}\u0000${op.orderNo}`)?.row.id ?? earlier.get(op.opId)?.orderId;
    if (id) refusedIds.set(op.opId, id);
  });
  if (refusedIds.size === 0) return;
  const current = await selectOrdersByIds(tx, [...new Set(refusedIds.values())]);
  const visible = new Map(
    current.filter((row) => canSee(client, row.storeId)).map((row) => [row.id, `${row.channel}\u0000${row.orderNo}`]),
  );
  const loaded = new Map(
    (await loadOrders(tx, [...visible.keys()])).map((order) => [`${order.channel}\u0000${order.orderNo}`, order]),
  );
  for (const result of results) {
    const id = refusedIds.get(result.opId);
    if (id !== undefined) result.order = loaded.get(visible.get(id) ?? '') ?? null;
  }
}
