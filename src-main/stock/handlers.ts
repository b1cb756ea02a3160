import type { Handlers } from '../core/dispatch.js';

export const stockHandlers: Handlers<'stock:check' | 'stock:registerShortage'> = {
  'stock:check': ({ orderIds }, ctx) => ctx.services.stock.check(orderIds, ctx.actor(), ctx.clock.now()),
  'stock:registerShortage': ({ orderIds }, ctx) =>
    ctx.services.stock.registerShortage(orderIds, ctx.actor(), ctx.clock.now()),
};
