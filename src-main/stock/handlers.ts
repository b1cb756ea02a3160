import type { Handlers } from '../core/dispatch.js';

export const stockHandlers: Handlers<'stock:check' | 'stock:registerShortage'> = {
  'stock:check': ({ orderIds }, ctx) => {
    const result = ctx.services.stock.check(orderIds, ctx.actor(), ctx.clock.now());
    if (result.applied > 0) ctx.emit({ type: 'orders:changed' });
    return result;
  },
  'stock:registerShortage': ({ orderIds }, ctx) => {
    const result = ctx.services.stock.registerShortage(orderIds, ctx.actor(), ctx.clock.now());
    if (result.applied > 0) ctx.emit({ type: 'orders:changed' });
    return result;
  },
};
