import type { MainStatus } from '../../src-shared/domain/status.js';
import type { Operation } from '../../src-shared/domain/transitions.js';
import type { Actor } from '../core/app-context.js';

export interface OperationRequest {
  orderIds: readonly number[];
  operation: Operation;
  target?: MainStatus;
  reason?: string;
  trackingNo?: string;
  carrier?: string;
  /** ISO timestamp of the payment for confirm_payment; defaults to now. */
  paidAt?: string;
}

/** An order as the engine judges it; effects receive it too. */
export interface EngineOrder {
  id: number;
  order_no: string;
  status: MainStatus;
  needs_confirmation: number | null;
  store_id: string | null;
  ordered_at: string;
  bundle_group: string | null;
  tracking_no: string | null;
}

/**
 * Work that belongs to a status change and commits with it (stock reservations, ...).
 * `prepare` runs once the change is judged allowed and may refuse the order with a reason
 * (having written nothing); `applied` runs after the run's changes are written.
 */
export interface StatusEffect {
  prepare?(order: EngineOrder, to: MainStatus, request: OperationRequest, at: string, actor: Actor): string | null;
  applied?(order: EngineOrder, to: MainStatus, request: OperationRequest, at: string, actor: Actor): void;
}
