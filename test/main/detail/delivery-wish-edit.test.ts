import { afterEach, beforeEach, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

async function formOf(id: number) {
  const { order, version } = await t.call('detail:get', { id });
  return {
    id,
    version,
    unitPrices: order.items.map((i) => ({ lineNo: i.lineNo, unitPrice: i.unitPrice })),
    discount: order.discount,
    shippingFee: order.shippingFee,
    codFee: order.codFee,
    orderComment: order.orderComment,
    staffComment: order.staffComment,
    subStatusId: order.subStatusId,
  };
}

it('F12 changes the 配送希望: one history row and one sync change for the three columns', async () => {
  const sqlite = t.app.ctx.database.sqlite;
  const [id] = insertOrders(sqlite, [{ order: { orderNo: 'F12-W', deliveryMethod: '宅急便' } }]);
  const { detail, changes } = await t.call('detail:save', {
    ...(await formOf(id!)),
    deliveryDate: '2026-12-05',
    deliveryTimeSlot: '19-21',
    deliveryMethod: '宅急便',
  });
  expect(detail.order).toMatchObject({
    deliveryDate: '2026-12-05',
    deliveryTimeSlot: '19-21',
    deliveryMethod: '宅急便',
  });
  expect(changes).toEqual([{ field: 'delivery_wish', from: '宅急便', to: '12/5 19時～21時 宅急便' }]);
  const history = sqlite
    .prepare("SELECT from_value, to_value FROM order_history WHERE order_id = ? AND kind = 'delivery_wish'")
    .all(id);
  expect(history).toEqual([{ from_value: '宅急便', to_value: '12/5 19時～21時 宅急便' }]);
  const outbox = sqlite
    .prepare("SELECT payload FROM sync_outbox WHERE kind = 'delivery_wish'")
    .pluck()
    .all() as string[];
  expect(outbox).toHaveLength(1);
  expect(JSON.parse(outbox[0]!).fields).toEqual({
    deliveryDate: '2026-12-05',
    deliveryTimeSlot: '19-21',
    deliveryMethod: '宅急便',
  });
  // Shown in the order list's row too.
  const page = await t.call('orders:list', { tab: 'new', offset: 0, limit: 10 });
  expect(page.rows[0]).toMatchObject({ deliveryDate: '2026-12-05', deliveryTimeSlot: '19-21' });
});

it('refuses a 配送希望日 that is not a date and a slot that is none, changing nothing', async () => {
  const [id] = insertOrders(t.app.ctx.database.sqlite, [{ order: { orderNo: 'F12-BAD' } }]);
  await expect(t.call('detail:save', { ...(await formOf(id!)), deliveryDate: '12月5日' })).rejects.toThrow(
    '配送希望日は 2026-12-24 の形の日付で入力してください。',
  );
  await expect(t.call('detail:save', { ...(await formOf(id!)), deliveryTimeSlot: '20-21' as never })).rejects.toThrow(
    '配送時間帯は一覧から選んでください。',
  );
  expect((await t.call('detail:get', { id: id! })).order.deliveryDate).toBe('');
});
