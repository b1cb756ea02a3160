import type BetterSqlite3 from 'better-sqlite3';
import type { Actor } from './app-context.js';
import { newOpId, opIdSql, opIdStem } from './op-id.js';

export interface Change {
  orderId: number;
  /** What changed: 'status', 'sub_status', 'store', 'money', 'comment', ... */
  kind: string;
  from: string | null;
  to: string | null;
  reason: string;
  /** What the central server needs to replay the change (DESIGN 6). */
  payload: Record<string, unknown>;
}

/** A change to a master staff maintain (S4 sub-statuses, ...), for master_history and sync. */
export interface MasterChange {
  /** The outbox entity: 'sub_status', ... */
  entity: string;
  entityId: string;
  /** What changed: 'add', 'rename', 'color', 'reorder', 'retire', 'restore', ... */
  kind: string;
  from: string | null;
  to: string | null;
  payload: Record<string, unknown>;
}

/**
 * Writes a change's history row (S2) and its sync outbox entry (DESIGN 6). Callers run it
 * inside the transaction that changes the order, so the three never disagree.
 */
export class Journal {
  private readonly insertHistory: BetterSqlite3.Statement;
  private readonly insertOutbox: BetterSqlite3.Statement;
  private readonly insertMasterHistory: BetterSqlite3.Statement;
  private readonly insertEntityOutbox: BetterSqlite3.Statement;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.insertHistory = sqlite.prepare(
      `INSERT INTO order_history (order_id, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertOutbox = sqlite.prepare(
      `INSERT INTO sync_outbox (op_id, entity, entity_id, kind, payload, created_at) VALUES (?, 'order', ?, ?, ?, ?)`,
    );
    this.insertMasterHistory = sqlite.prepare(
      `INSERT INTO master_history (entity, entity_id, at, actor, store_id, pc_id, kind, from_value, to_value)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertEntityOutbox = sqlite.prepare(
      `INSERT INTO sync_outbox (op_id, entity, entity_id, kind, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  record(change: Change, actor: Actor, at: string): void {
    this.insertHistory.run(
      change.orderId,
      at,
      actor.operator,
      actor.storeId,
      actor.pcId,
      change.kind,
      change.from,
      change.to,
      change.reason,
    );
    const payload = JSON.stringify({
      ...change.payload,
      from: change.from,
      to: change.to,
      reason: change.reason,
      at,
      actor,
    });
    this.insertOutbox.run(newOpId(), String(change.orderId), change.kind, payload, at);
  }

  /**
   * `record` for many orders changed the same way, in two INSERT … SELECT statements instead
   * of two statements per order (a bulk change of 100,000 orders). `source` is a query giving
   * order_id, order_no and from_value per order; the rows written are those `record` writes.
   */
  recordEach(
    source: string,
    change: Omit<Change, 'orderId' | 'from'>,
    actor: Actor,
    at: string,
    params: Record<string, unknown> = {},
  ): void {
    const common = { ...params, at, kind: change.kind, to: change.to, reason: change.reason };
    this.sqlite
      .prepare(
        `INSERT INTO order_history (order_id, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
         SELECT src.order_id, @at, @operator, @storeId, @pcId, @kind, src.from_value, @to, @reason FROM (${source}) AS src`,
      )
      .run({ ...common, operator: actor.operator, storeId: actor.storeId, pcId: actor.pcId });
    // Each order's payload is the shared part with its number and old value put in front:
    // string concatenation, not a JSON parse per order (the shared part is never empty).
    const shared: Record<string, unknown> = { ...change.payload, to: change.to, reason: change.reason, at, actor };
    delete shared.orderNo;
    delete shared.from;
    const rest = JSON.stringify(shared).slice(1);
    this.sqlite
      .prepare(
        `INSERT INTO sync_outbox (op_id, entity, entity_id, kind, payload, created_at)
         SELECT ${opIdSql('@stem', 'src.order_id')}, 'order', CAST(src.order_id AS TEXT), @kind,
           '{"orderNo":' || json_quote(src.order_no) || ',"from":' || json_quote(src.from_value) || ',' || @rest, @at
         FROM (${source}) AS src`,
      )
      .run({ ...common, rest, stem: opIdStem() });
  }

  /** The same for a master: its history row and an outbox entry of its own entity. */
  recordMaster(change: MasterChange, actor: Actor, at: string): void {
    const { entity, entityId, kind, from, to } = change;
    this.insertMasterHistory.run(entity, entityId, at, actor.operator, actor.storeId, actor.pcId, kind, from, to);
    const payload = JSON.stringify({ ...change.payload, from, to, at, actor });
    this.insertEntityOutbox.run(newOpId(), entity, entityId, kind, payload, at);
  }
}
