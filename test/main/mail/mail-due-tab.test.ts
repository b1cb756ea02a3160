import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { unsentCount, useMailApp } from '../../helpers/mail.js';
import type { TestApp } from '../../helpers/test-app.js';

const env = useMailApp({ beforeEach, afterEach });

async function unsentTab(t: TestApp): Promise<{ count: number; byDate: string[]; byTotal: string[] }> {
  const count = (await t.call('orders:counts', {})).mail_unsent;
  const byDate = await t.call('orders:list', { tab: 'mail_unsent', offset: 0, limit: 100 });
  const byTotal = await t.call('orders:list', {
    tab: 'mail_unsent',
    offset: 0,
    limit: 100,
    sort: { column: 'total', direction: 'asc' },
  });
  expect(byDate.total).toBe(count);
  expect(byTotal.total).toBe(count);
  return {
    count,
    byDate: byDate.rows.map((r) => r.orderNo).sort(),
    byTotal: byTotal.rows.map((r) => r.orderNo).sort(),
  };
}

function outboxSize(t: TestApp): number {
  return t.app.ctx.database.sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;
}

describe('メール未送信 under the メール方針', () => {
  it('leaves out Amazon orders whose mail the policy switches off, and lists them once switched on', async () => {
    const { t } = env;
    const sqlite = t.app.ctx.database.sqlite;
    insertOrders(sqlite, [
      { order: { channel: 'amazon', orderNo: '503-0000001-0000001' }, initial: { status: 'paid' } },
      {
        order: { channel: 'amazon', orderNo: '503-0000002-0000002' },
        initial: { status: 'stock_confirmed' },
      },
      { order: { channel: 'yahoo_shopping', orderNo: 'Y-3001' }, initial: { status: 'paid' } },
    ]);
    expect(await unsentTab(t)).toEqual({ count: 1, byDate: ['Y-3001'], byTotal: ['Y-3001'] });

    const outbox = outboxSize(t);
    await t.call('mail:savePolicy', { channel: 'amazon', kind: 'payment_confirmed', send: true });
    const both = ['503-0000001-0000001', 'Y-3001'];
    expect(await unsentTab(t)).toEqual({ count: 2, byDate: both, byTotal: both });
    expect(unsentCount(t)).toBe(2);
    // The policy is this PC's: nothing about it goes to the central server.
    expect(outboxSize(t)).toBe(outbox);

    // A later status change follows the policy: 出荷済 mail is still off for Amazon.
    sqlite.prepare("UPDATE orders SET status = 'shipped' WHERE order_no = '503-0000001-0000001'").run();
    expect(await unsentTab(t)).toEqual({ count: 1, byDate: ['Y-3001'], byTotal: ['Y-3001'] });
    sqlite.prepare("UPDATE orders SET status = 'paid' WHERE order_no = '503-0000001-0000001'").run();
    expect((await unsentTab(t)).count).toBe(2);

    await t.call('mail:savePolicy', { channel: 'amazon', kind: 'payment_confirmed', send: false });
    expect(await unsentTab(t)).toEqual({ count: 1, byDate: ['Y-3001'], byTotal: ['Y-3001'] });
  });

  it('a Yahoo order switched off leaves the tab; a new order of that channel and status never enters it', async () => {
    const { t } = env;
    const sqlite = t.app.ctx.database.sqlite;
    insertOrders(sqlite, [
      { order: { channel: 'yahoo_auction', orderNo: 'A-1' }, initial: { status: 'stock_confirmed' } },
    ]);
    expect((await unsentTab(t)).count).toBe(1);
    await t.call('mail:savePolicy', { channel: 'yahoo_auction', kind: 'stock_confirmed', send: false });
    expect((await unsentTab(t)).count).toBe(0);
    insertOrders(sqlite, [
      { order: { channel: 'yahoo_auction', orderNo: 'A-2' }, initial: { status: 'stock_confirmed' } },
      { order: { channel: 'yahoo_auction', orderNo: 'A-3' }, initial: { status: 'paid' } },
    ]);
    expect(await unsentTab(t)).toEqual({ count: 1, byDate: ['A-3'], byTotal: ['A-3'] });
    // The column the mailer and sync keep is untouched: the mail has still not gone out.
    const pending = sqlite.prepare('SELECT count(*) FROM orders WHERE mail_pending = 1').pluck().get();
    expect(pending).toBe(3);
  });
});
