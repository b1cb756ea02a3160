import { z } from 'zod';
import { subtotalOf, totalOf, formatYen } from '../../src-shared/domain/money.js';
import {
  MAX_CLOCK_SKEW_MS,
  wireOp,
  type FieldValues,
  type WireItem,
  type WireOp,
} from '../../src-shared/sync/protocol.js';
import { DAY_MS } from '../../src-shared/text/jst.js';

/**
 * The central server's checks of what a store PC pushes, before and while it is applied.
 * A PC's token proves which PC is calling, not that what it sends is sound: every operation
 * is read on its own (one bad operation is refused alone, never the batch), its times must
 * lie within the clock-skew window, a store it names must be registered, and money it sets
 * must add up.
 */

/** An operation as read from a push: ready to apply, or refused with the reason. */
export type ReadOp = { opId: string; op: WireOp } | { opId: string; op: null; reason: string };

/** Operations queued offline may be this old when they finally arrive. */
const MAX_OP_AGE_MS = 366 * DAY_MS;

const PUSH_MAX_OPS = 5000;

const pushEnvelope = z.object({ ops: z.array(z.unknown()).max(PUSH_MAX_OPS) });

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '形式の誤り';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/**
 * Reads a push body: the envelope must hold; each operation is then judged alone. An entry
 * without a usable op id cannot be answered (the PC matches answers by id) and is dropped.
 */
export function readPushedOps(body: unknown): { ok: true; ops: ReadOp[] } | { ok: false; message: string } {
  const envelope = pushEnvelope.safeParse(body);
  if (!envelope.success) return { ok: false, message: `入力内容に誤りがあります: ${firstIssue(envelope.error)}` };
  const ops: ReadOp[] = [];
  for (const raw of envelope.data.ops) {
    const parsed = wireOp.safeParse(raw);
    if (parsed.success) {
      ops.push({ opId: parsed.data.opId, op: parsed.data });
      continue;
    }
    const opId = (raw as { opId?: unknown } | null)?.opId;
    if (typeof opId !== 'string' || opId.length === 0 || opId.length > 80) continue;
    ops.push({
      opId,
      op: null,
      reason: `送信された変更の内容に誤りがあるため受け付けませんでした（${firstIssue(parsed.error)}）。`,
    });
  }
  return { ok: true, ops };
}

function timeProblem(label: string, value: string | undefined, now: Date): string | null {
  if (value === undefined) return null;
  const t = Date.parse(value);
  const n = now.getTime();
  if (Number.isNaN(t) || t > n + MAX_CLOCK_SKEW_MS || t < n - MAX_OP_AGE_MS)
    return `${label}（${value}）がサーバーの時刻と合いません。PC の日付と時刻を確認してください。`;
  return null;
}

/** The store an op names: a created order's, or the one a field change moves the order to. */
export function namedStore(op: WireOp): string | null {
  if (op.kind === 'create') return op.order?.storeId ?? null;
  return 'fields' in op && 'storeId' in op.fields ? (op.fields.storeId ?? null) : null;
}

/**
 * Checks that need no order: the times, the stores named, a create's order. `stores`
 * holds the registered store ids among those the ops name.
 */
export function opProblem(op: WireOp, now: Date, stores: ReadonlySet<string>): string | null {
  const paidAt = op.kind === 'status' ? op.paidAt : undefined;
  const time = timeProblem('変更の日時', op.at, now) ?? timeProblem('入金日', paidAt, now);
  if (time) return time;
  if (op.kind === 'create' && !op.order) return '登録する注文の内容が送られていません。';
  const named = namedStore(op);
  if (named !== null && !stores.has(named)) return `出荷店舗「${named.slice(0, 40)}」はサーバーに登録されていません。`;
  return null;
}

/** The money of an order as the server holds it. */
interface MoneyNow {
  subtotal: number;
  discount: number;
  shippingFee: number;
  codFee: number;
}

const MONEY_FIELDS = ['items', 'subtotal', 'total', 'discount', 'shippingFee', 'codFee'] as const;

/**
 * A field operation's money, derived rather than trusted: the subtotal is the sum of the
 * lines, the total the subtotal less the discount plus the fees. A subtotal or total the
 * operation sets must equal what the server derives; a total below zero is refused.
 * `items` are the order's lines if this push already changed them. Null: no money involved.
 */
export function deriveMoney(
  fields: Partial<FieldValues>,
  now: MoneyNow,
  items: readonly WireItem[] | undefined,
): { ok: true; subtotal: number; total: number } | { ok: false; reason: string } | null {
  if (!MONEY_FIELDS.some((f) => f in fields)) return null;
  const lines = fields.items ?? items;
  const subtotal = lines ? subtotalOf(lines) : now.subtotal;
  if (fields.subtotal !== undefined && fields.subtotal !== subtotal)
    return {
      ok: false,
      reason: `小計（${formatYen(fields.subtotal)}）が明細の合計（${formatYen(subtotal)}）と合いません。`,
    };
  const total = totalOf({
    subtotal,
    discount: fields.discount ?? now.discount,
    shippingFee: fields.shippingFee ?? now.shippingFee,
    codFee: fields.codFee ?? now.codFee,
  });
  if (total < 0) return { ok: false, reason: '値引が小計と送料などを超え、合計金額がマイナスになります。' };
  if (fields.total !== undefined && fields.total !== total)
    return {
      ok: false,
      reason: `合計金額（${formatYen(fields.total)}）が明細・値引・送料・手数料から計算した額（${formatYen(total)}）と合いません。`,
    };
  return { ok: true, subtotal, total };
}
