import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { MailBatchResult, MailSkip } from '../../src-shared/api/mail.js';
import { UserError } from '../../src-shared/api/errors.js';
import { renderTemplate, textToHtml } from '../../src-shared/domain/mail-template.js';
import type { ServiceContext } from '../core/context.js';
import { chunked } from '../core/chunked.js';
import type { StoredMailSettings } from '../settings/settings.js';
import { ALREADY_CLAIMED, MailLog, type MailIntent } from './mail-log.js';
import { loadMailOrders, placeholderValues, type MailOrder } from './mail-order.js';
import { smtpConfig } from './mail-settings.js';
import { isJob, type MailJob } from './rules.js';
import { MailTemplates } from './templates.js';
import { classifySendError, openTransport, POOL_CONNECTIONS, type MailTransport, type OutgoingMail, type SmtpConfig } from './transport.js';

/** How the jobs of a batch are found: per chunk of loaded orders. */
export type Planner = (orders: Map<number, MailOrder>, ids: number[]) => (MailJob | MailSkip)[];

/** After this many "cannot reach the server" in a row, the rest of the batch is not tried. */
const UNREACHABLE_LIMIT = 3;
const ORDERS_PER_CHUNK = 1000;

export interface RenderedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export function renderMail(template: { subject: string; body: string }, order: MailOrder, mail: StoredMailSettings): RenderedMail {
  const values = placeholderValues(order, mail);
  const text = renderTemplate(template.body, values, { singleLine: false });
  return { to: order.email, subject: renderTemplate(template.subject, values, { singleLine: true }), text, html: textToHtml(text) };
}

export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'chumon.invalid';
  return `<chumon.${randomUUID()}@${domain}>`;
}

/**
 * Sends customer mail in batches (F7, the bulk buttons, retries) without ever sending one
 * twice: each mail's intent is committed before the send and its result after; a send that
 * may have reached the server is never repeated automatically. One batch at a time.
 */
export class MailService {
  readonly log: MailLog;
  readonly templates: MailTemplates;
  private running = false;

  constructor(sqlite: BetterSqlite3.Database) {
    this.log = new MailLog(sqlite);
    this.templates = new MailTemplates(sqlite);
    // A 'pending' row at start-up is a send the previous run never finished.
    this.log.reconcile(new Date().toISOString());
  }

  async run(ctx: ServiceContext, ids: readonly number[], plan: Planner): Promise<MailBatchResult> {
    if (this.running) throw new UserError('別のメール送信が実行中です。終わってから、もう一度お試しください。', 'mail_busy');
    this.running = true;
    try {
      const { smtp, mail } = await smtpConfig(ctx);
      return await this.runBatch(ctx, smtp, mail, [...new Set(ids)], plan);
    } finally {
      this.running = false;
    }
  }

  private async runBatch(
    ctx: ServiceContext,
    smtp: SmtpConfig,
    mail: StoredMailSettings,
    ids: number[],
    plan: Planner,
  ): Promise<MailBatchResult> {
    const transport = openTransport(smtp, { pool: true });
    const result: MailBatchResult = { sent: 0, failed: [], unknown: [], skipped: [], aborted: null };
    const progress = new Progress(ctx, ids.length);
    try {
      let base = 0;
      for (const part of chunked(ids, ORDERS_PER_CHUNK)) {
        const planned = plan(loadMailOrders(ctx.database.sqlite, part), part);
        const jobs = planned.filter(isJob);
        for (const p of planned) if (!isJob(p)) result.skipped.push(p);
        // The bar moves per mail; skipped orders count as done at once.
        const skippedShare = planned.length - jobs.length;
        const tick = (finished: number) => progress.set(base + Math.floor((part.length * (skippedShare + finished)) / Math.max(1, planned.length)));
        await this.sendAll(ctx, transport, smtp, mail, jobs, result, tick);
        base += part.length;
      }
    } finally {
      transport.close();
      progress.finish();
      ctx.emit({ type: 'orders:changed' });
    }
    return result;
  }

  /** Sends the jobs over the pool, as many at once as it has connections. */
  private async sendAll(
    ctx: ServiceContext,
    transport: MailTransport,
    smtp: SmtpConfig,
    mail: StoredMailSettings,
    jobs: MailJob[],
    result: MailBatchResult,
    tick: (finished: number) => void,
  ): Promise<void> {
    let next = 0;
    let finished = 0;
    let unreachableInARow = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        if (result.aborted) {
          result.skipped.push({ orderId: job.order.id, orderNo: job.order.orderNo, reason: `送信を中断しました: ${result.aborted}` });
          tick(++finished);
          continue;
        }
        const outcome = await this.sendOne(ctx, transport, smtp, mail, job, result);
        tick(++finished);
        if (outcome === 'unreachable') {
          unreachableInARow += 1;
          if (unreachableInARow >= UNREACHABLE_LIMIT && !result.aborted) result.aborted = result.failed.at(-1)?.error ?? '';
        } else if (outcome === 'sent') unreachableInARow = 0;
      }
    };
    await Promise.all(Array.from({ length: Math.min(POOL_CONNECTIONS, jobs.length) }, worker));
  }

  private async sendOne(
    ctx: ServiceContext,
    transport: MailTransport,
    smtp: SmtpConfig,
    mail: StoredMailSettings,
    job: MailJob,
    result: MailBatchResult,
  ): Promise<'sent' | 'failed' | 'unknown' | 'unreachable' | 'skipped'> {
    const { order } = job;
    const rendered = renderMail(this.templates.get(job.kind), order, mail);
    const messageId = job.retry?.messageId || newMessageId(mail.fromAddress);
    const intent: MailIntent = {
      orderId: order.id,
      kind: job.kind,
      mainStatus: job.mainStatus,
      statusMail: job.statusMail,
      recipient: rendered.to,
      subject: rendered.subject,
      body: rendered.text,
      messageId,
      retryOf: job.retry?.logId ?? null,
      actor: ctx.actor().operator,
    };
    const at = () => ctx.clock.now().toISOString();
    const logId = job.retry?.unknown ? this.log.claimRetryOfUnknown(job.retry.logId, intent, at()) : this.log.claim(intent, at());
    if (logId === ALREADY_CLAIMED) {
      result.skipped.push({ orderId: order.id, orderNo: order.orderNo, reason: 'このメールは別の操作で送信済みか送信中です。同じメールは二度送りません。' });
      return 'skipped';
    }
    const outgoing: OutgoingMail = {
      from: { name: mail.fromName, address: mail.fromAddress },
      to: rendered.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId,
      date: ctx.clock.now(),
      encoding: mail.encoding,
    };
    try {
      await transport.send(outgoing);
      this.log.sent(logId, at());
      result.sent += 1;
      return 'sent';
    } catch (err) {
      const classified = classifySendError(err, smtp);
      const failure = { orderId: order.id, orderNo: order.orderNo, logId, error: classified.message };
      if (classified.definite) {
        this.log.failed(logId, intent, classified.message, at());
        result.failed.push(failure);
        return classified.unreachable ? 'unreachable' : 'failed';
      }
      this.log.unknown(logId, intent, classified.message, at());
      result.unknown.push(failure);
      return 'unknown';
    }
  }
}

/** Progress events for the renderer's bar, at most every 100 ms. */
class Progress {
  private done = 0;
  private last = 0;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly total: number,
  ) {
    ctx.emit({ type: 'progress', task: 'mail', done: 0, total });
  }

  set(done: number): void {
    this.done = done;
    const now = Date.now();
    if (now - this.last >= 100) {
      this.last = now;
      this.ctx.emit({ type: 'progress', task: 'mail', done: this.done, total: this.total });
    }
  }

  finish(): void {
    this.ctx.emit({ type: 'progress', task: 'mail', done: this.total, total: this.total });
  }
}
