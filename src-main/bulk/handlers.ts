import type { ServiceContext } from '../core/context.js';
import type { Handlers } from '../core/dispatch.js';

function changed<T extends { applied: number }>(ctx: ServiceContext, result: T): T {
  if (result.applied > 0) ctx.emit({ type: 'orders:changed' });
  return result;
}

export const bulkHandlers: Handlers<'bulk:setStore' | 'bulk:setRating' | 'bulk:setStatus' | 'bulk:setSubStatus'> = {
  'bulk:setStore': ({ orderIds, storeId }, ctx) =>
    changed(ctx, ctx.services.bulk.setStore(orderIds, storeId, ctx.actor(), ctx.clock.now())),
  'bulk:setRating': ({ orderIds, rating }, ctx) =>
    changed(ctx, ctx.services.bulk.setRating(orderIds, rating, ctx.actor(), ctx.clock.now())),
  'bulk:setStatus': ({ orderIds, target, reason }, ctx) =>
    changed(ctx, ctx.services.operations.setStatus(orderIds, target, reason, ctx.actor(), ctx.clock.now())),
  'bulk:setSubStatus': ({ orderIds, subStatusId }, ctx) =>
    changed(ctx, ctx.services.bulk.setSubStatus(orderIds, subStatusId, ctx.actor(), ctx.clock.now())),
};
