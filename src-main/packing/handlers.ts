import type { Handlers } from '../core/dispatch.js';

export const packingHandlers: Handlers<'packing:open' | 'packing:scan'> = {
  'packing:open': ({ code }, ctx) => ctx.services.packing.open(code),
  'packing:scan': ({ orderId, code }, ctx) => ctx.services.packing.scan(orderId, code, ctx.actor(), ctx.clock.now()),
};
