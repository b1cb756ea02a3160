import type BetterSqlite3 from 'better-sqlite3';
import type { MasterChangeKind } from '../../src-shared/domain/change-kinds.js';
import { JOURNAL_PAYLOADS, type Change } from '../../src-shared/sync/change-bodies.js';
import type { Actor } from './app-context.js';
import { newOpId, opIdSql, opIdStem } from './op-id.js';

/** One change to one order: what it is (its kind and what that kind carries) and what the history shows. */
interface OrderChange {
  orderId: number;
  orderNo: string;
  change: Change;
  from: string | null;
  to: string | null;
  reason: string;
}

/** A change to a master staff maintain (S4 sub-statuses, ...), for master_history and sync. */
interface MasterChange {
  /** The outbox entity: 'sub_status', ... */
  entity: string;
  entityId: string;
  kind: MasterChangeKind;
  from: string | null;
  to: string | null;
  payload: Record<string, unknown>;
}

/**
 * The outbox payload of a change, checked against its kind's schema (the one the wire and
 * the server use): a change that could not be sent fails here, in its own transaction,
 * instead of waiting in the outbox. Returns the payload as parsed (defaults filled in).
 */
function validPayload(change: Change, common: Record<string, unknown>): Record<string, unknown> {
  const { kind, ...body } = change;
  return JOURNAL_PAYLOADS[kind].parse({ ...body, ...common }) as Record<string, unknown>;
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
  /** recordEach's statements by their text: a status change of one order uses them too. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

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

  record(entry: OrderChange, actor: Actor, at: string): void {
    const { orderId, orderNo, change, from, to, reason } = entry;
    const payload = validPayload(change, { orderNo, from, to, reason, at, actor });
    this.insertHistory.run(orderId, at, actor.operator, actor.storeId, actor.pcId, change.kind, from, to, reason);
    this.insertOutbox.run(newOpId(), String(orderId), change.kind, JSON.stringify(payload), at);
  }

  /**
   * `record` for many orders changed the same way, in two INSERT … SELECT statements instead
   * of two statements per order (a bulk change of 100,000 orders). `source` is a query giving
   * order_id, order_no and from_value per order; the rows written are those `record` writes.
   */
  recordEach(
    source: string,
    entry: Pick<OrderChange, 'change' | 'to' | 'reason'>,
    actor: Actor,
    at: string,
    params: Record<string, unknown> = {},
  ): void {
    const { change, to, reason } = entry;
    const common = { ...params, at, kind: change.kind, to, reason };
    this.prepared(
      `INSERT INTO order_history (order_id, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
         SELECT src.order_id, @at, @operator, @storeId, @pcId, @kind, src.from_value, @to, @reason FROM (${source}) AS src`,
    ).run({ ...common, operator: actor.operator, storeId: actor.storeId, pcId: actor.pcId });
    // Each order's payload is the shared part with its number and old value put in front:
    // string concatenation, not a JSON parse per order (the shared part is never empty).
    const shared = validPayload(change, { orderNo: '-', from: null, to, reason, at, actor });
    delete shared.orderNo;
    delete shared.from;
    const rest = JSON.stringify(shared).slice(1);
    this.prepared(
      `INSERT INTO sync_outbox (op_id, entity, entity_id, kind, payload, created_at)
         SELECT ${opIdSql('@stem', 'src.order_id')}, 'order', CAST(src.order_id AS TEXT), @kind,
           '{"orderNo":' || json_quote(src.order_no) || ',"from":' || json_quote(src.from_value) || ',' || @rest, @at
         FROM (${source}) AS src`,
    ).run({ ...common, rest, stem: opIdStem() });
  }

  private prepared(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.sqlite.prepare(sql)));
    return statement;
  }

  /** The same for a master: its history row and an outbox entry of its own entity. */
  recordMaster(change: MasterChange, actor: Actor, at: string): void {
    const { entity, entityId, kind, from, to } = change;
    this.insertMasterHistory.run(entity, entityId, at, actor.operator, actor.storeId, actor.pcId, kind, from, to);
    const payload = JSON.stringify({ ...change.payload, from, to, at, actor });
    this.insertEntityOutbox.run(newOpId(), entity, entityId, kind, payload, at);
  }
}
