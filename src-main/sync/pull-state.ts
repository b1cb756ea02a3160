import { withSearchIndexBatch } from '../search/index-batch.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { PulledHistory, PullResponse, WireMaster } from '../../src-shared/sync/protocol.js';
import type { SyncRefusal } from '../../src-shared/api/sync.js';
import { LocalOrderWriter } from './wire-order.js';
import { MasterApplier, masterAttempt, recordSkipped } from './pulled-masters.js';
import { StockSync, type RemoteActor } from '../stock/stock-sync.js';

const CAPTURE = 'sync_capture';
const UNWRITABLE =
  'この PC のデータベースに書き込めない内容のため反映しませんでした。繰り返す場合は管理者にご連絡ください。';
/**
 * Master kinds store PCs gained a table for after they first synced: their rows may lie
 * behind the cursor, so each is fetched whole once (GET /sync/master-rows?kind=…).
 */
const LATER_MASTER_KINDS = ['staff'];
const HAD_KIND = (kind: string) => `sync_master_kind:${kind}`;

interface PageApplied {
  orders: number;
  removed: number;
  masters: number;
  /** Rows of the page that were not taken (a bad master row, an order the database refused). */
  skipped: SyncRefusal[];
}

/**
 * The store database's side of sync, coming down: the cursor, the capture switch and applying
 * what came down (one transaction per page, the cursor moving in the same commit). The
 * answers to what went up are PushAnswers (push-answers.ts). Everything here is synchronous
 * better-sqlite3.
 */
export class LocalSyncState {
  private readonly writer: LocalOrderWriter;
  private readonly masters: MasterApplier;
  private readonly stock: StockSync;
  private readonly getMeta: BetterSqlite3.Statement;
  private readonly setMeta: BetterSqlite3.Statement;
  private readonly deleteMeta: BetterSqlite3.Statement;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.writer = new LocalOrderWriter(sqlite);
    this.masters = new MasterApplier(sqlite);
    this.stock = new StockSync(sqlite);
    this.getMeta = sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    this.setMeta = sqlite.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.deleteMeta = sqlite.prepare('DELETE FROM meta WHERE key = ?');
  }

  meta(key: string): string | undefined {
    return this.getMeta.get(key) as string | undefined;
  }

  setMetaValue(key: string, value: string): void {
    this.setMeta.run(key, value);
  }

  cursor(): number {
    return Number(this.meta('sync_cursor') ?? '0');
  }

  /** Starts over against a (new) server: everything is pulled again. */
  resetCursor(serverId: string): void {
    this.sqlite.transaction(() => {
      this.setMeta.run('sync_cursor', '0');
      this.setMeta.run('sync_server_id', serverId);
    })();
  }

  /** Master kinds this PC has a table for but has not had whole yet. */
  kindsToFetch(): string[] {
    return LATER_MASTER_KINDS.filter((kind) => this.meta(HAD_KIND(kind)) === undefined);
  }

  /** Every current row of a kind, as the server answered: applied, and the kind marked as had. */
  applyWholeKind(kind: string, masters: WireMaster[]): void {
    this.quietly(() => {
      // A bad row is left out, as on a page: the kind's other rows still arrive.
      for (const master of masters) if (master.kind === kind) this.masters.apply(master);
      this.setMeta.run(HAD_KIND(kind), '1');
    });
  }

  /** While on, mail-state changes (the mailer writes no journal entry) are queued by a trigger (migration 0009). */
  setCapture(on: boolean): void {
    if (on) this.setMeta.run(CAPTURE, '1');
    else this.deleteMeta.run(CAPTURE);
  }

  pendingCount(): number {
    return this.sqlite.prepare("SELECT count(*) FROM sync_outbox WHERE state = 'pending'").pluck().get() as number;
  }

  /** Runs `work` with capture off, so applying the server's state queues nothing. */
  quietly<T>(work: () => T): T {
    return this.sqlite.transaction(() => {
      const capturing = this.meta(CAPTURE) !== undefined;
      if (capturing) this.deleteMeta.run(CAPTURE);
      const result = work();
      if (capturing) this.setMeta.run(CAPTURE, '1');
      return result;
    })();
  }

  /**
   * Applies one pulled page and moves the cursor, in one transaction. `fresh`: the PC had
   * no orders when this sync began, so orders are inserted without comparing. Should the
   * page fail, it is applied again row by row: a row the database will not take is skipped
   * and reported, so that one bad row never holds the pull back for good. `firstCopy`: this
   * PC's first sync with this server, whose stock rows are a copy, not changes to record.
   */
  applyPage(page: PullResponse, fresh: boolean, at: string, firstCopy = fresh): PageApplied {
    try {
      return this.writePage(page, { fresh, firstCopy }, at, false);
    } catch {
      return this.writePage(page, { fresh, firstCopy }, at, true);
    }
  }

  private writePage(
    page: PullResponse,
    { fresh, firstCopy }: { fresh: boolean; firstCopy: boolean },
    at: string,
    rowByRow: boolean,
  ): PageApplied {
    const skipped: SyncRefusal[] = [];
    const skip = (entry: {
      opId: string;
      channel: string;
      orderNo: string;
      kind: string;
      attempted: string;
      reason: string;
    }) => {
      const refusal = recordSkipped(this.sqlite, entry, at);
      if (refusal) skipped.push(refusal);
    };
    /** One row's writes; row by row, inside a savepoint of its own, a failure reported. */
    const alone = (work: () => void, onFail: () => void) => {
      if (!rowByRow) return work();
      try {
        this.sqlite.transaction(work)();
      } catch {
        onFail();
      }
    };
    // New orders of the page get their search-index rows in one pass at its end.
    return this.quietly(() =>
      withSearchIndexBatch(this.sqlite, () => {
        const busy = new Set(
          this.sqlite
            .prepare("SELECT DISTINCT entity_id FROM sync_outbox WHERE state = 'pending' AND entity = 'order'")
            .pluck()
            .all() as string[],
        );
        const stockBusy = this.stock.busy();
        const holdings = new Map((page.holdings ?? []).map((h) => [`${h.channel}\u0000${h.orderNo}`, h]));
        let removed = 0;
        for (const r of page.removed) {
          const id = this.writer.idOf(r.channel, r.orderNo);
          if (id !== undefined) this.stock.forget(id, page.serverTime);
          if (this.writer.remove(r.channel, r.orderNo)) removed += 1;
        }
        const history = new Map<string, PulledHistory[]>();
        for (const h of page.history) {
          const key = `${h.channel}\u0000${h.orderNo}`;
          const list = history.get(key);
          if (list) list.push(h);
          else history.set(key, [h]);
        }
        let orders = 0;
        for (const order of page.orders) {
          // An order with changes still queued here keeps its local state: the push that
          // follows brings the server's verdict and its copy.
          const id = busy.size > 0 ? this.writer.idOf(order.channel, order.orderNo) : undefined;
          if (id !== undefined && busy.has(String(id))) continue;
          const key = `${order.channel}\u0000${order.orderNo}`;
          const made = history.get(key) ?? [];
          const whole = { ...order, history: made };
          alone(
            () => {
              const written = fresh ? this.writer.insertFresh(whole) : this.writer.write(whole);
              // It holds of its store's stock what the server says (a fresh copy that holds nothing needs no look).
              const holding = holdings.get(key);
              if (!fresh || holding)
                this.stock.hold(written, holding, changedBy(made, order.updatedAt), '他の端末での変更（同期）');
              orders += 1;
            },
            () =>
              skip({
                opId: `pull:order:${order.channel}:${order.orderNo}:${page.cursor}`,
                channel: order.channel,
                orderNo: order.orderNo,
                kind: 'pull',
                attempted: 'サーバーからの注文の受信',
                reason: UNWRITABLE,
              }),
          );
        }
        this.stock.mirror(page.stock ?? [], stockBusy, firstCopy);
        let masters = 0;
        for (const master of page.masters) {
          const entry = {
            opId: `pull:master:${master.kind}:${master.key}:${page.cursor}`,
            channel: '',
            orderNo: '',
            kind: 'master',
            attempted: masterAttempt(master.kind, master.key, '受信'),
          };
          alone(
            () => {
              const problem = this.masters.apply(master);
              if (problem)
                skip({ ...entry, reason: `本部のマスタの内容に誤りがあるため反映しませんでした（${problem}）。` });
              else masters += 1;
            },
            () => skip({ ...entry, reason: UNWRITABLE }),
          );
        }
        this.setMeta.run('sync_cursor', String(page.cursor));
        return { orders, removed, masters, skipped };
      }),
    );
  }
}

/** Who last changed a pulled order elsewhere: its newest history row, else the server's time. */
function changedBy(history: readonly PulledHistory[], at: string): RemoteActor {
  const last = history.at(-1);
  return last ? { at: last.at, operator: last.actor, pcId: last.pcId } : { at, operator: '', pcId: '' };
}
