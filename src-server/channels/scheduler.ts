import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows, type ServerDb } from '../db/open.js';
import type { AccountRow, ChannelAccounts } from './accounts.js';
import { ChannelUnavailableError, CredentialError, type ChannelConnector } from './connector.js';
import { actorOf, ingestPage, LeaseLost, type IngestResult } from './ingest.js';
import { drainNotices, type DrainResult } from './notice-sender.js';
import { recoverStale } from './notices.js';
import { recordRun } from './runs.js';

export interface SchedulerOptions {
  /** How often due accounts and due notices are looked for. */
  tickMs: number;
  /** How long a run may go without renewing its hold on an account. */
  leaseMs: number;
  /** A notice 'sending' this long lost its answer with its process. */
  staleMs: number;
  /** First wait before a notice the channel did not take is sent again. */
  noticeRetryMs: number;
}

export const DEFAULT_SCHEDULER: SchedulerOptions = {
  tickMs: 2_000,
  leaseMs: 120_000,
  staleMs: 10 * 60_000,
  noticeRetryMs: 60_000,
};

export interface RunResult {
  accountId: number;
  /** Another process holds the account, or it is disabled or stopped. */
  skipped: boolean;
  fetched: IngestResult & { pages: number };
  notices: DrainResult;
  state: AccountRow['state'];
  message: string;
}

const UNEXPECTED =
  '処理中に予期しないエラーが発生しました。次回の実行で再試行します。続く場合はサーバーのログを確認してください。';

/**
 * Runs each account on its interval and on demand, one run at a time across every server
 * process (a lease on the account row): fetch orders page by page (each page stored with its
 * cursor) while due shipment notices are sent. A credential problem stops only that account;
 * an unreachable channel leaves it 'failing' and it tries again at its next interval.
 */
export class ChannelScheduler {
  private timer: NodeJS.Timeout | null = null;
  private readonly running = new Map<number, Promise<RunResult>>();
  private stopping = false;

  constructor(
    private readonly db: ServerDb,
    private readonly accounts: ChannelAccounts,
    private readonly clock: { now(): Date },
    private readonly notify: () => void,
    private readonly options: SchedulerOptions = DEFAULT_SCHEDULER,
  ) {}

  start(): void {
    this.timer = setInterval(
      () => void this.tick().catch((err) => console.error('channel scheduler', err)),
      this.options.tickMs,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled(this.running.values());
  }

  /** Accounts whose interval is up, or with shipment notices due, each started once. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    await recoverStale(this.db, new Date(now.getTime() - this.options.staleMs));
    const due = await rows<{ id: number }>(
      this.db,
      sql`SELECT a.id FROM channel_accounts a
          WHERE a.enabled AND a.state <> 'stopped'
            AND (a.lease_until IS NULL OR a.lease_until < ${now.toISOString()})
            AND (a.next_run_at IS NULL OR a.next_run_at <= ${now.toISOString()}
              OR EXISTS (SELECT 1 FROM shipment_notices n WHERE n.account_id = a.id AND n.state = 'pending'
                         AND n.next_attempt_at <= ${now.toISOString()}))`,
    );
    for (const { id } of due) if (!this.running.has(id)) void this.run(id, false).catch(() => undefined);
  }

  /**
   * Runs an account: on demand it fetches whatever the interval says; from the timer only
   * when its interval is up (due notices are sent either way). Joins a run under way here.
   */
  run(accountId: number, onDemand = true): Promise<RunResult> {
    const under = this.running.get(accountId);
    if (under) return under;
    const run = this.runOnce(accountId, onDemand).finally(() => this.running.delete(accountId));
    this.running.set(accountId, run);
    return run;
  }

  private async runOnce(accountId: number, onDemand: boolean): Promise<RunResult> {
    const now = this.clock.now();
    const holder = randomUUID();
    const untilOf = (at: Date) => new Date(at.getTime() + this.options.leaseMs).toISOString();
    const [account] = await rows<AccountRow>(
      this.db,
      sql`UPDATE channel_accounts SET lease_holder = ${holder}, lease_until = ${untilOf(now)}, last_run_at = ${now.toISOString()}
          WHERE id = ${accountId} AND enabled AND state <> 'stopped'
            AND (lease_until IS NULL OR lease_until < ${now.toISOString()})
          RETURNING id, channel, name, store_id AS "storeId", interval_minutes AS "intervalMinutes", settings,
            credentials, state, message, cursor, next_run_at AS "nextRunAt", updated_at AS "updatedAt"`,
    );
    const result: RunResult = {
      accountId,
      skipped: !account,
      fetched: { pages: 0, created: 0, changed: 0, conflicts: 0 },
      notices: { sent: 0, refused: 0, retried: 0 },
      state: account?.state ?? 'ok',
      message: account?.message ?? '',
    };
    if (!account) return result;
    let lost = false;
    const renew = setInterval(() => {
      void rows(
        this.db,
        sql`UPDATE channel_accounts SET lease_until = ${untilOf(this.clock.now())}
            WHERE id = ${accountId} AND lease_holder = ${holder} RETURNING id`,
      ).then((held) => {
        if (held.length === 0) lost = true;
      });
    }, this.options.leaseMs / 3);
    const fetchDue = onDemand || !account.nextRunAt || account.nextRunAt <= now.toISOString();
    let problem: { state: AccountRow['state']; message: string } | null = null;
    let halt = false;
    try {
      const connector = await this.accounts.connector(account);
      const [fetched, notices] = await Promise.allSettled([
        fetchDue
          ? this.fetch(account, connector, { holder, until: () => untilOf(this.clock.now()) }).catch((err: unknown) => {
              halt ||= err instanceof CredentialError;
              throw err;
            })
          : Promise.resolve(null),
        drainNotices(this.db, account.id, connector, {
          concurrency: Number((account.settings as { noticeConcurrency?: number }).noticeConcurrency ?? 4),
          retryMs: this.options.noticeRetryMs,
          actor: actorOf(account),
          now: () => this.clock.now(),
          onCommit: this.notify,
          stopped: () => lost || halt || this.stopping,
        }),
      ]);
      if (fetched.status === 'fulfilled' && fetched.value) result.fetched = fetched.value;
      if (notices.status === 'fulfilled') result.notices = notices.value;
      const failures = [fetched, notices].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      const first = failures.find((e) => e instanceof CredentialError) ?? failures[0];
      if (first !== undefined) problem = this.judge(first, account);
    } catch (err) {
      problem = this.judge(err, account);
    } finally {
      clearInterval(renew);
    }
    await this.settle(account, holder, fetchDue, problem);
    const ended = { ...result, state: problem?.state ?? 'ok', message: problem?.message ?? '' };
    await recordRun(this.db, { ...ended, startedAt: now, finishedAt: this.clock.now(), onDemand });
    return ended;
  }

  /** The fetch: each page stored as it comes while the next one is being fetched. */
  private async fetch(
    account: AccountRow,
    connector: ChannelConnector,
    lease: { holder: string; until: () => string },
  ): Promise<IngestResult & { pages: number }> {
    const totals = { pages: 0, created: 0, changed: 0, conflicts: 0 };
    const pages = connector.fetchOrders(account.cursor, {
      now: this.clock.now(),
      known: async (orderNos) => {
        const found = await rows<{ orderNo: string; updatedAt: string }>(
          this.db,
          sql`SELECT order_no AS "orderNo", channel_updated_at AS "updatedAt" FROM channel_orders
              WHERE account_id = ${account.id} AND order_no IN (SELECT jsonb_array_elements_text(${JSON.stringify(orderNos)}::jsonb))`,
        );
        return new Map(found.map((f) => [f.orderNo, f.updatedAt]));
      },
    });
    let next = pages.next();
    for (;;) {
      const page = await next;
      if (page.done) break;
      next = pages.next();
      // An ingest failure must not leave the fetch ahead of it failing unobserved.
      next.catch(() => undefined);
      const stored = await ingestPage(
        this.db,
        account,
        { holder: lease.holder, until: lease.until() },
        page.value,
        this.clock.now(),
        this.notify,
      );
      totals.pages += 1;
      totals.created += stored.created;
      totals.changed += stored.changed;
      totals.conflicts += stored.conflicts;
    }
    return totals;
  }

  private judge(err: unknown, account: AccountRow): { state: AccountRow['state']; message: string } | null {
    if (err instanceof CredentialError) return { state: 'stopped', message: err.japanese };
    if (err instanceof ChannelUnavailableError) return { state: 'failing', message: err.japanese };
    if (err instanceof LeaseLost) return null;
    // Never the error object itself: a channel's answer could carry what was sent.
    console.error(`channel account ${account.id} (${account.channel}): ${err instanceof Error ? err.name : 'error'}`);
    return { state: 'failing', message: UNEXPECTED };
  }

  private async settle(
    account: AccountRow,
    holder: string,
    fetched: boolean,
    problem: { state: AccountRow['state']; message: string } | null,
  ): Promise<void> {
    const now = this.clock.now();
    const next = new Date(now.getTime() + account.intervalMinutes * 60_000).toISOString();
    const state = problem?.state ?? 'ok';
    await this.db.execute(
      sql`UPDATE channel_accounts SET lease_holder = NULL, lease_until = NULL, state = ${state},
            message = ${problem?.message ?? ''},
            last_success_at = CASE WHEN ${fetched && !problem} THEN ${now.toISOString()} ELSE last_success_at END,
            next_run_at = CASE WHEN ${state === 'stopped'} THEN NULL WHEN ${fetched} THEN ${next} ELSE next_run_at END
          WHERE id = ${account.id} AND lease_holder = ${holder}`,
    );
  }
}
