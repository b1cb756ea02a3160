import type { Handlers } from '../core/dispatch.js';

export const syncHandlers: Handlers<
  'sync:settings' | 'sync:saveSettings' | 'sync:now' | 'sync:status' | 'sync:refusals' | 'sync:markRefusalsSeen'
> = {
  'sync:settings': (_input, ctx) => ctx.services.syncSettings.current(),
  'sync:saveSettings': (input, ctx) => ctx.services.syncSettings.save(input),
  'sync:now': (_input, ctx) => ctx.services.sync.syncNow(),
  'sync:status': (_input, ctx) => ctx.services.sync.status(),
  'sync:refusals': ({ limit }, ctx) => ctx.services.syncSettings.refusals(limit),
  'sync:markRefusalsSeen': (_input, ctx) => ctx.services.syncSettings.markRefusalsSeen(),
};
