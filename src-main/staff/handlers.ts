import type { Handlers } from '../core/dispatch.js';

export const staffHandlers: Handlers<'staff:desk' | 'staff:pick'> = {
  'staff:desk': (_input, ctx) => ctx.services.staff.desk(ctx.settings),
  'staff:pick': (input, ctx) => ctx.services.staff.pick(ctx, input.staffId, input.pin),
};
