import { withSearchIndexBatch } from '../search/index-batch.js';
import type BetterSqlite3 from 'better-sqlite3';
import { STATUS_LABELS, isMainStatus } from '../../src-shared/domain/status.js';
import type {
  OpResult,
  PulledHistory,
  PullResponse,
  RefusedMaster,
  WireMaster,
} from '../../src-shared/sync/protocol.js';
import type { SyncRefusal } from '../../src-shared/api/sync.js';
import { describeKind, describeMasterChange, type Prepared } from './outbox.js';
import { LocalOrderWriter } from './wire-order.js';
import { MasterApplier, masterAttempt, recordSkipped } from './pulled-masters.js';
import { StockSync, type RemoteActor } from '../stock/stock-sync.js';

const CAPTURE = 'sync_capture';
/** The ledger's why when a PC's reservations follow the central server's verdict. */
const SERVER_WORD = '中央サーバーの判定に合わせました（同期）';
const server = (at: string): RemoteActor => ({ at, operator: '', pcId: '' });
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
 * The store database's side of sync: the cursor, the capture switch, applying what came
 * down (one transaction per page, the cursor moving in the same commit) and the answers
 * to what went up. Everything here is synchronous better-sqlite3.
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
  private quietly<T>(work: () => T): T {
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

  /**
   * The server's answers: accepted changes leave the outbox; refused ones leave it too, are
   * recorded for the clerk and the local copy takes the server's state (or goes, when the
   * order is no longer this store's).
   */
  applyPushResults(sent: Prepared[], results: OpResult[], at: string): SyncRefusal[] {
    const byId = new Map(results.map((r) => [r.opId, r]));
    const refusals: SyncRefusal[] = [];
    const remove = this.sqlite.prepare('DELETE FROM sync_outbox WHERE op_id = ?');
    const record = this.sqlite.prepare(
      `INSERT OR IGNORE INTO sync_refused (op_id, channel, order_no, kind, attempted, reason, status_now, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.quietly(() => {
      for (const item of sent) {
        const result = item.op
          ? byId.get(item.row.opId)
          : { opId: item.row.opId, accepted: false, reason: item.problem, order: undefined };
        if (!result) continue;
        remove.run(item.row.opId);
        const channel = item.op?.channel ?? (item.op === null ? item.channel : '');
        const orderNo = item.op?.orderNo ?? (item.op === null ? item.orderNo : '');
        // The server's copy goes in on its own savepoint: one this database will not take
        // leaves the local copy as it is (the next pull tries again) and never keeps the
        // answer, or the answers after it, from being recorded.
        const order = result.order;
        const holding = result.holding;
        // Its reservations follow the server's copy (a refused 在庫確認 gives its units back).
        if (order)
          this.tryAlone(() => {
            const id = this.writer.write(order);
            if (holding) this.stock.hold(id, { channel, orderNo, lines: holding }, server(at), SERVER_WORD);
          });
        if (result.accepted) continue;
        if (order === null)
          this.tryAlone(() => {
            const id = this.writer.idOf(channel, orderNo);
            if (id !== undefined) this.stock.forget(id, at);
            this.writer.remove(channel, orderNo);
          });
        const statusNow = result.order?.status ?? null;
        const refusal: SyncRefusal = {
          orderNo,
          channel,
          attempted: describeKind(item.row.kind, item.op?.kind === 'status' ? item.op.operation : undefined),
          reason: result.reason ?? '理由は返されませんでした。',
          statusNow:
            statusNow && isMainStatus(statusNow)
              ? STATUS_LABELS[statusNow]
              : result.order === null
                ? 'この店舗の担当外'
                : null,
          at,
        };
        record.run(
          item.row.opId,
          channel,
          orderNo,
          item.row.kind,
          refusal.attempted,
          refusal.reason,
          refusal.statusNow,
          at,
        );
        refusals.push(refusal);
      }
    });
    return refusals;
  }

  private tryAlone(work: () => unknown): void {
    try {
      this.sqlite.transaction(work)();
    } catch {
      // The local copy stays as it was; the next pull brings the server's again.
    }
  }

  /** Queued master edits (sub-statuses, ...): masters travel as head office's full lists. */
  masterOps(): { opId: string; entity: string; entityId: string; kind: string }[] {
    return this.sqlite
      .prepare(
        `SELECT op_id AS opId, entity, entity_id AS entityId, kind FROM sync_outbox
         WHERE state = 'pending' AND entity <> 'order' ORDER BY seq`,
      )
      .all() as { opId: string; entity: string; entityId: string; kind: string }[];
  }

  /**
   * Master edits are done with once head office's lists went up; at a store PC they are
   * refused (head office owns the masters) and the next pull restores head office's.
   */
  settleMasterOps(
    ops: { opId: string; entity: string; entityId: string; kind: string }[],
    refusedReason: string | null,
    at: string,
  ): SyncRefusal[] {
    const refusals: SyncRefusal[] = [];
    const remove = this.sqlite.prepare('DELETE FROM sync_outbox WHERE op_id = ?');
    const record = this.sqlite.prepare(
      `INSERT OR IGNORE INTO sync_refused (op_id, channel, order_no, kind, attempted, reason, status_now, at) VALUES (?, '', '', ?, ?, ?, NULL, ?)`,
    );
    this.sqlite.transaction(() => {
      for (const op of ops) {
        remove.run(op.opId);
        if (!refusedReason) continue;
        const attempted = describeMasterChange(op.entity, op.kind);
        record.run(op.opId, op.kind, attempted, refusedReason, at);
        refusals.push({ orderNo: '', channel: '', attempted, reason: refusedReason, statusNow: null, at });
      }
    })();
    return refusals;
  }

  refusals(limit: number): (SyncRefusal & { id: number; seen: boolean })[] {
    return (
      this.sqlite
        .prepare(
          `SELECT id, order_no AS orderNo, channel, attempted, reason, status_now AS statusNow, at, seen_at AS seenAt
           FROM sync_refused ORDER BY id DESC LIMIT ?`,
        )
        .all(limit) as (SyncRefusal & { id: number; seenAt: string | null })[]
    ).map(({ seenAt, ...r }) => ({ ...r, seen: seenAt !== null }));
  }

  unseenRefusals(): number {
    return this.sqlite.prepare('SELECT count(*) FROM sync_refused WHERE seen_at IS NULL').pluck().get() as number;
  }

  markRefusalsSeen(at: string): void {
    this.sqlite.prepare('UPDATE sync_refused SET seen_at = ? WHERE seen_at IS NULL').run(at);
  }

  /** Master rows the server refused from head office's upload `hash`, recorded for the clerk. */
  recordRefusedMasters(refused: RefusedMaster[], hash: string, at: string): SyncRefusal[] {
    return this.sqlite.transaction(() =>
      refused.flatMap((r) => {
        const entry = {
          opId: `push:master:${r.kind}:${r.key}:${hash}`,
          channel: '',
          orderNo: '',
          kind: 'master',
          attempted: masterAttempt(r.kind, r.key, '送信'),
          reason: `中央サーバーが受け付けませんでした（${r.reason}）。マスタ画面で内容を直してください。`,
        };
        const refusal = recordSkipped(this.sqlite, entry, at);
        return refusal ? [refusal] : [];
      }),
    )();
  }
}

/** Who last changed a pulled order elsewhere: its newest history row, else the server's time. */
function changedBy(history: readonly PulledHistory[], at: string): RemoteActor {
  const last = history.at(-1);
  return last ? { at: last.at, operator: last.actor, pcId: last.pcId } : { at, operator: '', pcId: '' };
}
