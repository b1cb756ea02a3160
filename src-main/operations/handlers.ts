import type { BulkResult } from '../../src-shared/domain/order.js';
import type { ServiceContext } from '../core/context.js';
import type { Handlers } from '../core/dispatch.js';

function changed<T extends { applied: number }>(ctx: ServiceContext, result: T): T {
  if (result.applied > 0) ctx.emit({ type: 'orders:changed' });
  return result;
}

type OperationMethods =
  | 'operations:confirmPayment'
  | 'operations:registerTracking'
  | 'operations:confirmShipment'
  | 'operations:scan'
  | 'operations:cancel'
  | 'operations:parcels';

export const operationsHandlers: Handlers<OperationMethods> = {
  'operations:confirmPayment': ({ orderIds, paidOn }, ctx): BulkResult =>
    changed(ctx, ctx.services.operations.confirmPayment(orderIds, paidOn, ctx.actor(), ctx.clock.now())),
  'operations:registerTracking': ({ entries }, ctx) =>
    changed(ctx, ctx.services.operations.registerTracking(entries, ctx.actor(), ctx.clock.now())),
  'operations:confirmShipment': ({ orderIds }, ctx) =>
    changed(ctx, ctx.services.operations.confirmShipment(orderIds, ctx.actor(), ctx.clock.now())),
  'operations:scan': ({ code }, ctx) => changed(ctx, ctx.services.scanner.scan(code, ctx.actor(), ctx.clock.now())),
  'operations:cancel': ({ orderIds, reason }, ctx) =>
    changed(ctx, ctx.services.operations.cancel(orderIds, reason, ctx.actor(), ctx.clock.now())),
  'operations:parcels': ({ orderIds }, ctx) => ctx.services.operations.parcels(orderIds),
};
