import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { insertOrders } from '../../helpers/orders.js';
import { pdfPages } from '../../helpers/pdf-tools.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  t.app.ctx.settings.set('documents', { dir: path.join(t.dir, 'documents'), deliveryNotePrices: true });
});
afterEach(() => t.close());

it('the picking list says each order’s 配送希望 under its items', async () => {
  const ids = insertOrders(t.app.ctx.database.sqlite, [
    {
      order: { orderNo: 'WISH-1', deliveryDate: '2026-12-05', deliveryTimeSlot: 'am', deliveryMethod: '宅急便' },
      initial: { status: 'paid' },
    },
    { order: { orderNo: 'WISH-2', deliveryMethod: 'ネコポス' }, initial: { status: 'paid' } },
    { order: { orderNo: 'PLAIN-3' }, initial: { status: 'paid' } },
  ]);
  const result = await t.call('printing:run', { kind: 'picking', orderIds: ids, output: 'pdf' });
  const all = pdfPages(result.filePath).join('\n');
  expect(all).toContain('配送希望: 12/5 午前中 宅急便');
  expect(all).toContain('配送希望: ネコポス');
  expect(all.match(/配送希望:/g)).toHaveLength(2);
});
