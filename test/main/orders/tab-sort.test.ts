import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderCutoffs } from '../../../src-main/orders/handlers.js';
import { OrderQueries } from '../../../src-main/orders/queries.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { insertOrders } from '../../helpers/orders.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  // 1,500 new orders and 40 paid ones, with totals and numbers in no particular order.
  const orders = Array.from({ length: 1540 }, (_, i) => ({
    order: { orderNo: `S-${String((i * 7919) % 10007).padStart(5, '0')}`, shippingFee: (i * 104729) % 500 },
    initial: { status: i < 40 ? ('paid' as const) : ('new' as const) },
  }));
  insertOrders(t.app.ctx.database.sqlite, orders);
});
afterEach(() => t.close());

const expected = (status: string, order: string) =>
  t.app.ctx.database.sqlite
    .prepare(`SELECT order_no FROM orders WHERE status = ? ORDER BY ${order}`)
    .pluck()
    .all(status) as string[];

/** Every page of a sorted tab, read as the grid reads them (blocks of 100). */
function pages(
  queries: OrderQueries,
  tab: 'new' | 'paid',
  column: 'total' | 'orderNo',
  direction: 'asc' | 'desc',
): string[] {
  const out: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = queries.list({ tab, offset, limit: 100, sort: { column, direction } }, reminderCutoffs(t.app.ctx));
    out.push(...page.rows.map((r) => r.orderNo));
    if (page.rows.length < 100) {
      expect(page.total).toBe(out.length);
      return out;
    }
  }
}

describe('a tab sorted by amount or number, page by page', () => {
  // Walked through the column's index (a large tab) or sorted on its own (a small one).
  for (const [path, budget] of [
    ['walked', Number.POSITIVE_INFINITY],
    ['sorted', 0],
  ] as const) {
    it(`comes in the clicked order to its last page when ${path}`, () => {
      const queries = new OrderQueries(t.app.ctx.database.sqlite, budget);
      for (const tab of ['new', 'paid'] as const) {
        expect(pages(queries, tab, 'total', 'desc')).toEqual(expected(tab, 'total DESC, id DESC'));
        expect(pages(queries, tab, 'total', 'asc')).toEqual(expected(tab, 'total ASC, id ASC'));
        expect(pages(queries, tab, 'orderNo', 'asc')).toEqual(expected(tab, 'order_no ASC, id ASC'));
        expect(pages(queries, tab, 'orderNo', 'desc')).toEqual(expected(tab, 'order_no DESC, id DESC'));
      }
    });
  }

  it('a status change moves an order between sorted tabs at once', async () => {
    const [first] = (
      await t.call('orders:list', { tab: 'new', offset: 0, limit: 1, sort: { column: 'total', direction: 'desc' } })
    ).rows;
    await t.call('bulk:setStatus', { orderIds: [first!.id], target: 'paid' });
    const paid = await t.call('orders:list', {
      tab: 'paid',
      offset: 0,
      limit: 100,
      sort: { column: 'total', direction: 'desc' },
    });
    expect(paid.rows.map((r) => r.orderNo)).toContain(first!.orderNo);
    const again = await t.call('orders:list', {
      tab: 'new',
      offset: 0,
      limit: 1,
      sort: { column: 'total', direction: 'desc' },
    });
    expect(again.rows[0]!.orderNo).not.toBe(first!.orderNo);
  });
});
