import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { configureMail, mailLogRows, useMailApp } from '../../helpers/mail.js';

const env = useMailApp({ beforeEach, afterEach });

describe('メール方針 per channel', () => {
  it('F7 sends nothing to an Amazon order by default and says why; switched on, it is mailed once', async () => {
    const { t, smtp } = env;
    await configureMail(t, smtp.port);
    const [amazon, yahoo] = insertOrders(t.app.ctx.database.sqlite, [
      { order: { channel: 'amazon', orderNo: '503-1111111-2222222' }, initial: { status: 'paid' } },
      { order: { channel: 'yahoo_shopping', orderNo: 'Y-2001' }, initial: { status: 'paid' } },
    ]);
    expect((await t.call('mail:policy', {})).amazon.payment_confirmed).toBe(false);

    const first = await t.call('mail:send', { orderIds: [amazon!, yahoo!], purpose: 'status' });
    expect(first.sent).toBe(1);
    expect(first.skipped).toEqual([
      {
        orderId: amazon,
        orderNo: '503-1111111-2222222',
        reason: expect.stringContaining(
          'メール方針により入金確認メールを送りません（Amazon は出品者独自の通知メールを禁止',
        ),
      },
    ]);
    expect(smtp.received).toHaveLength(1);
    expect(mailLogRows(t).map((r) => r.order_id)).toEqual([yahoo]);

    const policy = await t.call('mail:savePolicy', { channel: 'amazon', kind: 'payment_confirmed', send: true });
    expect(policy.amazon).toMatchObject({ payment_confirmed: true, shipped: false });
    const second = await t.call('mail:send', { orderIds: [amazon!, yahoo!], purpose: 'status' });
    expect(second.sent).toBe(1);
    const third = await t.call('mail:send', { orderIds: [amazon!], purpose: 'status' });
    expect(third.sent).toBe(0);
    expect(smtp.received).toHaveLength(2);
    const last = await smtp.parse(smtp.received[1]!);
    expect(last.subject).toContain('503-1111111-2222222');
  });
});
