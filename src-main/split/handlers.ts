import type { Handlers } from '../core/dispatch.js';

export const splitHandlers: Handlers<'orders:split'> = {
  'orders:split': (input, ctx) => ctx.services.splits.split(input, ctx.actor(), ctx.clock.now()),
};
