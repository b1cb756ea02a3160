import type BetterSqlite3 from 'better-sqlite3';
import type { SyncRefusal } from '../../src-shared/api/sync.js';
import { STATUS_LABELS, isMainStatus } from '../../src-shared/domain/status.js';
import type { OpResult, RefusedMaster } from '../../src-shared/sync/protocol.js';
import { StockSync, type RemoteActor } from '../stock/stock-sync.js';
import { describeKind, describeMasterChange, type Prepared } from './outbox.js';
import type { LocalSyncState } from './pull-state.js';
import { masterAttempt, recordSkipped } from './pulled-masters.js';
import { LocalOrderWriter } from './wire-order.js';

/** The ledger's why when a PC's reservations follow the central server's verdict. */
const SERVER_WORD = '中央サーバーの判定に合わせました（同期）';
const server = (at: string): RemoteActor => ({ at, operator: '', pcId: '' });

/**
 * The store database's side of sync, going up: the server's answers to what was pushed,
 * the master edits settled, and the refusals kept for the clerk (同期 の拒否一覧).
 * Everything here is synchronous better-sqlite3.
 */
export class PushAnswers {
  private readonly writer: LocalOrderWriter;
  private readonly stock: StockSync;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly state: LocalSyncState,
  ) {
    this.writer = new LocalOrderWriter(sqlite);
    this.stock = new StockSync(sqlite);
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
    this.state.quietly(() => {
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
