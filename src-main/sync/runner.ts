import { createHash } from 'node:crypto';
import { UserError } from '../../src-shared/api/errors.js';
import type { SyncRefusal, SyncReport, SyncStatus } from '../../src-shared/api/sync.js';
import { PULL_PAGE_MAX, SYNC_BODY_LIMIT, type HelloResponse } from '../../src-shared/sync/protocol.js';
import { serverUrlProblem } from '../../src-shared/sync/server-url.js';
import type { AppContext } from '../core/app-context.js';
import type { Database } from '../db/open.js';
import type { AppLogger } from '../logs/logger.js';
import { withDeferredIndexesAsync, type LoadProgress } from '../db/bulk-load.js';
import { LocalSyncState } from './pull-state.js';
import { PushAnswers } from './push-answers.js';
import { mastersSnapshot } from './master-snapshot.js';
import { OutboxReader, splitBySize } from './outbox.js';
import { pulledPages } from './pulled-pages.js';
import { reportKey, selfReport } from './self-report.js';
import { SyncError, SyncTransport } from './transport.js';

const PUSH_BATCH = 2000;
/** Well under the server's body limit for a push (SYNC_BODY_LIMIT). */
const PUSH_MAX_BYTES = SYNC_BODY_LIMIT / 2;
const PULL_PAGE = 2000;
/** A first copy takes the server's largest pages: fewer round trips, less waiting for the server. */
const COPY_PAGE = PULL_PAGE_MAX;
const TICK_MS = 1000;
const OFFLINE_RETRY_MS = 5000;
const REPORT_EVERY_MS = 5 * 60_000;

const MASTERS_OWNED = 'マスタは本部の PC で管理しています。この店舗での変更は反映されず、本部のマスタに戻しました。';

const NOT_CONFIGURED =
  '中央サーバーが設定されていません。設定の「同期」でサーバーのアドレスとこの PC のトークンを入れてください。';

/**
 * Sync of one store database with the central server (SPEC §5, DESIGN 6): a round pushes
 * the outbox in order, uploads head office's masters, then pulls page by page. Rounds never
 * overlap. Live mode keeps a change-notice stream open and runs a round within about a
 * second of a notice or a local change; F6 runs one at once and reports it.
 */
/**
 * What the sync runner works with: the open database (a restore swaps it), settings, secrets,
 * clock, events, and the log its warnings go to.
 */
interface SyncRunnerParts extends Pick<AppContext, 'settings' | 'secrets' | 'clock' | 'emit' | 'version'> {
  database(): Database;
  log: Pick<AppLogger, 'warn'>;
}

export class SyncRunner {
  private running: Promise<SyncReport> | null = null;
  private again = false;
  private online = false;
  private lastSyncAt: string | null = null;
  private lastError: string | null = null;
  private lastAttempt = 0;
  private hello: HelloResponse | null = null;
  private reported: { key: string; at: number } | null = null;
  private live: { abort: AbortController; timer: NodeJS.Timeout } | null = null;

  constructor(private readonly parts: SyncRunnerParts) {}

  private local(): LocalSyncState {
    return new LocalSyncState(this.parts.database().sqlite);
  }

  private answers(local: LocalSyncState): PushAnswers {
    return new PushAnswers(this.parts.database().sqlite, local);
  }

  async transport(): Promise<SyncTransport | null> {
    const url = this.parts.settings.get('serverUrl');
    const sealed = this.parts.settings.get('storeToken');
    if (!url || !sealed) return null;
    // A settings file edited by hand gets the same check as the settings screen.
    const problem = serverUrlProblem(url);
    if (problem) throw new UserError(problem, 'sync_not_configured');
    let token: string;
    try {
      token = await this.parts.secrets.decrypt(sealed);
    } catch {
      throw new UserError(
        '保存されているトークンを読み出せません。設定の「同期」でトークンを入れ直してください。',
        'sync_auth',
      );
    }
    return new SyncTransport(url, token, this.parts.clock, this.parts.version);
  }

  status(): SyncStatus {
    const configured = Boolean(this.parts.settings.get('serverUrl') && this.parts.settings.get('storeToken'));
    const local = this.local();
    return {
      configured,
      online: configured && this.online,
      pending: local.pendingCount(),
      lastSyncAt: this.lastSyncAt,
      lastError: configured ? this.lastError : null,
      unseenRefusals: this.answers(local).unseenRefusals(),
    };
  }

  /** F6: waits for a round in progress, then runs a fresh one and reports it. */
  async syncNow(): Promise<SyncReport> {
    if (this.running) await this.running.catch(() => undefined);
    return this.startRound();
  }

  /** Forgets who the server said this PC is (settings changed). */
  forgetServer(): void {
    this.hello = null;
    this.online = false;
    this.lastError = null;
  }

  private startRound(): Promise<SyncReport> {
    const round = this.round().finally(() => {
      if (this.running === round) this.running = null;
    });
    this.running = round;
    return round;
  }

  private async round(): Promise<SyncReport> {
    this.lastAttempt = Date.now();
    try {
      const transport = await this.transport();
      if (!transport) throw new UserError(NOT_CONFIGURED, 'sync_not_configured');
      const report: SyncReport = { received: 0, removed: 0, sent: 0, refused: [], masters: 0 };
      try {
        await this.exchange(transport, report);
      } finally {
        if (report.received + report.removed + report.refused.length + report.masters > 0)
          this.parts.emit({ type: 'orders:changed' });
      }
      this.online = true;
      this.lastError = null;
      this.lastSyncAt = this.parts.clock.now().toISOString();
      await this.reportSelf(transport);
      return report;
    } catch (err) {
      if (err instanceof SyncError && err.kind === 'offline') this.online = false;
      this.lastError =
        err instanceof UserError
          ? err.message
          : '同期中に予期しないエラーが発生しました。変更はこの PC に保存されています。';
      throw err;
    }
  }

  /**
   * Pushes the outbox, then pulls. A push the server fails on does not keep this PC from
   * receiving: the pull still runs, and the push's error is thrown after it.
   */
  private async exchange(transport: SyncTransport, report: SyncReport): Promise<void> {
    const local = this.local();
    const answers = this.answers(local);
    if (!this.hello) {
      const hello = await transport.hello();
      if (local.meta('sync_server_id') !== hello.serverId) local.resetCursor(hello.serverId);
      this.hello = hello;
    }
    let pushFailure: SyncError | null = null;
    try {
      await this.pushOutbox(transport, answers, report);
    } catch (err) {
      if (!(err instanceof SyncError && err.kind === 'server')) throw err;
      pushFailure = err;
    }
    const masterOps = answers.masterOps();
    if (this.hello.client.isHeadOffice) report.refused.push(...(await this.uploadMasters(transport, local, answers)));
    if (masterOps.length > 0) {
      const refusal = this.hello.client.isHeadOffice ? null : MASTERS_OWNED;
      report.refused.push(...answers.settleMasterOps(masterOps, refusal, this.parts.clock.now().toISOString()));
    }
    for (const kind of local.kindsToFetch()) {
      const { masters } = await transport.masters(kind);
      local.applyWholeKind(kind, masters);
      report.masters += masters.length;
    }
    const sqlite = this.parts.database().sqlite;
    // A first sync into an empty PC builds the secondary indexes once at the end.
    const empty = !sqlite.prepare('SELECT 1 FROM orders LIMIT 1').get();
    const firstSync = local.cursor() === 0;
    const pageSize = firstSync ? COPY_PAGE : PULL_PAGE;
    const pullAll = async (progress?: LoadProgress) => {
      // The next page is on its way while this one is written: server and PC work side by side.
      for await (const page of pulledPages(transport, local.cursor(), pageSize, firstSync)) {
        const applied = local.applyPage(page, empty, this.parts.clock.now().toISOString(), firstSync);
        if (applied.orders > 0) progress?.ordersCommitted();
        report.received += applied.orders;
        report.removed += applied.removed;
        report.masters += applied.masters;
        report.refused.push(...applied.skipped);
      }
    };
    if (empty) await withDeferredIndexesAsync(sqlite, ['orders', 'order_items', 'stock'], this.parts.log, pullAll);
    else await pullAll();
    if (pushFailure) throw pushFailure;
  }

  /** The outbox in order, in pushes of at most PUSH_BATCH operations and PUSH_MAX_BYTES. */
  private async pushOutbox(transport: SyncTransport, answers: PushAnswers, report: SyncReport): Promise<void> {
    const reader = new OutboxReader(this.parts.database().sqlite);
    for (;;) {
      const batch = reader.next(PUSH_BATCH);
      if (batch.length === 0) break;
      for (const part of splitBySize(batch, PUSH_MAX_BYTES)) {
        const ops = part.flatMap((b) => (b.op ? [b.op] : []));
        const response = ops.length > 0 ? await transport.push(ops) : { results: [] };
        const refused = answers.applyPushResults(part, response.results, this.parts.clock.now().toISOString());
        report.sent += part.length - refused.length;
        report.refused.push(...refused);
      }
    }
  }

  /**
   * Tells head office how this PC is (console 端末 page) when that changed, or every few
   * minutes; a report that does not arrive is not worth failing the round for.
   */
  private async reportSelf(transport: SyncTransport): Promise<void> {
    const report = selfReport(
      { database: this.parts.database(), version: this.parts.version, settings: this.parts.settings },
      this.local(),
      this.lastSyncAt,
    );
    const key = reportKey(report);
    const now = Date.now();
    if (this.reported && this.reported.key === key && now - this.reported.at < REPORT_EVERY_MS) return;
    try {
      await transport.report(report);
      this.reported = { key, at: now };
    } catch {
      // The next round reports again.
    }
  }

  /**
   * Head office owns the masters: its lists go up whenever they differ from the last sent.
   * Rows the server did not take (their data breaks a master's rules) are reported once.
   */
  private async uploadMasters(
    transport: SyncTransport,
    local: LocalSyncState,
    answers: PushAnswers,
  ): Promise<SyncRefusal[]> {
    const snapshot = mastersSnapshot(this.parts.database().sqlite);
    const hash = createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
    if (local.meta('sync_masters_hash') === hash) return [];
    const { refused } = await transport.uploadMasters(snapshot);
    local.setMetaValue('sync_masters_hash', hash);
    return answers.recordRefusedMasters(refused, hash, this.parts.clock.now().toISOString());
  }

  /** A background round: asked for by a notice or a local change; errors land in status. */
  private request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.startRound()
      .catch(() => undefined)
      .finally(() => {
        if (this.again) {
          this.again = false;
          this.request();
        }
      });
  }

  isLive(): boolean {
    return this.live !== null;
  }

  /** Keeps the change-notice stream open and sends local changes within a couple of seconds. */
  startLive(): void {
    if (this.live || !this.status().configured) return;
    this.local().setCapture(true);
    const abort = new AbortController();
    const timer = setInterval(() => {
      if (this.running) return;
      const sinceAttempt = Date.now() - this.lastAttempt;
      const wait = this.online ? TICK_MS : OFFLINE_RETRY_MS;
      if (sinceAttempt >= wait && this.local().pendingCount() > 0) this.request();
      else if (!this.online && sinceAttempt >= OFFLINE_RETRY_MS) this.request();
    }, TICK_MS);
    timer.unref();
    this.live = { abort, timer };
    void this.listenLoop(abort.signal);
  }

  stopLive(): void {
    if (!this.live) return;
    this.live.abort.abort();
    clearInterval(this.live.timer);
    this.live = null;
  }

  private async listenLoop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const transport = await this.transport();
        if (!transport) return;
        await transport.listen(
          signal,
          () => this.request(),
          () => this.request(),
        );
      } catch {
        // Unreachable or refused: the tick retries rounds; the stream reconnects below.
      }
      this.online = false;
      if (!signal.aborted) await new Promise((r) => setTimeout(r, 2000).unref());
    }
  }
}
