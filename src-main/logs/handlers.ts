import type { Handlers } from '../core/dispatch.js';
import { serverLink } from '../updates/feed-link.js';
import { sendLogs } from './log-upload.js';

export const logsHandlers: Handlers<'logs:send'> = {
  'logs:send': async ({ note }, ctx) =>
    sendLogs(await serverLink(ctx.settings, ctx.secrets, ctx.version), ctx.database.file, ctx.clock.now(), note),
};
