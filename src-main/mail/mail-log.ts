import type BetterSqlite3 from 'better-sqlite3';
import type { MailLogEntry, MailLogRow } from '../../src-shared/api/mail.js';
import { isStatusMailKind, type MailKind, type MailResult } from '../../src-shared/domain/mail.js';

/** One mail about to go out: what the intent row records. */
export interface MailIntent {
  orderId: number;
  kind: MailKind;
  mainStatus: string;
  /** Status mails clear the order's メール未送信 flag with the intent (S5). */
  statusMail: boolean;
  recipient: string;
  subject: string;
  body: string;
  messageId: string;
  retryOf: number | null;
  actor: string;
  /** A retry of a mail of unknown outcome: that row yields its claim to this one. */
  replacesUnknown?: number;
}

/** A finished send, to be written with the next step of the batch. */
export interface Outcome {
  id: number;
  intent: Pick<MailIntent, 'orderId' | 'kind' | 'mainStatus' | 'statusMail'>;
  result: 'sent' | 'failed' | 'unknown';
  error: string | null;
}

interface LogQuery {
  orderNo: string;
  fromIso?: string;
  toIso?: string;
  result?: MailResult;
  offset: number;
  limit: number;
}

const ROW_COLUMNS = `l.id, l.order_id AS orderId, coalesce(o.order_no, '') AS orderNo, l.kind, l.main_status AS mainStatus,
  l.recipient, l.subject, l.result, l.error, l.created_at AS createdAt, l.finished_at AS finishedAt, l.actor, l.retry_of AS retryOf`;

export type StoredEntry = Omit<MailLogEntry, 'canRetry' | 'canConfirm'>;

/** Returned when the database refused an intent: this status mail is already claimed. */
export const ALREADY_CLAIMED = 0;

/**
 * The mail log (S13) and the never-twice bookkeeping. Every write here is its own short
 * committed transaction, so what the log says survives a crash at any point of a batch.
 */
export class MailLog {
  private readonly insert: BetterSqlite3.Statement;
  private readonly clearPending: BetterSqlite3.Statement;
  private readonly clearPendingIn: BetterSqlite3.Statement;
  private readonly restorePending: BetterSqlite3.Statement;
  private readonly finish: BetterSqlite3.Statement;
  private readonly claimStmt: BetterSqlite3.Statement;
  private readonly lastReminderStmt: BetterSqlite3.Statement;
  private readonly entryStmt: BetterSqlite3.Statement;
  private readonly byOrderStmt: BetterSqlite3.Statement;
  private readonly yieldUnknown: BetterSqlite3.Statement;
  /**
   * One step of a batch, in ONE transaction: write the results of the sends that finished,
   * then the intents of the next sends (ids; ALREADY_CLAIMED where the database refused).
   * Intents are committed before their send starts; a result not yet written when the
   * process dies leaves its row 'pending', which start-up turns into 'unknown'.
   */
  readonly step: (finished: readonly Outcome[], intents: readonly MailIntent[], at: string) => number[];

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.insert = sqlite.prepare(
      `INSERT INTO mail_log (order_id, kind, main_status, recipient, subject, body, result, created_at, message_id, retry_of, actor)
       VALUES (@orderId, @kind, @mainStatus, @recipient, @subject, @body, 'pending', @at, @messageId, @retryOf, @actor)
       ON CONFLICT DO NOTHING`,
    );
    this.clearPending = sqlite.prepare('UPDATE orders SET mail_pending = 0 WHERE id = ? AND mail_pending = 1');
    this.clearPendingIn = sqlite.prepare(
      'UPDATE orders SET mail_pending = 0 WHERE id = ? AND status = ? AND mail_pending = 1',
    );
    // Only while the order still stands in the status the mail was for.
    this.restorePending = sqlite.prepare(
      'UPDATE orders SET mail_pending = 1 WHERE id = ? AND status = ? AND mail_pending = 0',
    );
    this.finish = sqlite.prepare(
      'UPDATE mail_log SET result = @result, error = @error, finished_at = @at WHERE id = @id',
    );
    this.claimStmt = sqlite.prepare(
      `SELECT id, result, created_at AS createdAt FROM mail_log
       WHERE order_id = ? AND main_status = ? AND kind = ? AND result IN ('pending', 'sent', 'unknown', 'marked')`,
    );
    this.lastReminderStmt = sqlite.prepare(
      `SELECT max(created_at) FROM mail_log WHERE order_id = ? AND kind = ? AND result IN ('pending', 'sent', 'unknown')`,
    );
    this.entryStmt = sqlite.prepare(
      `SELECT ${ROW_COLUMNS}, l.body, l.message_id AS messageId FROM mail_log l LEFT JOIN orders o ON o.id = l.order_id WHERE l.id = ?`,
    );
    this.byOrderStmt = sqlite.prepare(
      `SELECT ${ROW_COLUMNS} FROM mail_log l LEFT JOIN orders o ON o.id = l.order_id WHERE l.order_id = ? ORDER BY l.id DESC`,
    );
    this.yieldUnknown = sqlite.prepare("UPDATE mail_log SET result = 'retried' WHERE id = ? AND result = 'unknown'");
    const write = sqlite.transaction(
      (finished: readonly Outcome[], intents: readonly MailIntent[], at: string): number[] => {
        for (const outcome of finished) this.settle(outcome, at);
        return intents.map((intent) => this.claimOne(intent, at));
      },
    );
    this.step = (finished, intents, at) => {
      if (intents.length === 0) return write(finished, intents, at);
      // The database runs WAL with synchronous=NORMAL: a commit survives a killed process
      // but not a power cut. An intent must survive both, or a mail that went out could be
      // sent again after a reboot, so this commit is flushed to disk (FULL) before any send.
      const usual = Number(sqlite.pragma('synchronous', { simple: true }));
      sqlite.pragma('synchronous = FULL');
      try {
        return write(finished, intents, at);
      } finally {
        sqlite.pragma(`synchronous = ${usual}`);
      }
    };
  }

  /** The intent row, with the order's メール未送信 flag cleared for a status mail. */
  private claimOne(intent: MailIntent, at: string): number {
    if (intent.replacesUnknown && this.yieldUnknown.run(intent.replacesUnknown).changes === 0) return ALREADY_CLAIMED;
    const info = this.insert.run({
      orderId: intent.orderId,
      kind: intent.kind,
      mainStatus: intent.mainStatus,
      recipient: intent.recipient,
      subject: intent.subject,
      body: intent.body,
      messageId: intent.messageId,
      retryOf: intent.retryOf,
      actor: intent.actor,
      at,
    });
    if (info.changes === 0) return ALREADY_CLAIMED;
    if (intent.statusMail) this.clearPending.run(intent.orderId);
    return Number(info.lastInsertRowid);
  }

  /**
   * A send's result. Failed (certainly not delivered) and unknown (possibly delivered) both
   * put the order back in メール未送信; only a failed one is free to go again — an unknown
   * one keeps its claim until the clerk decides in F8.
   */
  private settle(outcome: Outcome, at: string): void {
    const { intent } = outcome;
    this.finish.run({ id: outcome.id, result: outcome.result, error: outcome.error, at });
    if (!intent.statusMail) return;
    if (outcome.result !== 'sent') this.restorePending.run(intent.orderId, intent.mainStatus);
    else this.recordSent(intent);
  }

  /**
   * A status mail went out: the order leaves メール未送信 (again, should a sync have put it
   * back meanwhile). The mail log is the record; while this PC syncs, the sync capture
   * trigger on mail_pending tells the central server.
   */
  private recordSent(intent: Outcome['intent']): void {
    this.clearPendingIn.run(intent.orderId, intent.mainStatus);
  }

  /**
   * At start-up, before any batch can run: a 'pending' row means the process died between
   * the intent and the result. The mail may or may not have gone out, so it becomes
   * 'unknown' — never sent again without the clerk deciding.
   */
  reconcile(at: string): number {
    const rows = this.sqlite
      .prepare("SELECT id, order_id AS orderId, main_status AS mainStatus, kind FROM mail_log WHERE result = 'pending'")
      .all() as { id: number; orderId: number; mainStatus: string; kind: MailKind }[];
    const error =
      '送信中にアプリが終了したため、届いたかどうか分かりません。F8 送信ログ照会で確認して、再送するか送信済にしてください。';
    this.step(
      rows.map((row) => ({
        id: row.id,
        intent: { ...row, statusMail: isStatusMailKind(row.kind) },
        result: 'unknown',
        error,
      })),
      [],
      at,
    );
    return rows.length;
  }

  /** The live claim on a status mail (sent, marked, in flight or unknown), if any. */
  statusClaim(
    orderId: number,
    mainStatus: string,
    kind: MailKind,
  ): { id: number; result: MailResult; createdAt: string } | undefined {
    return this.claimStmt.get(orderId, mainStatus, kind) as
      { id: number; result: MailResult; createdAt: string } | undefined;
  }

  lastReminderAt(orderId: number, kind: MailKind): string | null {
    return this.lastReminderStmt.pluck().get(orderId, kind) as string | null;
  }

  entry(id: number): StoredEntry | undefined {
    return this.entryStmt.get(id) as StoredEntry | undefined;
  }

  byOrder(orderId: number): MailLogRow[] {
    return this.byOrderStmt.all(orderId) as MailLogRow[];
  }

  /** The clerk checked that a mail of unknown outcome did arrive: it counts as sent. */
  confirmSent(id: number, at: string): void {
    this.sqlite.transaction(() => {
      const row = this.sqlite
        .prepare(
          "SELECT order_id AS orderId, main_status AS mainStatus, kind FROM mail_log WHERE id = ? AND result = 'unknown'",
        )
        .get(id) as { orderId: number; mainStatus: string; kind: MailKind } | undefined;
      if (!row) return;
      this.sqlite
        .prepare(
          "UPDATE mail_log SET result = 'sent', error = coalesce(error, '') || ' → 担当者が届いたことを確認し、送信済にしました。', finished_at = ? WHERE id = ?",
        )
        .run(at, id);
      if (isStatusMailKind(row.kind)) this.recordSent({ ...row, statusMail: true });
    })();
  }

  /** F8: newest first, by order number (exact or prefix) and Japan-time date range. */
  search(q: LogQuery): { rows: MailLogRow[]; total: number } {
    const where: string[] = [];
    const params: Record<string, unknown> = { offset: q.offset, limit: q.limit };
    if (q.orderNo) {
      // A range on the order-number index, so a prefix search stays fast at a million orders.
      where.push(`l.order_id IN (SELECT id FROM orders WHERE order_no >= @orderNo AND order_no < @orderNoEnd)`);
      params.orderNo = q.orderNo;
      params.orderNoEnd = `${q.orderNo}\uffff`;
    }
    if (q.fromIso) {
      where.push('l.created_at >= @fromIso');
      params.fromIso = q.fromIso;
    }
    if (q.toIso) {
      where.push('l.created_at < @toIso');
      params.toIso = q.toIso;
    }
    if (q.result) {
      where.push('l.result = @result');
      params.result = q.result;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.sqlite
      .prepare(
        `SELECT ${ROW_COLUMNS} FROM mail_log l LEFT JOIN orders o ON o.id = l.order_id ${clause} ORDER BY l.id DESC LIMIT @limit OFFSET @offset`,
      )
      .all(params) as MailLogRow[];
    const total = this.sqlite.prepare(`SELECT count(*) FROM mail_log l ${clause}`).pluck().get(params) as number;
    return { rows, total };
  }
}
