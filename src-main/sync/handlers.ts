import type { Handlers } from '../core/dispatch.js';
import { syncRunner } from './runner.js';

export const syncHandlers: Handlers<
  'sync:settings' | 'sync:saveSettings' | 'sync:now' | 'sync:status' | 'sync:refusals' | 'sync:markRefusalsSeen'
> = {
  'sync:settings': (_input, ctx) => ctx.services.syncSettings.current(),
  'sync:saveSettings': (input, ctx) => ctx.services.syncSettings.save(input),
  'sync:now': (_input, ctx) => syncRunner(ctx).syncNow(),
  'sync:status': (_input, ctx) => syncRunner(ctx).status(),
  'sync:refusals': ({ limit }, ctx) => ctx.services.syncSettings.refusals(limit),
  'sync:markRefusalsSeen': (_input, ctx) => ctx.services.syncSettings.markRefusalsSeen(),
};
