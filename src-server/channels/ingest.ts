import { sql } from 'drizzle-orm';
import { CHANNEL_LABELS } from '../../src-shared/domain/channels.js';
import type { ShipTo } from '../../src-shared/domain/order.js';
import { hasStatusMail } from '../../src-shared/domain/status.js';
import { writeTransaction, type ChangeNumbers } from '../db/changes.js';
import { jsonRows, rows, type ServerDb } from '../db/open.js';
import { fillUnknownAmounts } from '../orders/fill-amounts.js';
import { insertOrders } from '../orders/intake.js';
import { refreshWire } from '../orders/wire.js';
import { paymentNeeds } from '../sync/masters.js';
import { addressText, judgeChange, type StoredOrder } from './channel-changes.js';
import type { ApiChannel, ChannelOrder, ChannelState, FetchPage } from './connector.js';
import { shipToDigest } from './mapping.js';
import { addNote } from './notes.js';

interface IngestAccount {
  id: number;
  channel: ApiChannel;
  name: string;
  storeId: string | null;
}

export interface IngestResult {
  created: number;
  changed: number;
  conflicts: number;
}

/** Another process took the account over (its lease ran out): this run stops, nothing half-stored. */
export class LeaseLost extends Error {}

interface Existing extends StoredOrder {
  id: number;
  orderNo: string;
  shipTo: ShipTo;
}

const json = (value: unknown) => JSON.stringify(value);

/** Who the history says did it: "楽天市場（本店）". */
export const actorOf = (account: IngestAccount) => `${CHANNEL_LABELS[account.channel]}（${account.name}）`;

/**
 * Stores one fetched page in one transaction, with the cursor it carries: new orders go in
 * as intake does (idempotent on channel + order number), orders already here take the
 * channel's changes or record a conflict, every order is linked to the account (what its
 * shipment notice needs), and the account's lease is checked and extended. A crash before
 * the commit loses nothing: the cursor did not move, the next run fetches the page again.
 */
export async function ingestPage(
  db: ServerDb,
  account: IngestAccount,
  lease: { holder: string; until: string },
  page: FetchPage,
  now: Date,
  onCommit?: () => void,
): Promise<IngestResult> {
  const needs = await paymentNeeds(db);
  return writeTransaction(
    db,
    async (tx, numbers) => {
      const held = await rows<{ id: number }>(
        tx,
        sql`UPDATE channel_accounts SET lease_until = ${lease.until}, cursor = ${json(page.cursor)}::jsonb
            WHERE id = ${account.id} AND lease_holder = ${lease.holder} RETURNING id`,
      );
      if (held.length === 0) throw new LeaseLost(`account ${account.id}: lease lost`);
      const incoming = new Map(page.orders.map((o) => [o.order.orderNo, o]));
      if (incoming.size === 0) return { created: 0, changed: 0, conflicts: 0 };
      const at = now.toISOString();
      const existing = await findExisting(tx, account, [...incoming.keys()]);
      const fresh = [...incoming.values()].filter(
        (o) => !existing.has(o.order.orderNo) && o.state === 'open' && o.order.items.length > 0,
      );
      const created = fresh.length
        ? (
            await insertOrders(
              tx,
              numbers,
              fresh.map((o) => ({ ...o.order, storeId: account.storeId })),
              actorOf(account),
              at,
              needs,
            )
          ).created
        : 0;
      const ids = fresh.length
        ? await findExisting(
            tx,
            account,
            fresh.map((o) => o.order.orderNo),
          )
        : new Map();
      await noteBreakdowns(tx, fresh, ids);
      const { changed, conflicts } = await applyChanges(tx, numbers, account, existing, incoming, at);
      // The API's prices fill what an order file without prices left unknown (金額未取得).
      const known = [...incoming.values()].filter((o) => existing.has(o.order.orderNo) && o.order.items.length > 0);
      const filled = await fillUnknownAmounts(
        tx,
        numbers,
        known.map((o) => o.order),
        actorOf(account),
        at,
      );
      await link(tx, account, incoming, new Map([...existing, ...ids]));
      return { created, changed: changed + filled.length, conflicts };
    },
    onCommit,
  );
}

async function findExisting(tx: ServerDb, account: IngestAccount, orderNos: string[]): Promise<Map<string, Existing>> {
  const found = await jsonRows<Existing>(
    tx,
    sql`SELECT o.id, o.order_no AS "orderNo", o.status, o.pii_purged_at AS "piiPurgedAt",
          json_build_object('name', o.ship_name, 'postalCode', o.ship_postal_code, 'prefecture', o.ship_prefecture,
            'address1', o.ship_address1, 'address2', o.ship_address2, 'phone', o.ship_phone) AS "shipTo",
          co.channel_state AS "channelState", co.ship_to_digest AS digest
        FROM orders o
        LEFT JOIN channel_orders co ON co.order_id = o.id AND co.account_id = ${account.id}
        WHERE o.channel = ${account.channel}
          AND o.order_no IN (SELECT jsonb_array_elements_text(${json(orderNos)}::jsonb))
        FOR UPDATE OF o`,
  );
  return new Map(found.map((row) => [row.orderNo, row]));
}

/** The intake history row of each new order says how its money was made up. */
async function noteBreakdowns(tx: ServerDb, fresh: ChannelOrder[], ids: Map<string, Existing>) {
  const notes = fresh
    .filter((o) => o.breakdown && ids.has(o.order.orderNo))
    .map((o) => ({ id: ids.get(o.order.orderNo)!.id, reason: o.breakdown }));
  if (notes.length === 0) return;
  await tx.execute(
    sql`UPDATE order_history h SET reason = n.reason
        FROM jsonb_to_recordset(${json(notes)}::jsonb) AS n(id int, reason text)
        WHERE h.order_id = n.id AND h.kind = 'intake'`,
  );
}

interface Change {
  id: number;
  seq: number;
  kind: 'cancel' | 'address' | 'conflict';
  message: string;
  from: string | null;
  to: string | null;
  shipTo: ChannelOrder['order']['shipTo'];
}

async function applyChanges(
  tx: ServerDb,
  numbers: ChangeNumbers,
  account: IngestAccount,
  existing: Map<string, Existing>,
  incoming: Map<string, ChannelOrder>,
  at: string,
): Promise<{ changed: number; conflicts: number }> {
  const changes: Change[] = [];
  for (const [orderNo, stored] of existing) {
    const order = incoming.get(orderNo)!;
    const verdict = judgeChange(account.channel, stored, order);
    if (verdict.kind === 'none') continue;
    changes.push({
      id: stored.id,
      seq: numbers.next(),
      kind: verdict.kind,
      message: verdict.kind === 'conflict' ? verdict.message : '',
      from: verdict.kind === 'cancel' ? stored.status : verdict.kind === 'address' ? addressText(stored.shipTo) : null,
      to: verdict.kind === 'cancel' ? 'cancelled' : verdict.kind === 'address' ? addressText(order.order.shipTo) : null,
      shipTo: order.order.shipTo,
    });
  }
  if (changes.length === 0) return { changed: 0, conflicts: 0 };
  const records = json(
    changes.map((c) => ({
      id: c.id,
      seq: c.seq,
      kind: c.kind,
      message: c.message,
      shipName: c.shipTo.name,
      shipPostalCode: c.shipTo.postalCode,
      shipPrefecture: c.shipTo.prefecture,
      shipAddress1: c.shipTo.address1,
      shipAddress2: c.shipTo.address2,
      shipPhone: c.shipTo.phone,
    })),
  );
  const cancelledMail = hasStatusMail('cancelled');
  await tx.execute(
    sql`UPDATE orders o SET seq = x.seq, version = o.version + 1, updated_at = ${at},
          status = CASE WHEN x.kind = 'cancel' THEN 'cancelled' ELSE o.status END,
          cancelled_at = CASE WHEN x.kind = 'cancel' THEN ${at} ELSE o.cancelled_at END,
          cancel_reason = CASE WHEN x.kind = 'cancel' THEN ${`${CHANNEL_LABELS[account.channel]}でキャンセル`} ELSE o.cancel_reason END,
          mail_pending = CASE WHEN x.kind = 'cancel' THEN ${cancelledMail} ELSE o.mail_pending END,
          channel_note = CASE WHEN x.kind = 'conflict' THEN ${addNote(sql`x.message`)} ELSE o.channel_note END,
          ship_name = CASE WHEN x.kind = 'address' THEN x."shipName" ELSE o.ship_name END,
          ship_postal_code = CASE WHEN x.kind = 'address' THEN x."shipPostalCode" ELSE o.ship_postal_code END,
          ship_prefecture = CASE WHEN x.kind = 'address' THEN x."shipPrefecture" ELSE o.ship_prefecture END,
          ship_address1 = CASE WHEN x.kind = 'address' THEN x."shipAddress1" ELSE o.ship_address1 END,
          ship_address2 = CASE WHEN x.kind = 'address' THEN x."shipAddress2" ELSE o.ship_address2 END,
          ship_phone = CASE WHEN x.kind = 'address' THEN x."shipPhone" ELSE o.ship_phone END
        FROM jsonb_to_recordset(${records}::jsonb) AS x(id int, seq bigint, kind text, message text, "shipName" text,
          "shipPostalCode" text, "shipPrefecture" text, "shipAddress1" text, "shipAddress2" text, "shipPhone" text)
        WHERE o.id = x.id`,
  );
  const history = changes.map((c) => ({
    id: c.id,
    seq: c.seq,
    kind: c.kind === 'cancel' ? 'status' : c.kind === 'address' ? 'channel_update' : 'channel_conflict',
    from: c.from,
    to: c.to,
    reason: c.kind === 'cancel' ? `${CHANNEL_LABELS[account.channel]}でキャンセルされました` : c.message,
  }));
  await tx.execute(
    sql`INSERT INTO order_history (order_id, seq, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
        SELECT id, seq, ${at}, ${actorOf(account)}, NULL, 'server', kind, "from", "to", reason
        FROM jsonb_to_recordset(${json(history)}::jsonb) AS h(id int, seq bigint, kind text, "from" text, "to" text, reason text)`,
  );
  const conflicts = changes.filter((c) => c.kind === 'conflict');
  if (conflicts.length > 0)
    await tx.execute(
      sql`INSERT INTO channel_conflicts (order_id, account_id, kind, message, detected_at)
          SELECT id, ${account.id}, 'channel_change', message, ${at}
          FROM jsonb_to_recordset(${json(conflicts.map((c) => ({ id: c.id, message: c.message })))}::jsonb) AS c(id int, message text)`,
    );
  await refreshWire(
    tx,
    changes.map((c) => c.id),
  );
  return { changed: changes.length - conflicts.length, conflicts: conflicts.length };
}

/**
 * Every order of the page is linked to the account with what the channel said last; what a
 * shipment notice needs is kept from the first sighting (later sightings may carry less).
 */
async function link(
  tx: ServerDb,
  account: IngestAccount,
  incoming: Map<string, ChannelOrder>,
  ids: Map<string, Existing>,
) {
  const links = [...incoming.values()].flatMap((o) => {
    const id = ids.get(o.order.orderNo)?.id;
    return id === undefined
      ? []
      : [
          {
            orderNo: o.order.orderNo,
            orderId: id,
            state: o.state satisfies ChannelState,
            updatedAt: o.updatedAt,
            digest: shipToDigest(o.order.shipTo),
            ref: o.shipmentRef,
          },
        ];
  });
  if (links.length === 0) return;
  await tx.execute(
    sql`INSERT INTO channel_orders (account_id, order_no, order_id, channel_state, channel_updated_at, ship_to_digest, shipment_ref)
        SELECT ${account.id}, "orderNo", "orderId", state, "updatedAt", digest, ref
        FROM jsonb_to_recordset(${json(links)}::jsonb) AS l("orderNo" text, "orderId" int, state text, "updatedAt" text, digest text, ref jsonb)
        ON CONFLICT (account_id, order_no) DO UPDATE SET channel_state = excluded.channel_state,
          channel_updated_at = excluded.channel_updated_at, ship_to_digest = excluded.ship_to_digest`,
  );
}
