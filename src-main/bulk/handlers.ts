import type { BulkChangeResult } from '../../src-shared/api/bulk.js';
import type { ServiceContext } from '../core/context.js';
import type { Handlers } from '../core/dispatch.js';

function changed(ctx: ServiceContext, result: BulkChangeResult): BulkChangeResult {
  if (result.applied > 0) ctx.emit({ type: 'orders:changed' });
  return result;
}

export const bulkHandlers: Handlers<'bulk:setStore' | 'bulk:setRating' | 'bulk:setSubStatus'> = {
  'bulk:setStore': ({ orderIds, storeId }, ctx) =>
    changed(ctx, ctx.services.bulk.setStore(orderIds, storeId, ctx.actor(), ctx.clock.now())),
  'bulk:setRating': ({ orderIds, rating }, ctx) =>
    changed(ctx, ctx.services.bulk.setRating(orderIds, rating, ctx.actor(), ctx.clock.now())),
  'bulk:setSubStatus': ({ orderIds, subStatusId }, ctx) =>
    changed(ctx, ctx.services.bulk.setSubStatus(orderIds, subStatusId, ctx.actor(), ctx.clock.now())),
};
