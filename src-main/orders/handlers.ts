import { orderGoneError } from '../../src-shared/api/errors.js';
import type { Handlers } from '../core/dispatch.js';
import { reminderCutoffs } from './reminder-cutoffs.js';

export const orderHandlers: Handlers<'orders:counts' | 'orders:list' | 'orders:ids' | 'orders:get'> = {
  'orders:counts': (_input, ctx) => ctx.services.orders.counts(reminderCutoffs(ctx)),
  'orders:list': (input, ctx) => ctx.services.orders.list(input, reminderCutoffs(ctx)),
  'orders:ids': (input, ctx) => ctx.services.orders.ids(input, reminderCutoffs(ctx)),
  'orders:get': ({ id }, ctx) => {
    const order = ctx.services.orders.get(id);
    if (!order) throw orderGoneError();
    return { order, history: ctx.services.orders.history(id) };
  },
};
