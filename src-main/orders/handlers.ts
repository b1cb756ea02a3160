import { UserError } from '../../src-shared/api/errors.js';
import type { Handlers } from '../core/dispatch.js';
import type { ServiceContext } from '../core/context.js';
import type { ReminderCutoffs } from './queries.js';

const DAY_MS = 86_400_000;

/** 催促対象 cut-offs from the reminder periods in settings (S6), counted from the order date. */
export function reminderCutoffs(ctx: ServiceContext): ReminderCutoffs {
  const days = ctx.settings.get('reminderDays');
  const now = ctx.clock.now().getTime();
  return {
    unpaidBefore: new Date(now - days.unpaid * DAY_MS).toISOString(),
    orderFormBefore: new Date(now - days.orderForm * DAY_MS).toISOString(),
  };
}

export const orderHandlers: Handlers<'orders:counts' | 'orders:list' | 'orders:ids' | 'orders:get'> = {
  'orders:counts': (_input, ctx) => ctx.services.orders.counts(reminderCutoffs(ctx)),
  'orders:list': (input, ctx) => ctx.services.orders.list(input, reminderCutoffs(ctx)),
  'orders:ids': (input, ctx) => ctx.services.orders.ids(input, reminderCutoffs(ctx)),
  'orders:get': ({ id }, ctx) => {
    const order = ctx.services.orders.get(id);
    if (!order)
      throw new UserError('注文が見つかりません。一覧を最新の状態にしてからもう一度開いてください。', 'not_found');
    return { order, history: ctx.services.orders.history(id) };
  },
};
