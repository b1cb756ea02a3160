import type { Handlers } from '../core/dispatch.js';

export const resendHandlers: Handlers<'orders:resend'> = {
  'orders:resend': (input, ctx) => ctx.services.resends.resend(input, ctx.actor(), ctx.clock.now()),
};
