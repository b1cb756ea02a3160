import { withSearchIndexBatch } from '../search/index-batch.js';
import type BetterSqlite3 from 'better-sqlite3';
import { STATUS_LABELS, isMainStatus } from '../../src-shared/domain/status.js';
import type {
  MastersUpload,
  OpResult,
  PulledHistory,
  PullResponse,
  WireMaster,
} from '../../src-shared/sync/protocol.js';
import { UPLOADED_MASTER_KINDS } from '../../src-shared/sync/protocol.js';
import type { SyncRefusal } from '../../src-shared/api/sync.js';
import { describeKind, describeMasterChange, type Prepared } from './outbox.js';
import { LocalOrderWriter } from './wire-order.js';

const CAPTURE = 'sync_capture';
const MASTER_TABLES: Record<string, string> = {
  stores: 'stores',
  payment_methods: 'payment_methods',
  sub_statuses: 'sub_statuses',
  mail_templates: 'mail_templates',
  staff: 'staff',
};
/**
 * Master kinds store PCs gained a table for after they first synced: their rows may lie
 * behind the cursor, so each is fetched whole once (GET /sync/master-rows?kind=…).
 */
const LATER_MASTER_KINDS = ['staff'];
const HAD_KIND = (kind: string) => `sync_master_kind:${kind}`;

export interface PageApplied {
  orders: number;
  removed: number;
  masters: number;
}

/**
 * The store database's side of sync: the cursor, the capture switch, applying what came
 * down (one transaction per page, the cursor moving in the same commit) and the answers
 * to what went up. Everything here is synchronous better-sqlite3.
 */
export class LocalSyncState {
  private readonly writer: LocalOrderWriter;
  private readonly getMeta: BetterSqlite3.Statement;
  private readonly setMeta: BetterSqlite3.Statement;
  private readonly deleteMeta: BetterSqlite3.Statement;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.writer = new LocalOrderWriter(sqlite);
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
      for (const master of masters) if (master.kind === kind) this.applyMaster(master);
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
   * no orders when this sync began, so orders are inserted without comparing.
   */
  applyPage(page: PullResponse, fresh = false): PageApplied {
    // New orders of the page get their search-index rows in one pass at its end.
    return this.quietly(() =>
      withSearchIndexBatch(this.sqlite, () => {
        const busy = new Set(
          this.sqlite
            .prepare("SELECT DISTINCT entity_id FROM sync_outbox WHERE state = 'pending' AND entity = 'order'")
            .pluck()
            .all() as string[],
        );
        let removed = 0;
        for (const r of page.removed) if (this.writer.remove(r.channel, r.orderNo)) removed += 1;
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
          const whole = { ...order, history: history.get(`${order.channel}\u0000${order.orderNo}`) ?? [] };
          if (fresh) this.writer.insertFresh(whole);
          else this.writer.write(whole);
          orders += 1;
        }
        for (const master of page.masters) this.applyMaster(master);
        this.setMeta.run('sync_cursor', String(page.cursor));
        return { orders, removed, masters: page.masters.length };
      }),
    );
  }

  private applyMaster(master: WireMaster): void {
    const table = MASTER_TABLES[master.kind];
    if (!table) return;
    const info = this.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[];
    const pk = info.find((c) => c.pk === 1)?.name;
    if (!pk) return;
    if (master.deleted) {
      this.sqlite.prepare(`DELETE FROM ${table} WHERE ${pk} = ?`).run(master.key);
      return;
    }
    const columns = info.map((c) => c.name).filter((name) => name in master.data);
    if (!columns.includes(pk)) return;
    const values = columns.map((c) => {
      const v = master.data[c];
      return typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : (v as string | number | null);
    });
    const updates = columns.filter((c) => c !== pk).map((c) => `${c} = excluded.${c}`);
    this.sqlite
      .prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
         ON CONFLICT (${pk}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
      )
      .run(...values);
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
        if (result.order) this.writer.write(result.order);
        if (result.accepted) continue;
        if (result.order === null) this.writer.remove(channel, orderNo);
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

  /** Head office's master lists as they are, for the server to keep and send down. */
  mastersSnapshot(): MastersUpload {
    const kinds: MastersUpload['kinds'] = {};
    for (const kind of UPLOADED_MASTER_KINDS) {
      const table = MASTER_TABLES[kind]!;
      const info = this.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[];
      const pk = info.find((c) => c.pk === 1)?.name;
      if (!pk) continue;
      const list = this.sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      kinds[kind] = list.map((data) => ({ key: String(data[pk]), data }));
    }
    return { kinds };
  }
}
