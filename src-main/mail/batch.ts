import { randomUUID } from 'node:crypto';
import type { MailBatchResult } from '../../src-shared/api/mail.js';
import { renderTemplate, textToHtml } from '../../src-shared/domain/mail-template.js';
import type { Actor, AppContext } from '../core/app-context.js';
import type { StoredMailSettings } from '../settings/settings.js';
import { ALREADY_CLAIMED, type MailIntent, type MailLog, type Outcome } from './mail-log.js';
import { placeholderValues, type MailOrder } from './mail-order.js';
import type { MailJob } from './rules.js';
import type { MailTemplates } from './templates.js';
import type { OutgoingMail } from './outgoing-mail.js';
import { classifySendError, POOL_CONNECTIONS, type MailTransport, type SmtpConfig } from './transport.js';

/**
 * Mails handed to the pool at once: four per connection, so that each connection always has
 * its next message ready while a step writes the next ten intents in one (flushed) commit.
 * It is also the most a crash can leave "unknown", plus results not yet written (at most
 * as many again): the price of fewer commits, paid only after a crash.
 */
export const WINDOW = POOL_CONNECTIONS * 4;
/** After this many "cannot reach the server" in a row, the rest of the batch is not tried. */
const UNREACHABLE_LIMIT = 3;

interface RenderedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export function renderMail(
  template: { subject: string; body: string },
  order: MailOrder,
  mail: StoredMailSettings,
): RenderedMail {
  const values = placeholderValues(order, mail);
  const text = renderTemplate(template.body, values, { singleLine: false });
  // ISO-2022-JP mails are for old clients: plain text only.
  const html = mail.htmlPart && mail.encoding === 'utf8' ? textToHtml(text) : '';
  return { to: order.email, subject: renderTemplate(template.subject, values, { singleLine: true }), text, html };
}

export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'chumon.invalid';
  return `<chumon.${randomUUID()}@${domain}>`;
}

interface Claimed {
  job: MailJob;
  intent: MailIntent;
  html: string;
  id: number;
}

/**
 * One batch's sending loop: keeps up to WINDOW mails in the pool; each turn writes, in one
 * transaction, the results of the sends that finished and the intents of the next ones,
 * then hands those to the pool. An intent is always committed before its send starts.
 */
export class MailBatch {
  private readonly finished: Outcome[] = [];
  private unreachableInARow = 0;
  /** Read once: settings live in a file that is read again on every access. */
  private readonly actor: Actor;

  constructor(
    private readonly ctx: Pick<AppContext, 'actor' | 'clock'>,
    private readonly log: MailLog,
    private readonly templates: MailTemplates,
    private readonly transport: MailTransport,
    private readonly smtp: SmtpConfig,
    private readonly mail: StoredMailSettings,
    readonly result: MailBatchResult,
  ) {
    this.actor = ctx.actor();
  }

  async send(jobs: readonly MailJob[], tick: (done: number) => void): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    let next = 0;
    let done = 0;
    while (next < jobs.length || inFlight.size > 0) {
      if (this.result.aborted) {
        for (const job of jobs.slice(next)) this.skip(job, `送信を中断しました: ${this.result.aborted}`);
        done += jobs.length - next;
        next = jobs.length;
      }
      if (next < jobs.length && inFlight.size <= WINDOW / 2) {
        const group = jobs.slice(next, next + WINDOW - inFlight.size);
        next += group.length;
        const claimed = this.claim(group);
        done += group.length - claimed.length;
        for (const one of claimed) {
          const sending: Promise<void> = this.sendOne(one).finally(() => {
            inFlight.delete(sending);
            tick(++done);
          });
          inFlight.add(sending);
        }
        continue;
      }
      if (inFlight.size > 0) await Promise.race(inFlight);
    }
    this.log.step(this.finished.splice(0), [], this.now());
  }

  private now(): string {
    return this.ctx.clock.now().toISOString();
  }

  private skip(job: MailJob, reason: string): void {
    this.result.skipped.push({ orderId: job.order.id, orderNo: job.order.orderNo, reason });
  }

  /** Writes finished results and the group's intents together; returns what may be sent. */
  private claim(group: readonly MailJob[]): Claimed[] {
    const rendered = group.map((job) => renderMail(this.templates.get(job.kind), job.order, this.mail));
    const intents = group.map((job, i): MailIntent => {
      const { to, subject, text } = rendered[i]!;
      return {
        orderId: job.order.id,
        kind: job.kind,
        mainStatus: job.mainStatus,
        statusMail: job.statusMail,
        recipient: to,
        subject,
        body: text,
        messageId: job.retry?.messageId || newMessageId(this.mail.fromAddress),
        retryOf: job.retry?.logId ?? null,
        actor: this.actor.operator,
        replacesUnknown: job.retry?.unknown ? job.retry.logId : undefined,
      };
    });
    const ids = this.log.step(this.finished.splice(0), intents, this.now());
    const claimed: Claimed[] = [];
    ids.forEach((id, i) => {
      if (id === ALREADY_CLAIMED)
        this.skip(group[i]!, 'このメールは別の操作で送信済みか送信中です。同じメールは二度送りません。');
      else claimed.push({ job: group[i]!, intent: intents[i]!, html: rendered[i]!.html, id });
    });
    return claimed;
  }

  private async sendOne({ job, intent, html, id }: Claimed): Promise<void> {
    const outgoing: OutgoingMail = {
      from: { name: this.mail.fromName, address: this.mail.fromAddress },
      to: intent.recipient,
      subject: intent.subject,
      text: intent.body,
      html,
      messageId: intent.messageId,
      date: this.ctx.clock.now(),
      encoding: this.mail.encoding,
    };
    try {
      await this.transport.send(outgoing);
      this.finished.push({ id, intent, result: 'sent', error: null });
      this.result.sent += 1;
      this.unreachableInARow = 0;
    } catch (err) {
      const classified = classifySendError(err, this.smtp);
      const failure = { orderId: job.order.id, orderNo: job.order.orderNo, logId: id, error: classified.message };
      this.finished.push({ id, intent, result: classified.definite ? 'failed' : 'unknown', error: classified.message });
      if (!classified.definite) {
        this.result.unknown.push(failure);
        return;
      }
      this.result.failed.push(failure);
      this.unreachableInARow = classified.unreachable ? this.unreachableInARow + 1 : 0;
      if (this.unreachableInARow >= UNREACHABLE_LIMIT) this.result.aborted ??= classified.message;
    }
  }
}
