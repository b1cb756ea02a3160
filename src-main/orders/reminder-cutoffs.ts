import holidayJp from '@holiday-jp/holiday_jp';
import type { AppContext } from '../core/app-context.js';
import { jstDayStart, jstToday } from '../../src-shared/text/jst.js';
import type { ReminderCutoffs } from './reminders.js';

/** 土日 or a Japanese national holiday (振替休日 included), for a JST calendar day YYYY-MM-DD. */
function isDayOff(ymd: string): boolean {
  const weekday = new Date(`${ymd}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 || Object.hasOwn(holidayJp.holidays, ymd);
}

/**
 * Where the orders that are `days` JST calendar days old end: an order placed on day D is due
 * once `days` days (business days when `skipDaysOff`) have passed after D, whatever its hour.
 * Counted back from today; the answer is the start of the day after the latest due order day,
 * so the SQL stays one range on ordered_at.
 */
function reminderCutoff(today: string, days: number, skipDaysOff: boolean): string {
  let back = 0;
  for (let counted = 0; counted < days; back++) {
    if (!skipDaysOff || !isDayOff(shiftDay(today, -back))) counted++;
  }
  return jstDayStart(today, 1 - back);
}

function shiftDay(ymd: string, addDays: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + addDays * 86_400_000).toISOString().slice(0, 10);
}

/** 催促対象 cut-offs from the reminder periods in settings (S6), counted from the order date. */
export function reminderCutoffs(ctx: Pick<AppContext, 'settings' | 'clock'>): ReminderCutoffs {
  const days = ctx.settings.get('reminderDays');
  const skip = ctx.settings.get('reminderSkipHolidays') ?? false;
  const today = jstToday(ctx.clock.now());
  return {
    unpaidBefore: reminderCutoff(today, days.unpaid, skip),
    orderFormBefore: reminderCutoff(today, days.orderForm, skip),
  };
}
