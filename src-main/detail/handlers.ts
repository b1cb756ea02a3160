import type { Handlers } from '../core/dispatch.js';

export const detailHandlers: Handlers<'detail:get' | 'detail:save'> = {
  'detail:get': ({ id }, ctx) => ctx.services.detail.get(id),
  'detail:save': (input, ctx) => {
    const saved = ctx.services.detail.save(input, ctx.actor(), ctx.clock.now());
    if (saved.changes.length > 0) ctx.emit({ type: 'orders:changed', orderIds: [input.id] });
    return saved;
  },
};
