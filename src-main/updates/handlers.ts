import type { Handlers } from '../core/dispatch.js';
import { serverLink } from './feed-link.js';
import { checkForUpdate } from './update-check.js';

export const updatesHandlers: Handlers<'updates:check'> = {
  'updates:check': async (_input, ctx) =>
    checkForUpdate(await serverLink(ctx.settings, ctx.secrets, ctx.version), ctx.version),
};
