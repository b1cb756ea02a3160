import { STATUS_LABELS, type MainStatus } from './status.js';

/**
 * The status engine's rules (SPEC S2, E11): from-status × operation → to-status.
 * This table is the only place that knows which operation is allowed from where;
 * the store PC and the central server both judge changes with it.
 */
export const OPERATIONS = [
  'stock_ok',
  'stock_shortage',
  'confirm_payment',
  'register_tracking',
  'confirm_shipment',
  'cancel',
  'bulk_set_status',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export const OPERATION_LABELS: Record<Operation, string> = {
  stock_ok: '在庫確認',
  stock_shortage: '欠品登録',
  confirm_payment: '入金確認登録',
  register_tracking: '送り状番号登録',
  confirm_shipment: '出荷確定',
  cancel: '注文取消',
  bulk_set_status: 'メインステータス一括変更',
};

interface TransitionContext {
  /** Whether the order's payment method needs 入金確認 (bank transfer yes; card, COD no). */
  needsPaymentConfirmation: boolean;
  /** Target of bulk_set_status (E11); ignored by the other operations. */
  target?: MainStatus;
}

type TransitionResult = { ok: true; to: MainStatus } | { ok: false; reason: string };

/** Where each operation may start from. */
const ALLOWED_FROM: Record<Operation, readonly MainStatus[]> = {
  stock_ok: ['new', 'out_of_stock'],
  stock_shortage: ['new', 'out_of_stock'],
  confirm_payment: ['stock_confirmed'],
  register_tracking: ['paid', 'awaiting_shipment'],
  confirm_shipment: ['awaiting_shipment'],
  cancel: ['new', 'stock_confirmed', 'out_of_stock', 'paid', 'awaiting_shipment'],
  bulk_set_status: ['new'],
};

/** Stock confirmed, then straight to 入金済 when the payment needs no confirmation. */
function afterStockConfirmed(ctx: TransitionContext): MainStatus {
  return ctx.needsPaymentConfirmation ? 'stock_confirmed' : 'paid';
}

function target(op: Operation, ctx: TransitionContext): TransitionResult {
  switch (op) {
    case 'stock_ok':
      return { ok: true, to: afterStockConfirmed(ctx) };
    case 'stock_shortage':
      return { ok: true, to: 'out_of_stock' };
    case 'confirm_payment':
      return { ok: true, to: 'paid' };
    case 'register_tracking':
      return { ok: true, to: 'awaiting_shipment' };
    case 'confirm_shipment':
      return { ok: true, to: 'shipped' };
    case 'cancel':
      return { ok: true, to: 'cancelled' };
    case 'bulk_set_status': {
      const to = ctx.target;
      if (!to || to === 'new') {
        return { ok: false, reason: '変更先のメインステータスを「新規」以外から選んでください。' };
      }
      return { ok: true, to: to === 'stock_confirmed' ? afterStockConfirmed(ctx) : to };
    }
    default: {
      const unreachable: never = op;
      throw new Error(`unknown operation ${String(unreachable)}`);
    }
  }
}

/** Judges one operation on one order. Pure: callers apply the result. */
export function transition(from: MainStatus, op: Operation, ctx: TransitionContext): TransitionResult {
  if (!ALLOWED_FROM[op].includes(from)) {
    const allowed = ALLOWED_FROM[op].map((s) => `「${STATUS_LABELS[s]}」`).join('・');
    return {
      ok: false,
      reason: `「${STATUS_LABELS[from]}」の注文には${OPERATION_LABELS[op]}はできません（${allowed}の注文のみ）。`,
    };
  }
  return target(op, ctx);
}

export function allowedFrom(op: Operation): readonly MainStatus[] {
  return ALLOWED_FROM[op];
}
