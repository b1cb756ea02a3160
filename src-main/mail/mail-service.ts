import type BetterSqlite3 from 'better-sqlite3';
import type { MailBatchResult, MailSkip } from '../../src-shared/api/mail.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { AppContext } from '../core/app-context.js';
import { chunked } from '../core/chunked.js';
import { MailBatch } from './batch.js';
import { MailLog } from './mail-log.js';
import { loadMailOrders, type MailOrder } from './mail-order.js';
import { smtpConfig } from './mail-settings.js';
import { isJob, type MailJob } from './rules.js';
import { MailTemplates } from './templates.js';
import { openTransport } from './transport.js';

/** What sending works with besides the database: the mail settings, who sends, the clock, and the progress events. */
type MailParts = Pick<AppContext, 'settings' | 'secrets' | 'clock' | 'actor' | 'emit'>;

/** How the jobs of a batch are found: per chunk of loaded orders. */
type Planner = (orders: Map<number, MailOrder>, ids: number[]) => (MailJob | MailSkip)[];

const ORDERS_PER_CHUNK = 1000;

/**
 * Sends customer mail in batches (F7, the bulk buttons, retries) without ever sending one
 * twice: each mail's intent is committed before the send and its result after; a send that
 * may have reached the server is never repeated automatically. One batch at a time.
 */
export class MailService {
  readonly log: MailLog;
  readonly templates: MailTemplates;
  private running = false;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly parts: MailParts,
  ) {
    this.log = new MailLog(sqlite);
    this.templates = new MailTemplates(sqlite);
    // Services are built once per open database, before any batch: a 'pending' row now is
    // a send the previous run never finished.
    this.log.reconcile(new Date().toISOString());
  }

  async run(ids: readonly number[], plan: Planner): Promise<MailBatchResult> {
    if (this.running)
      throw new UserError('別のメール送信が実行中です。終わってから、もう一度お試しください。', 'mail_busy');
    this.running = true;
    try {
      const { parts } = this;
      const { smtp, mail } = await smtpConfig(parts);
      const transport = openTransport(smtp, { pool: true });
      const batch = new MailBatch(parts, this.log, this.templates, transport, smtp, mail, {
        sent: 0,
        failed: [],
        unknown: [],
        skipped: [],
        aborted: null,
      });
      const unique = [...new Set(ids)];
      const progress = new Progress(parts.emit, unique.length);
      try {
        let base = 0;
        for (const part of chunked(unique, ORDERS_PER_CHUNK)) {
          const planned = plan(loadMailOrders(this.sqlite, part), part);
          const jobs = planned.filter(isJob);
          for (const p of planned) if (!isJob(p)) batch.result.skipped.push(p);
          // The bar counts orders; skipped ones are done at once, the rest as their mails finish.
          const share = (done: number) =>
            base + Math.floor((part.length * (planned.length - jobs.length + done)) / Math.max(1, planned.length));
          await batch.send(jobs, (done) => progress.set(share(done)));
          base += part.length;
        }
      } finally {
        transport.close();
        progress.finish();
        parts.emit({ type: 'orders:changed' });
      }
      return batch.result;
    } finally {
      this.running = false;
    }
  }
}

/** Progress events for the renderer's bar, at most every 100 ms. */
class Progress {
  private last = 0;

  constructor(
    private readonly emit: AppContext['emit'],
    private readonly total: number,
  ) {
    emit({ type: 'progress', task: 'mail', done: 0, total });
  }

  set(done: number): void {
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    this.emit({ type: 'progress', task: 'mail', done, total: this.total });
  }

  finish(): void {
    this.emit({ type: 'progress', task: 'mail', done: this.total, total: this.total });
  }
}
