import type BetterSqlite3 from 'better-sqlite3';
import { isMainStatus } from '../../src-shared/domain/status.js';
import { OPERATION_LABELS, type Operation } from '../../src-shared/domain/transitions.js';
import { SYNC_FIELDS, wireOp, type FieldValues, type WireOp } from '../../src-shared/sync/protocol.js';
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

/**
 * Order columns (as the server names them) that a change kind touches, for journal entries
 * whose payload does not carry the new value itself: the value is read from the order.
 */
const KIND_COLUMNS: Record<string, Partial<Record<keyof FieldValues, string>>> = {
  store: { storeId: 'store_id' },
  rating: { buyerRating: 'buyer_rating' },
  buyer_rating: { buyerRating: 'buyer_rating' },
  sub_status: { subStatusId: 'sub_status_id' },
  tracking: { trackingNo: 'tracking_no', carrier: 'carrier' },
  bundle: { bundleGroup: 'bundle_group' },
};

const BOOLEAN_FIELDS = new Set(['buyerRating', 'mailInquiry', 'orderFormDone', 'mailPending']);

/** What the clerk reads about a refused change: the manual's word for it. */
export function describeKind(kind: string, operation?: string): string {
  if (kind === 'status' && operation && operation in OPERATION_LABELS) return OPERATION_LABELS[operation as Operation];
  const labels: Record<string, string> = {
    create: '注文の登録',
    store: '出荷店舗の指定',
    sub_status: 'サブステータスの変更',
    mail: 'メール送信済の記録',
    mail_state: 'メール送信状態の記録',
    unit_price: '販売単価の変更',
    discount: '値引の変更',
    shipping_fee: '配送料金の変更',
    cod_fee: '代引手数料の変更',
    staff_comment: '受注後コメントの変更',
    order_comment: '注文時コメントの変更',
    bundle: '同梱設定',
    rating: '落札者評価の設定',
    print: '印刷の記録',
  };
  return labels[kind] ?? `変更（${kind}）`;
}

/** Reads queued changes in order and turns each into its wire operation. */
export class OutboxReader {
  private readonly pending: BetterSqlite3.Statement;
  private readonly orderKey: BetterSqlite3.Statement;
  private readonly column: Map<string, BetterSqlite3.Statement> = new Map();
  private readonly items: BetterSqlite3.Statement;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.pending = sqlite.prepare(
      `SELECT seq, op_id AS opId, entity_id AS entityId, kind, payload, created_at AS createdAt
       FROM sync_outbox WHERE state = 'pending' AND entity = 'order' ORDER BY seq LIMIT ?`,
    );
    this.orderKey = sqlite.prepare('SELECT channel, order_no AS orderNo FROM orders WHERE id = ?');
    this.items = sqlite.prepare(
      'SELECT line_no AS lineNo, sku, title, quantity, unit_price AS unitPrice, location FROM order_items WHERE order_id = ? ORDER BY line_no',
    );
  }

  private current(orderId: number, column: string): unknown {
    let stmt = this.column.get(column);
    if (!stmt) {
      stmt = this.sqlite.prepare(`SELECT ${column} FROM orders WHERE id = ?`).pluck();
      this.column.set(column, stmt);
    }
    return stmt.get(orderId);
  }

  next(limit: number): Prepared[] {
    return (this.pending.all(limit) as OutboxRow[]).map((row) => this.prepare(row));
  }

  private prepare(row: OutboxRow): Prepared {
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(row.payload) as Record<string, unknown>;
    } catch {
      payload = {};
    }
    const orderId = Number(row.entityId);
    const key = (this.orderKey.get(orderId) as { channel: string; orderNo: string } | undefined) ?? {
      channel: String(payload.channel ?? ''),
      orderNo: String(payload.orderNo ?? ''),
    };
    const actor = (payload.actor ?? {}) as { operator?: string; pcId?: string; storeId?: string | null };
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const candidate: Record<string, unknown> = {
      opId: row.opId,
      channel: key.channel,
      orderNo: key.orderNo,
      kind: row.kind,
      at: text(payload.at) ?? row.createdAt,
      actor: { operator: actor.operator ?? '', pcId: actor.pcId ?? '', storeId: actor.storeId ?? null },
      reason: text(payload.reason) ?? '',
      from: text(payload.from) ?? null,
      to: text(payload.to) ?? null,
    };
    if (row.kind === 'status') {
      Object.assign(candidate, {
        operation: payload.operation,
        target: text(payload.target),
        trackingNo: text(payload.trackingNo),
        carrier: text(payload.carrier),
        paidAt: text(payload.paidAt),
      });
    } else if (row.kind === 'create') {
      candidate.order = readNewOrder(this.sqlite, orderId) ?? undefined;
    } else {
      candidate.fields = this.fields(row.kind, payload, orderId);
      const mailStatus = text(payload.mailStatus) ?? (row.kind === 'mail' ? text(payload.mail) : undefined);
      if (mailStatus && isMainStatus(mailStatus)) candidate.mailStatus = mailStatus;
    }
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

  /**
   * The new values a change sets: the payload's own (journal entries name them as the
   * server does, e.g. { subStatusId: 3 }), else the order's current value for the kind.
   */
  private fields(kind: string, payload: Record<string, unknown>, orderId: number): FieldValues {
    const fields: Record<string, unknown> = {};
    for (const name of SYNC_FIELDS) if (name in payload) fields[name] = payload[name];
    if (kind === 'mail' && payload.mail) fields.mailPending = false;
    if (kind === 'unit_price') fields.items = this.items.all(orderId);
    if (Object.keys(fields).length === 0) {
      for (const [name, column] of Object.entries(KIND_COLUMNS[kind] ?? {})) {
        const value = this.current(orderId, column!);
        fields[name] = BOOLEAN_FIELDS.has(name) ? value === 1 : value;
      }
    }
    for (const name of Object.keys(fields))
      if (BOOLEAN_FIELDS.has(name) && typeof fields[name] === 'number') fields[name] = fields[name] === 1;
    return fields as FieldValues;
  }
}

const TOO_LARGE = '大きすぎて中央サーバーに送信できない変更です（明細やコメントが非常に長い可能性があります）。';

/**
 * Splits prepared operations into parts whose JSON stays within `maxBytes`, in order. One
 * operation larger than that on its own cannot go at all: it is kept back as unsendable
 * (reported to the clerk), never left to block the operations after it.
 */
export function splitBySize(batch: Prepared[], maxBytes: number): Prepared[][] {
  const parts: Prepared[][] = [];
  let part: Prepared[] = [];
  let size = 0;
  for (const item of batch) {
    if (!item.op) {
      part.push(item);
      continue;
    }
    const bytes = Buffer.byteLength(JSON.stringify(item.op)) + 1;
    if (bytes > maxBytes) {
      part.push({ row: item.row, op: null, channel: item.op.channel, orderNo: item.op.orderNo, problem: TOO_LARGE });
      continue;
    }
    if (size + bytes > maxBytes && part.length > 0) {
      parts.push(part);
      part = [];
      size = 0;
    }
    part.push(item);
    size += bytes;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}
