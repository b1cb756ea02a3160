import type { BulkResult } from '../../src-shared/domain/order.js';
import type { Handlers } from '../core/dispatch.js';

type OperationMethods =
  | 'operations:confirmPayment'
  | 'operations:registerTracking'
  | 'operations:confirmShipment'
  | 'operations:scan'
  | 'operations:cancel'
  | 'operations:parcels';

export const operationsHandlers: Handlers<OperationMethods> = {
  'operations:confirmPayment': ({ orderIds, paidOn }, ctx): BulkResult =>
    ctx.services.operations.confirmPayment(orderIds, paidOn, ctx.actor(), ctx.clock.now()),
  'operations:registerTracking': ({ entries }, ctx) =>
    ctx.services.operations.registerTracking(entries, ctx.actor(), ctx.clock.now()),
  'operations:confirmShipment': ({ orderIds }, ctx) =>
    ctx.services.operations.confirmShipment(orderIds, ctx.actor(), ctx.clock.now()),
  'operations:scan': ({ code }, ctx) => ctx.services.scanner.scan(code, ctx.actor(), ctx.clock.now()),
  'operations:cancel': ({ orderIds, reason }, ctx) =>
    ctx.services.operations.cancel(orderIds, reason, ctx.actor(), ctx.clock.now()),
  'operations:parcels': ({ orderIds }, ctx) => ctx.services.operations.parcels(orderIds),
};
