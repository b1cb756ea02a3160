import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  t.app.ctx.settings.set('reminderDays', { unpaid: 7, orderForm: 3 });
});
afterEach(() => t.close());

const day = (d: number) => new Date(Date.parse('2026-11-27T01:00:00Z') - d * 86_400_000 - 60_000).toISOString();

describe('催促対象 tab', () => {
  it('lists unpaid and form-unfilled orders past their periods once each, newest first, in pages', async () => {
    insertOrders(t.app.ctx.database.sqlite, [
      { order: { orderNo: 'UNPAID-8D', orderedAt: day(8) } },
      { order: { orderNo: 'UNPAID-6D', orderedAt: day(6) } }, // within 7 days: not yet
      { order: { orderNo: 'BOTH-9D', orderedAt: day(9), orderFormDone: false } }, // in both groups: once
      { order: { orderNo: 'FORM-4D', orderedAt: day(4), orderFormDone: false, paymentMethod: 'credit_card' } },
      { order: { orderNo: 'FORM-2D', orderedAt: day(2), orderFormDone: false, paymentMethod: 'credit_card' } }, // within 3 days
      { order: { orderNo: 'CARD-30D', orderedAt: day(30), paymentMethod: 'credit_card' } }, // nothing to remind
      { order: { orderNo: 'PAID-30D', orderedAt: day(30) }, initial: { status: 'paid' } },
      { order: { orderNo: 'SHIPPED-FORM', orderedAt: day(30), orderFormDone: false }, initial: { status: 'shipped' } },
    ]);
    expect((await t.call('orders:counts', {})).reminder).toBe(3);
    const page = await t.call('orders:list', { tab: 'reminder', offset: 0, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.orderNo)).toEqual(['FORM-4D', 'UNPAID-8D']);
    const rest = await t.call('orders:list', { tab: 'reminder', offset: 2, limit: 2 });
    expect(rest.rows.map((r) => r.orderNo)).toEqual(['BOTH-9D']);
    const oldestFirst = await t.call('orders:list', {
      tab: 'reminder',
      sort: { column: 'orderedAt', direction: 'asc' },
    });
    expect(oldestFirst.rows.map((r) => r.orderNo)).toEqual(['BOTH-9D', 'UNPAID-8D', 'FORM-4D']);
    expect((await t.call('orders:ids', { tab: 'reminder' })).length).toBe(3);
  });

  it('follows the periods set in 催促メール期限管理', async () => {
    insertOrders(t.app.ctx.database.sqlite, [{ order: { orderedAt: day(5) } }]);
    expect((await t.call('orders:counts', {})).reminder).toBe(0);
    t.app.ctx.settings.set('reminderDays', { unpaid: 4, orderForm: 3 });
    expect((await t.call('orders:counts', {})).reminder).toBe(1);
  });
});

describe('催促対象 counts JST calendar days', () => {
  // Friday 2026-11-27 10:00 JST; 11-21 土, 11-22 日, 11-23 月 勤労感謝の日.
  const around = [
    { order: { orderNo: 'THU-2359', orderedAt: '2026-11-19T14:59:00Z' } },
    { order: { orderNo: 'FRI-2359', orderedAt: '2026-11-20T14:59:00Z' } },
    { order: { orderNo: 'SAT-0001', orderedAt: '2026-11-20T15:01:00Z' } },
    { order: { orderNo: 'SUN-2359', orderedAt: '2026-11-22T14:59:00Z' } },
    { order: { orderNo: 'HOLIDAY-0001', orderedAt: '2026-11-22T15:01:00Z' } },
  ];
  const due = async () =>
    (await t.call('orders:list', { tab: 'reminder', sort: { column: 'orderedAt', direction: 'asc' } })).rows.map(
      (r) => r.orderNo,
    );

  it('an order placed at 23:59 is a day older than one placed at 00:01, whatever the hour now', async () => {
    insertOrders(t.app.ctx.database.sqlite, around);
    t.app.ctx.settings.set('reminderDays', { unpaid: 7, orderForm: 3 });
    expect(await due()).toEqual(['THU-2359', 'FRI-2359']);
    t.app.ctx.settings.set('reminderDays', { unpaid: 5, orderForm: 3 });
    expect(await due()).toEqual(['THU-2359', 'FRI-2359', 'SAT-0001', 'SUN-2359']);
    t.clock.set('2026-11-27T14:59:00Z'); // 23:59 JST the same day: still the same cut-off
    expect(await due()).toEqual(['THU-2359', 'FRI-2359', 'SAT-0001', 'SUN-2359']);
    t.clock.set('2026-11-27T15:01:00Z'); // 00:01 JST Saturday: one day more
    expect(await due()).toEqual(['THU-2359', 'FRI-2359', 'SAT-0001', 'SUN-2359', 'HOLIDAY-0001']);
  });

  it('skips 土日祝 when the setting is on (勤労感謝の日 and the weekend do not count)', async () => {
    insertOrders(t.app.ctx.database.sqlite, around);
    t.app.ctx.settings.set('reminderDays', { unpaid: 5, orderForm: 3 });
    t.app.ctx.settings.set('reminderSkipHolidays', true);
    // Business days after Friday's order: 24, 25, 26, 27 — four, so only Thursday's is due.
    expect(await due()).toEqual(['THU-2359']);
    expect((await t.call('orders:counts', {})).reminder).toBe(1);
    t.clock.set('2026-11-28T03:00:00Z'); // Saturday: no business day passes
    expect(await due()).toEqual(['THU-2359']);
    t.clock.set('2026-11-30T03:00:00Z'); // Monday: the fifth business day after the weekend and the holiday
    expect(await due()).toEqual(['THU-2359', 'FRI-2359', 'SAT-0001', 'SUN-2359', 'HOLIDAY-0001']);
  });
});
