import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderCutoffs } from '../../../src-main/orders/reminder-cutoffs.js';
import { OrderQueries } from '../../../src-main/orders/queries.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { insertOrders } from '../../helpers/orders.js';
import { REMINDER_WHERE } from '../../../src-main/orders/reminders.js';
import type { Tab } from '../../../src-shared/domain/status.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  // 1,500 new orders (a third of them bank transfers a month old: 催促対象), 40 paid ones whose
  // mail is still to go (メール未送信), with totals and numbers in no particular order.
  const orders = Array.from({ length: 1540 }, (_, i) => ({
    order: {
      orderNo: `S-${String((i * 7919) % 10007).padStart(5, '0')}`,
      shippingFee: (i * 104729) % 500,
      orderedAt: new Date(Date.UTC(2026, 9, 1) + ((i * 7) % 1000) * 3_600_000).toISOString(),
      paymentMethod: i % 3 === 0 ? 'bank_transfer' : 'credit_card',
    },
    initial: { status: i < 40 ? ('paid' as const) : ('new' as const) },
  }));
  insertOrders(t.app.ctx.database.sqlite, orders);
});
afterEach(() => t.close());

const COLUMNS = { total: 'total', orderNo: 'order_no', orderedAt: 'ordered_at' } as const;

/** The tab in the clicked order, by plain SQL over the tab's own condition. */
function expected(tab: Tab, column: keyof typeof COLUMNS, direction: 'asc' | 'desc'): string[] {
  const cutoffs = reminderCutoffs(t.app.ctx);
  const where = tab === 'mail_unsent' ? 'mail_due = 1' : tab === 'reminder' ? REMINDER_WHERE : 'status = @status';
  return t.app.ctx.database.sqlite
    .prepare(`SELECT order_no FROM orders WHERE ${where} ORDER BY ${COLUMNS[column]} ${direction}, id ${direction}`)
    .pluck()
    .all({ status: tab, ...cutoffs }) as string[];
}

/** Every page of a sorted tab, read as the grid reads them (blocks of 100). */
function pages(tab: Tab, column: keyof typeof COLUMNS, direction: 'asc' | 'desc'): string[] {
  const queries = new OrderQueries(t.app.ctx.database.sqlite);
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

describe('a tab in any sort order, page by page', () => {
  // Pages in a tab's second half are read from its other end: both halves are checked.
  it('comes in the clicked order to its last page, in every tab that lists many orders', () => {
    for (const tab of ['new', 'paid', 'mail_unsent', 'reminder'] as const) {
      const all = expected(tab, 'orderedAt', 'desc');
      expect(all.length, tab).toBeGreaterThan(tab === 'new' ? 1000 : 30);
      for (const column of ['total', 'orderNo', 'orderedAt'] as const) {
        for (const direction of ['desc', 'asc'] as const) {
          expect(pages(tab, column, direction), `${tab} ${column} ${direction}`).toEqual(
            expected(tab, column, direction),
          );
        }
      }
    }
  });

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
