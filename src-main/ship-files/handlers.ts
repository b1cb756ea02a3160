import type { Handlers } from '../core/dispatch.js';

export const shipFileHandlers: Handlers<'shipFiles:export'> = {
  'shipFiles:export': (input, ctx) => ctx.services.shipFiles.export(input),
};
