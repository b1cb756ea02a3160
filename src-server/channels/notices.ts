import { sql } from 'drizzle-orm';
import { UserError } from '../../src-shared/api/errors.js';
import type { NoticeListQuery, ShipmentNoticeRow } from '../../src-shared/console/channels.js';
import { CARRIERS } from '../../src-shared/domain/carriers.js';
import { writeTransaction } from '../db/changes.js';
import { idList, jsonRows, rows, type ServerDb } from '../db/open.js';
import { refreshWire } from '../orders/wire.js';
import type { Json } from './connector.js';
import { addNote, NOTICE_ERROR, withoutNoticeError } from './notes.js';

const MISSING =
  '配送会社か送り状番号が登録されていないため、出荷通知を送れません。送り状番号を登録し直してから、本部で再送してください。';
const MISSING_NOTE = `${NOTICE_ERROR}${MISSING}`;

const KNOWN_CARRIERS = sql.raw(CARRIERS.map((c) => `'${c}'`).join(', '));

/**
 * Queues one shipment notice per order that just became 出荷済 and came from a channel
 * account (bundle members each get their own), in the transaction that shipped them. An
 * order the store already reported by file (送信済（ファイル）) gets none. The order's 出荷通知
 * becomes 未送信, or エラー straight away when the carrier or tracking number is missing.
 */
export async function queueShipmentNotices(tx: ServerDb, orderIds: readonly number[], at: string): Promise<void> {
  if (orderIds.length === 0) return;
  const queued = await rows<{ orderId: number; state: string }>(
    tx,
    sql`INSERT INTO shipment_notices (order_id, account_id, order_no, carrier, tracking_no, ship_date, state, next_attempt_at, channel_message, created_at)
        SELECT o.id, co.account_id, o.order_no, o.carrier, o.tracking_no, coalesce(o.shipped_at, ${at}),
          CASE WHEN o.carrier IN (${KNOWN_CARRIERS}) AND coalesce(o.tracking_no, '') <> '' THEN 'pending' ELSE 'refused' END,
          ${at},
          CASE WHEN o.carrier IN (${KNOWN_CARRIERS}) AND coalesce(o.tracking_no, '') <> '' THEN '' ELSE ${MISSING} END,
          ${at}
        FROM orders o JOIN channel_orders co ON co.order_id = o.id
        WHERE o.id = ANY(${idList(orderIds)}::int[]) AND o.status = 'shipped' AND o.ship_notice IS DISTINCT FROM 'file'
        ON CONFLICT (order_id) DO NOTHING
        RETURNING order_id AS "orderId", state`,
  );
  if (queued.length === 0) return;
  await tx.execute(
    sql`UPDATE orders o SET ship_notice = CASE WHEN q.state = 'pending' THEN 'pending' ELSE 'error' END,
          channel_note = CASE WHEN q.state = 'pending' THEN o.channel_note ELSE ${addNote(sql`${MISSING_NOTE}`)} END
        FROM jsonb_to_recordset(${JSON.stringify(queued)}::jsonb) AS q("orderId" int, state text)
        WHERE o.id = q."orderId"`,
  );
  await refreshWire(
    tx,
    queued.map((q) => q.orderId),
  );
}

/**
 * Withdraws the notices of orders the store reported by file (出荷通知ファイル) that have not
 * gone out yet (待ち or refused for a missing tracking number): the channel hears of each
 * shipment once. A notice being sent at that moment is left to finish; its answer decides.
 * Runs in the push's transaction, after the orders' 出荷通知 became 送信済（ファイル）.
 */
export async function withdrawFiledNotices(tx: ServerDb, orderIds: readonly number[]): Promise<void> {
  if (orderIds.length === 0) return;
  const withdrawn = await rows<{ orderId: number }>(
    tx,
    sql`DELETE FROM shipment_notices WHERE order_id = ANY(${idList(orderIds)}::int[]) AND state IN ('pending', 'refused')
        RETURNING order_id AS "orderId"`,
  );
  if (withdrawn.length === 0) return;
  const ids = withdrawn.map((w) => w.orderId);
  await tx.execute(
    sql`UPDATE orders o SET channel_note = ${withoutNoticeError} WHERE o.id = ANY(${idList(ids)}::int[])`,
  );
  await refreshWire(tx, ids);
}

export interface ClaimedNotice {
  id: number;
  orderId: number;
  orderNo: string;
  carrier: string;
  trackingNo: string;
  shipDate: string;
  attempts: number;
  unsure: boolean;
  paymentMethod: string;
  shipmentRef: Json;
}

/**
 * Takes up to `limit` due notices of an account for sending, committed before anything goes
 * out: a notice another process took is skipped, and one whose process dies stays 'sending'
 * until recoverStale hands it back as unsure (asked of the channel before any resend).
 */
export async function claimNotices(
  db: ServerDb,
  accountId: number,
  limit: number,
  now: Date,
): Promise<ClaimedNotice[]> {
  const at = now.toISOString();
  return rows<ClaimedNotice>(
    db,
    sql`WITH due AS (
          SELECT id FROM shipment_notices
          WHERE account_id = ${accountId} AND state = 'pending' AND next_attempt_at <= ${at}
          ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED),
        taken AS (
          UPDATE shipment_notices n SET state = 'sending', sending_since = ${at}, attempts = n.attempts + 1
          FROM due WHERE n.id = due.id
          RETURNING n.id, n.order_id, n.order_no, n.carrier, n.tracking_no, n.ship_date, n.attempts, n.unsure, n.account_id)
        SELECT t.id, t.order_id AS "orderId", t.order_no AS "orderNo", t.carrier, t.tracking_no AS "trackingNo",
          t.ship_date AS "shipDate", t.attempts, t.unsure, o.payment_method AS "paymentMethod", co.shipment_ref AS "shipmentRef"
        FROM taken t JOIN orders o ON o.id = t.order_id
        JOIN channel_orders co ON co.order_id = t.order_id AND co.account_id = t.account_id
        ORDER BY t.id`,
  );
}

export type NoticeOutcome =
  | { id: number; orderId: number; state: 'sent' }
  | { id: number; orderId: number; state: 'refused'; message: string }
  | { id: number; orderId: number; state: 'pending'; message: string; nextAttemptAt: string; unsure: boolean };

/**
 * Records what the channel answered, many notices in one transaction. Sent and refused
 * notices change their order's 出荷通知 (送信済 / エラー with the channel's message) as a
 * change the PCs pull; a notice to try again keeps 未送信.
 */
export async function recordOutcomes(
  db: ServerDb,
  outcomes: readonly NoticeOutcome[],
  actor: string,
  now: Date,
  onCommit?: () => void,
): Promise<void> {
  if (outcomes.length === 0) return;
  const at = now.toISOString();
  const records = outcomes.map((o) => ({
    id: o.id,
    state: o.state,
    message: o.state === 'sent' ? '' : o.message,
    next: o.state === 'pending' ? o.nextAttemptAt : at,
    unsure: o.state === 'pending' ? o.unsure : false,
  }));
  await writeTransaction(
    db,
    async (tx, numbers) => {
      const settled = await rows<{ orderId: number; state: 'sent' | 'refused'; message: string }>(
        tx,
        sql`UPDATE shipment_notices n SET state = r.state, channel_message = r.message, next_attempt_at = r.next,
              unsure = r.unsure, sending_since = NULL, sent_at = CASE WHEN r.state = 'sent' THEN ${at} ELSE n.sent_at END
            FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(id int, state text, message text, next text, unsure boolean)
            WHERE n.id = r.id AND n.state = 'sending'
            RETURNING n.order_id AS "orderId", n.state, n.channel_message AS message`,
      );
      const changed = settled
        .filter((s) => s.state !== ('pending' as string))
        .map((s) => ({ ...s, seq: numbers.next() }));
      if (changed.length === 0) return;
      const list = JSON.stringify(changed);
      await tx.execute(
        sql`UPDATE orders o SET seq = c.seq, version = o.version + 1, updated_at = ${at},
              ship_notice = CASE WHEN c.state = 'sent' THEN 'sent' ELSE 'error' END,
              channel_note = CASE WHEN c.state = 'sent' THEN ${withoutNoticeError}
                ELSE ${addNote(sql`${NOTICE_ERROR} || c.message`)} END
            FROM jsonb_to_recordset(${list}::jsonb) AS c("orderId" int, state text, message text, seq bigint)
            WHERE o.id = c."orderId"`,
      );
      await tx.execute(
        sql`INSERT INTO order_history (order_id, seq, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
            SELECT "orderId", seq, ${at}, ${actor}, NULL, 'server', 'ship_notice', 'pending',
              CASE WHEN state = 'sent' THEN 'sent' ELSE 'error' END, message
            FROM jsonb_to_recordset(${list}::jsonb) AS c("orderId" int, state text, message text, seq bigint)`,
      );
      await refreshWire(
        tx,
        changed.map((c) => c.orderId),
      );
    },
    onCommit,
  );
}

/** Notices left 'sending' by a process that stopped: due again, and asked of the channel first. */
export async function recoverStale(db: ServerDb, olderThan: Date): Promise<number> {
  const back = await rows<{ id: number }>(
    db,
    sql`UPDATE shipment_notices SET state = 'pending', unsure = true, sending_since = NULL
        WHERE state = 'sending' AND sending_since < ${olderThan.toISOString()} RETURNING id`,
  );
  return back.length;
}

/**
 * Head office sends a refused notice again (after fixing the order or settling it with the
 * channel): with the order's current carrier and tracking number, from the first attempt.
 */
async function retryNotice(db: ServerDb, noticeId: number, actor: string, now: Date, onCommit?: () => void) {
  const at = now.toISOString();
  return writeTransaction(
    db,
    async (tx, numbers) => {
      const [again] = await rows<{ orderId: number }>(
        tx,
        sql`UPDATE shipment_notices n SET state = 'pending', attempts = 0, unsure = false, next_attempt_at = ${at},
              channel_message = '', carrier = o.carrier, tracking_no = o.tracking_no
            FROM orders o
            WHERE n.id = ${noticeId} AND n.state = 'refused' AND o.id = n.order_id
              AND o.carrier IN (${KNOWN_CARRIERS}) AND coalesce(o.tracking_no, '') <> ''
            RETURNING n.order_id AS "orderId"`,
      );
      if (!again) return false;
      const seq = numbers.next();
      await tx.execute(
        sql`UPDATE orders o SET seq = ${seq}, version = o.version + 1, updated_at = ${at}, ship_notice = 'pending',
              channel_note = ${withoutNoticeError}
            WHERE o.id = ${again.orderId}`,
      );
      await tx.execute(
        sql`INSERT INTO order_history (order_id, seq, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
            VALUES (${again.orderId}, ${seq}, ${at}, ${actor}, NULL, 'server', 'ship_notice', 'error', 'pending', '再送')`,
      );
      await refreshWire(tx, [again.orderId]);
      return true;
    },
    onCommit,
  );
}

/** Head office's retry (admin API and console alike): refused with a Japanese reason when it cannot be sent again. */
export async function retryRefusedNotice(
  db: ServerDb,
  noticeId: number,
  actor: string,
  now: Date,
  onCommit?: () => void,
): Promise<{ ok: true }> {
  if (!(await retryNotice(db, noticeId, actor, now, onCommit)))
    throw new UserError(
      '再送できません。エラーの出荷通知だけを、配送会社と送り状番号が登録されている注文について再送できます。',
      'invalid_input',
    );
  return { ok: true };
}

/** The shipment notice queue, newest first, by state and account (出荷通知 of the console, the admin API). */
export async function listNotices(db: ServerDb, query: NoticeListQuery): Promise<ShipmentNoticeRow[]> {
  const { state, accountId, limit } = query;
  return jsonRows<ShipmentNoticeRow>(
    db,
    sql`SELECT n.id, n.account_id AS "accountId", a.name AS "accountName", o.channel, n.order_no AS "orderNo",
          o.store_id AS "storeId", n.carrier, n.tracking_no AS "trackingNo", n.ship_date AS "shipDate", n.state,
          n.attempts, n.unsure, n.next_attempt_at AS "nextAttemptAt", n.channel_message AS "channelMessage",
          n.created_at AS "createdAt", n.sent_at AS "sentAt"
        FROM shipment_notices n JOIN orders o ON o.id = n.order_id
        LEFT JOIN channel_accounts a ON a.id = n.account_id
        WHERE ${state ? sql`n.state = ${state}` : sql`TRUE`}
          AND ${accountId ? sql`n.account_id = ${accountId}` : sql`TRUE`}
        ORDER BY n.id DESC LIMIT ${limit}`,
  );
}
