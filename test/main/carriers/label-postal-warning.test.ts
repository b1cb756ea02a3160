import { afterEach, beforeEach, expect, it } from 'vitest';
import { setUpLabelStore } from '../../helpers/carrier-store.js';
import { insertOrders, makeOrder } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  setUpLabelStore(t);
});
afterEach(() => t.close());

it('E18 makes the label file and lists the orders whose 郵便番号 is another city’s or unknown', async () => {
  const shipTo = makeOrder().shipTo;
  const ids = insertOrders(
    t.app.ctx.database.sqlite,
    [
      { orderNo: 'P-OK' },
      { orderNo: 'P-CITY', shipTo: { ...shipTo, postalCode: '150-0001', address1: '新宿区西新宿2-8-1' } },
      { orderNo: 'P-NONE', shipTo: { ...shipTo, postalCode: '000-0000' } },
    ].map((order) => ({ order, initial: { status: 'paid' as const } })),
  );
  const result = await t.call('carriers:export', { format: 'yamato_b2', orderIds: ids, shipDate: '2026-12-02' });
  expect(result.problems).toEqual([]);
  expect(result.files).toHaveLength(1);
  expect(result.rows).toBe(3);
  expect(result.warnings).toEqual([
    {
      orderNo: 'P-CITY',
      field: 'お届け先郵便番号',
      message: '郵便番号 150-0001 は東京都渋谷区の番号です（お届け先住所は「新宿区西新宿2-8-1」）。',
    },
    {
      orderNo: 'P-NONE',
      field: 'お届け先郵便番号',
      message: '郵便番号 000-0000 は日本郵便の郵便番号データにありません。',
    },
  ]);
});
