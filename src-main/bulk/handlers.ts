import type { Handlers } from '../core/dispatch.js';

export const bulkHandlers: Handlers<'bulk:setStore' | 'bulk:setRating' | 'bulk:setStatus' | 'bulk:setSubStatus'> = {
  'bulk:setStore': ({ orderIds, storeId }, ctx) =>
    ctx.services.bulk.setStore(orderIds, storeId, ctx.actor(), ctx.clock.now()),
  'bulk:setRating': ({ orderIds, rating }, ctx) =>
    ctx.services.bulk.setRating(orderIds, rating, ctx.actor(), ctx.clock.now()),
  'bulk:setStatus': ({ orderIds, target, reason }, ctx) =>
    ctx.services.operations.setStatus(orderIds, target, reason, ctx.actor(), ctx.clock.now()),
  'bulk:setSubStatus': ({ orderIds, subStatusId }, ctx) =>
    ctx.services.bulk.setSubStatus(orderIds, subStatusId, ctx.actor(), ctx.clock.now()),
};
