import type { Handlers } from '../core/dispatch.js';

export const subStatusHandlers: Handlers<
  'subStatus:add' | 'subStatus:update' | 'subStatus:reorder' | 'subStatus:setRetired' | 'subStatus:usage'
> = {
  'subStatus:add': ({ mainStatus, name, color }, ctx) =>
    ctx.services.subStatuses.add(mainStatus, name, color, ctx.actor(), ctx.clock.now()),
  'subStatus:update': ({ id, name, color }, ctx) =>
    ctx.services.subStatuses.update(id, name, color, ctx.actor(), ctx.clock.now()),
  'subStatus:reorder': ({ mainStatus, ids }, ctx) =>
    ctx.services.subStatuses.reorder(mainStatus, ids, ctx.actor(), ctx.clock.now()),
  'subStatus:setRetired': ({ id, retired }, ctx) =>
    ctx.services.subStatuses.setRetired(id, retired, ctx.actor(), ctx.clock.now()),
  'subStatus:usage': (_input, ctx) => ctx.services.subStatuses.usage(),
};
