import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Actor } from './context.js';

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

  constructor(sqlite: BetterSqlite3.Database) {
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
    const payload = JSON.stringify({ ...change.payload, from: change.from, to: change.to, reason: change.reason, at, actor });
    this.insertOutbox.run(randomUUID(), String(change.orderId), change.kind, payload, at);
  }

  /** The same for a master: its history row and an outbox entry of its own entity. */
  recordMaster(change: MasterChange, actor: Actor, at: string): void {
    const { entity, entityId, kind, from, to } = change;
    this.insertMasterHistory.run(entity, entityId, at, actor.operator, actor.storeId, actor.pcId, kind, from, to);
    const payload = JSON.stringify({ ...change.payload, from, to, at, actor });
    this.insertEntityOutbox.run(randomUUID(), entity, entityId, kind, payload, at);
  }
}
