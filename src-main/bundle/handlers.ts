import type { Handlers } from '../core/dispatch.js';

export const bundleHandlers: Handlers<'bundle:candidates' | 'bundle:create' | 'bundle:dissolve'> = {
  'bundle:candidates': ({ orderIds, limit }, ctx) => ctx.services.bundles.candidates(orderIds, limit),
  'bundle:create': ({ orderIds }, ctx) => ctx.services.bundles.create(orderIds, ctx.actor(), ctx.clock.now()),
  'bundle:dissolve': ({ bundleGroup }, ctx) => ctx.services.bundles.dissolve(bundleGroup, ctx.actor(), ctx.clock.now()),
};
