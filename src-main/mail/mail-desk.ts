import type BetterSqlite3 from 'better-sqlite3';
import { ORDER_GONE, orderGoneError, UserError } from '../../src-shared/api/errors.js';
import { jstDayStart } from '../../src-shared/text/jst.js';
import type { ParsedInputOf } from '../../src-shared/api/index.js';
import type { MailBatchResult, MailLogEntry, MailLogRow } from '../../src-shared/api/mail.js';
import type { AppContext } from '../core/app-context.js';
import { reminderCutoffs } from '../orders/reminder-cutoffs.js';
import { markShippingSent } from './shipping-mark.js';
import type { StoredEntry } from './mail-log.js';
import { loadMailOrders } from './mail-order.js';
import type { MailService } from './mail-service.js';
import { planRetry } from './retry.js';
import { blockedReason, isJob, planReminders, planStatusMail } from './rules.js';

/**
 * The clerk's mail desk (F7, F8, E12 and the bulk mail buttons): which mails a request
 * means, handed to the MailService that sends them once; the send log with what each
 * entry still allows.
 */
export class MailDesk {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly mail: MailService,
    /** The mail policy and 催促 periods, the clock, who marks mails sent. */
    private readonly parts: Pick<AppContext, 'settings' | 'clock' | 'actor'>,
  ) {}

  /** F7 and メール未送信 ('status'): each order's status mail; 催促対象 ('reminder'): its reminders. */
  send(orderIds: readonly number[], purpose: 'status' | 'reminder'): Promise<MailBatchResult> {
    const { mail, parts } = this;
    const policy = parts.settings.get('mailPolicy') ?? {};
    if (purpose === 'status') {
      return mail.run(orderIds, (orders, ids) =>
        ids.map((id) => {
          const order = orders.get(id);
          return order
            ? planStatusMail(order, mail.log, policy)
            : { orderId: id, orderNo: String(id), reason: ORDER_GONE };
        }),
      );
    }
    const cutoffs = reminderCutoffs(parts);
    const days = parts.settings.get('reminderDays');
    return mail.run(orderIds, (orders, ids) =>
      ids.flatMap((id) => {
        const order = orders.get(id);
        return order
          ? planReminders(order, mail.log, cutoffs, days, policy)
          : [{ orderId: id, orderNo: String(id), reason: ORDER_GONE }];
      }),
    );
  }

  /** F8 再送: the chosen log entries, each sent again only where that is safe. */
  retry(logIds: readonly number[]): Promise<MailBatchResult> {
    const { mail } = this;
    const entries = [...new Set(logIds)].map((id) => mail.log.entry(id)).filter((e): e is StoredEntry => !!e);
    if (entries.length === 0)
      throw new UserError('再送するメールが見つかりません。送信ログを更新してください。', 'not_found');
    return mail.run(
      entries.map((e) => e.orderId),
      (orders, ids) => {
        const part = new Set(ids);
        return entries.filter((e) => part.has(e.orderId)).map((e) => planRetry(e, orders.get(e.orderId), mail.log));
      },
    );
  }

  /** F8 送信済にする: a mail whose result is unknown, confirmed as delivered. */
  confirmSent(id: number): MailLogEntry {
    const entry = this.entryOrThrow(id);
    if (entry.result !== 'unknown')
      throw new UserError('送信済にできるのは「結果不明」のメールだけです。', 'invalid_state');
    this.mail.log.confirmSent(id, this.parts.clock.now().toISOString());
    return this.entry(id);
  }

  /** F8 送信ログ照会: days are Japanese calendar days. */
  log(query: ParsedInputOf<'mail:log'>): { rows: MailLogRow[]; total: number } {
    return this.mail.log.search({
      orderNo: query.orderNo,
      fromIso: query.from ? jstDayStart(query.from) : undefined,
      toIso: query.to ? jstDayStart(query.to, 1) : undefined,
      result: query.result,
      offset: query.offset,
      limit: query.limit,
    });
  }

  /** One log entry with what it still allows (再送, 送信済にする). */
  entry(id: number): MailLogEntry {
    const entry = this.entryOrThrow(id);
    const order = loadMailOrders(this.sqlite, [entry.orderId]).get(entry.orderId);
    return {
      ...entry,
      canRetry: isJob(planRetry(entry, order, this.mail.log)),
      canConfirm: entry.result === 'unknown',
    };
  }

  /** An order's mails (F12) and why none can go out, if so. */
  orderMails(orderId: number): { rows: MailLogRow[]; blockedReason: string | null } {
    const order = loadMailOrders(this.sqlite, [orderId]).get(orderId);
    if (!order) throw orderGoneError();
    return { rows: this.mail.log.byOrder(orderId), blockedReason: blockedReason(order) };
  }

  /** E12 出荷メール一括処理済変更. */
  markShippingSent(orderIds: readonly number[]) {
    return markShippingSent(this.sqlite, this.mail.log, orderIds, this.parts.actor(), this.parts.clock.now());
  }

  private entryOrThrow(id: number): StoredEntry {
    const entry = this.mail.log.entry(id);
    if (!entry) throw new UserError('送信ログが見つかりません。一覧を更新してください。', 'not_found');
    return entry;
  }
}
