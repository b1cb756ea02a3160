import type { Handlers } from '../core/dispatch.js';

export const splitHandlers: Handlers<'split:order'> = {
  'split:order': (input, ctx) => ctx.services.splits.split(input, ctx.actor(), ctx.clock.now()),
};
