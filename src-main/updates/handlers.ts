import type { Handlers } from '../core/dispatch.js';
import { sendLogs } from '../logs/log-upload.js';
import { serverLink } from './feed-link.js';
import { checkForUpdate } from './update-check.js';

export const fleetHandlers: Handlers<'updates:check' | 'logs:send'> = {
  'updates:check': async (_input, ctx) =>
    checkForUpdate(await serverLink(ctx.settings, ctx.secrets, ctx.version), ctx.version),
  'logs:send': async ({ note }, ctx) =>
    sendLogs(await serverLink(ctx.settings, ctx.secrets, ctx.version), ctx.database.file, ctx.clock.now(), note),
};
