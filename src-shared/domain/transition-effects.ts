import type { OrderRecord } from './order-fields.js';
import { hasStatusMail, type MainStatus } from './status.js';

/** What a status move was given besides its target: when, and the operation's own values. */
export interface MoveDetails {
  at: string;
  /** 入金日 of 入金確認登録 (ISO); otherwise the move's own time. */
  paidAt?: string;
  /** 取消理由 of 注文取消. */
  reason?: string;
  trackingNo?: string;
  carrier?: string;
}

type EffectKey =
  'status' | 'mailPending' | 'paidAt' | 'shippedAt' | 'cancelledAt' | 'cancelReason' | 'trackingNo' | 'carrier';

/** One column a move writes: its new value, or (onlyIfEmpty) its value only when it has none yet. */
type ColumnEffect = {
  [K in EffectKey]: { key: K; value: OrderRecord[K]; onlyIfEmpty?: true };
}[EffectKey];

/**
 * The columns a status move writes (S2), and only those: the new status, the メール未送信
 * mark of its status mail (S5), the day it was paid (kept if already set), shipped or
 * cancelled (with the reason), and a tracking number and carrier given with it. The store's
 * status engine turns this into the UPDATE's SET list, the central server into its copy
 * of the order, so both write the same columns for the same move.
 */
export function transitionEffects(to: MainStatus, move: MoveDetails): ColumnEffect[] {
  const effects: ColumnEffect[] = [
    { key: 'status', value: to },
    { key: 'mailPending', value: hasStatusMail(to) },
  ];
  if (to === 'paid') effects.push({ key: 'paidAt', value: move.paidAt ?? move.at, onlyIfEmpty: true });
  if (to === 'shipped') effects.push({ key: 'shippedAt', value: move.at });
  if (to === 'cancelled') {
    effects.push({ key: 'cancelledAt', value: move.at }, { key: 'cancelReason', value: move.reason ?? '' });
  }
  if (move.trackingNo) effects.push({ key: 'trackingNo', value: move.trackingNo });
  if (move.carrier) effects.push({ key: 'carrier', value: move.carrier });
  return effects;
}

/** Applies the effects to an order held in memory (the central server's working copy). */
export function applyEffects(order: Pick<OrderRecord, EffectKey>, effects: readonly ColumnEffect[]): void {
  const target = order as Record<EffectKey, unknown>;
  for (const effect of effects) {
    if (effect.onlyIfEmpty && target[effect.key] !== null) continue;
    target[effect.key] = effect.value;
  }
}
