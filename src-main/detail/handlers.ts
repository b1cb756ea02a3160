import type { Handlers } from '../core/dispatch.js';

export const detailHandlers: Handlers<'detail:get' | 'detail:save'> = {
  'detail:get': ({ id }, ctx) => ctx.services.detail.get(id),
  'detail:save': (input, ctx) => ctx.services.detail.save(input, ctx.actor(), ctx.clock.now()),
};
