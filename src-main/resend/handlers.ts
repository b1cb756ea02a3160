import type { Handlers } from '../core/dispatch.js';

export const resendHandlers: Handlers<'resend:order'> = {
  'resend:order': (input, ctx) => ctx.services.resends.resend(input, ctx.actor(), ctx.clock.now()),
};
