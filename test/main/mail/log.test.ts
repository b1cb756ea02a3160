import { afterEach, beforeEach, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { useMailApp } from '../../helpers/mail.js';

const env = useMailApp({ beforeEach, afterEach });

it('F8 finds attempts by order-number prefix, Japan-time day and result, newest first', async () => {
  const { t } = env;
  const ids = insertOrders(t.app.ctx.database.sqlite, [
    { order: { orderNo: 'YA-100' }, initial: { status: 'paid' } },
    { order: { orderNo: 'YA-101' }, initial: { status: 'paid' } },
    { order: { orderNo: 'RK-200' }, initial: { status: 'paid' } },
  ]);
  // 2026-11-26 23:30 JST is 14:30 UTC the same day; 2026-11-27 00:30 JST is still the 26th in UTC.
  t.clock.set('2026-11-26T14:30:00Z');
  await t.call('mail:send', { orderIds: [ids[0]!], purpose: 'status' });
  t.clock.set('2026-11-26T15:30:00Z');
  await t.call('mail:send', { orderIds: [ids[1]!, ids[2]!], purpose: 'status' });

  const all = await t.call('mail:log', {});
  expect(all.total).toBe(3);
  expect(all.rows[0]!.id).toBeGreaterThan(all.rows[2]!.id);
  expect(all.rows.map((r) => r.result)).toEqual(['sent', 'sent', 'sent']);

  const ya = await t.call('mail:log', { orderNo: 'YA-' });
  expect(ya.rows.map((r) => r.orderNo).sort()).toEqual(['YA-100', 'YA-101']);
  expect((await t.call('mail:log', { orderNo: 'YA-101' })).rows.map((r) => r.orderNo)).toEqual(['YA-101']);

  const on26 = await t.call('mail:log', { from: '2026-11-26', to: '2026-11-26' });
  expect(on26.rows.map((r) => r.orderNo)).toEqual(['YA-100']);
  const from27 = await t.call('mail:log', { from: '2026-11-27' });
  expect(from27.rows.map((r) => r.orderNo).sort()).toEqual(['RK-200', 'YA-101']);
  expect((await t.call('mail:log', { result: 'failed' })).total).toBe(0);

  const entry = await t.call('mail:logEntry', { id: on26.rows[0]!.id });
  expect(entry).toMatchObject({
    orderNo: 'YA-100',
    kind: 'payment_confirmed',
    recipient: 'taro@example.jp',
    actor: 'テスト担当',
    canRetry: false,
  });
  expect(entry.body).toContain('ご入金を確認いたしました');
  await expect(t.call('mail:log', { from: '26/11/2026' })).rejects.toThrow(/日付は YYYY-MM-DD で入力してください/);
  await expect(t.call('mail:logEntry', { id: 999 })).rejects.toThrow(
    '送信ログが見つかりません。一覧を更新してください。',
  );
});
