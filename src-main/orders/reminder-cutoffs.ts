import type { AppContext } from '../core/app-context.js';
import { DAY_MS } from '../../src-shared/text/jst.js';
import type { ReminderCutoffs } from './reminders.js';

/** 催促対象 cut-offs from the reminder periods in settings (S6), counted from the order date. */
export function reminderCutoffs(ctx: Pick<AppContext, 'settings' | 'clock'>): ReminderCutoffs {
  const days = ctx.settings.get('reminderDays');
  const now = ctx.clock.now().getTime();
  return {
    unpaidBefore: new Date(now - days.unpaid * DAY_MS).toISOString(),
    orderFormBefore: new Date(now - days.orderForm * DAY_MS).toISOString(),
  };
}
