import type BetterSqlite3 from 'better-sqlite3';
import {
  CHANGE_KIND_LABELS,
  MASTER_CHANGE_LABELS,
  MASTER_ENTITY_LABELS,
  isChangeKind,
  type MasterChangeKind,
} from '../../src-shared/domain/change-kinds.js';
import { OPERATION_LABELS, type Operation } from '../../src-shared/domain/transitions.js';
import { wireOp, type WireOp } from '../../src-shared/sync/protocol.js';
import { readNewOrder } from './wire-order.js';

export interface OutboxRow {
  seq: number;
  opId: string;
  entityId: string;
  kind: string;
  payload: string;
  createdAt: string;
}

/** A queued change ready to go up, or one that cannot be sent (kept for the clerk). */
export type Prepared =
  { row: OutboxRow; op: WireOp } | { row: OutboxRow; op: null; orderNo: string; channel: string; problem: string };

/** What the clerk reads about a refused change: the manual's word for the operation or the kind. */
export function describeKind(kind: string, operation?: string): string {
  if (kind === 'status' && operation && operation in OPERATION_LABELS) return OPERATION_LABELS[operation as Operation];
  return isChangeKind(kind) ? CHANGE_KIND_LABELS[kind] : '変更';
}

/** A refused master edit as the clerk reads it: マスタの変更（サブステータス：名前の変更）. */
export function describeMasterChange(entity: string, kind: string): string {
  const what = MASTER_ENTITY_LABELS[entity] ?? 'マスタ';
  const how = kind in MASTER_CHANGE_LABELS ? MASTER_CHANGE_LABELS[kind as MasterChangeKind] : '変更';
  return `マスタの変更（${what}：${how}）`;
}

/** Reads queued changes in order and turns each into its wire operation. */
export class OutboxReader {
  private readonly pending: BetterSqlite3.Statement;
  private readonly orderKey: BetterSqlite3.Statement;
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.pending = sqlite.prepare(
      `SELECT seq, op_id AS opId, entity_id AS entityId, kind, payload, created_at AS createdAt
       FROM sync_outbox WHERE state = 'pending' AND entity = 'order' ORDER BY seq LIMIT ?`,
    );
    this.orderKey = sqlite.prepare('SELECT channel, order_no AS orderNo FROM orders WHERE id = ?');
  }

  next(limit: number): Prepared[] {
    return (this.pending.all(limit) as OutboxRow[]).map((row) => this.prepare(row));
  }

  /**
   * The wire operation of a queued change: its payload as the journal wrote and checked it
   * (change-bodies.ts), with the operation id and the order's key. A 'create' takes the
   * order as it is now. Nothing is filled in from elsewhere.
   */
  private prepare(row: OutboxRow): Prepared {
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(row.payload) as Record<string, unknown>;
    } catch {
      payload = {};
    }
    const orderId = Number(row.entityId);
    const key = (this.orderKey.get(orderId) as { channel: string; orderNo: string } | undefined) ?? {
      channel: '',
      orderNo: typeof payload.orderNo === 'string' ? payload.orderNo : '',
    };
    const candidate: Record<string, unknown> = { ...payload, opId: row.opId, kind: row.kind, ...key };
    if (row.kind === 'create') candidate.order = readNewOrder(this.sqlite, orderId) ?? undefined;
    const parsed = wireOp.safeParse(candidate);
    if (parsed.success) return { row, op: parsed.data };
    return {
      row,
      op: null,
      channel: key.channel,
      orderNo: key.orderNo,
      problem: `送信できない内容です（${parsed.error.issues[0]?.message ?? '形式の誤り'}）。`,
    };
  }
}
