import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo, seedDemoInParallel } from '../../../src-main/demo/seed.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const apps: TestApp[] = [];
afterEach(() => {
  for (const t of apps.splice(0)) t.close();
});

const NOW = new Date('2026-11-27T03:00:00Z');
const ORDER = `SELECT id, channel, order_no, ordered_at, buyer_name, buyer_kana, buyer_email, ship_address1, ship_address2,
  payment_method, needs_payment, subtotal, total, status, mail_pending, tracking_no, store_id, bundle_key FROM orders ORDER BY id`;

async function seeded(parallel: boolean, orders: number): Promise<TestApp> {
  const t = createTestApp();
  apps.push(t);
  const { sqlite } = t.app.ctx.database;
  if (parallel) await seedDemoInParallel(sqlite, { orders, now: NOW, batch: 700 });
  else seedDemo(sqlite, { orders, now: NOW });
  return t;
}

const search = async (t: TestApp, criteria: Record<string, string>) => {
  const page = await t.call('orders:list', { criteria, offset: 0, limit: 1000 });
  return { total: page.total, orderNos: page.rows.map((r) => r.orderNo).sort() };
};

describe('npm run seed (worker thread, batch files)', () => {
  it('writes the same orders, items, counts and search rows as the single-thread seed', async () => {
    const [single, parallel] = [await seeded(false, 2_500), await seeded(true, 2_500)];
    const rows = (t: TestApp, sql: string) => t.app.ctx.database.sqlite.prepare(sql).all();
    expect(rows(parallel, ORDER)).toEqual(rows(single, ORDER));
    expect(rows(parallel, 'SELECT order_id, line_no, sku, quantity, unit_price FROM order_items ORDER BY id')).toEqual(
      rows(single, 'SELECT order_id, line_no, sku, quantity, unit_price FROM order_items ORDER BY id'),
    );
    expect(await parallel.call('orders:counts', {})).toEqual(await single.call('orders:counts', {}));
    // The worker's search words are the SQL functions' words: the same finds, fragment by fragment.
    const sample = single.app.ctx.database.sqlite
      .prepare('SELECT buyer_kana, ship_address1, buyer_email FROM orders WHERE id = 1234')
      .get() as Record<string, string>;
    const buyer = sample.buyer_kana!.slice(0, 3);
    const address = sample.ship_address1!.slice(1, 4);
    const email = sample.buyer_email!.slice(0, 3);
    for (const criteria of <Record<string, string>[]>[
      { buyer },
      { buyer: '田' },
      { address },
      { address: '２丁目３' },
      { email },
      { phone: '090' },
    ]) {
      const found = await search(parallel, criteria);
      expect(found.total, JSON.stringify(criteria)).toBeGreaterThan(0);
      expect(found).toEqual(await search(single, criteria));
    }
    // Every order searchable once, nothing left to a deferred fill, the indexes back.
    const { sqlite } = parallel.app.ctx.database;
    expect(sqlite.prepare('SELECT count(*) FROM order_search_docsize').pluck().get()).toBe(2_500);
    expect(
      sqlite
        .prepare("SELECT count(*) FROM meta WHERE key IN ('deferred_search_from', 'deferred_indexes')")
        .pluck()
        .get(),
    ).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index'").pluck().get()).toBe(
      single.app.ctx.database.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index'").pluck().get(),
    );
  });

  it('adds to a database that already has orders: numbers follow on, new orders searchable', async () => {
    const t = await seeded(true, 1_000);
    const { sqlite } = t.app.ctx.database;
    await seedDemoInParallel(sqlite, { orders: 1_500, now: NOW, seed: 7, batch: 600 });
    expect(sqlite.prepare('SELECT count(*), max(id) FROM orders').raw().get()).toEqual([2_500, 2_500]);
    expect(sqlite.prepare('SELECT count(*) FROM order_search_docsize').pluck().get()).toBe(2_500);
    const last = sqlite.prepare('SELECT buyer_name FROM orders WHERE id = 2500').pluck().get() as string;
    expect((await search(t, { buyer: last })).orderNos).toContain(
      sqlite.prepare('SELECT order_no FROM orders WHERE id = 2500').pluck().get(),
    );
  });

  it('keeps the status rules: only orders waiting for 入金確認 are in 在庫確認済', async () => {
    const t = await seeded(false, 3000);
    const { sqlite } = t.app.ctx.database;
    const byPayment = sqlite
      .prepare(
        `SELECT needs_payment AS needsPayment, count(*) AS n FROM orders WHERE status = 'stock_confirmed' GROUP BY 1`,
      )
      .all();
    expect(byPayment).toEqual([{ needsPayment: 1, n: expect.any(Number) }]);
    const cards = sqlite
      .prepare(
        `SELECT count(*) FROM orders WHERE status = 'stock_confirmed' AND payment_method IN ('credit_card', 'amazon_pay')`,
      )
      .pluck()
      .get();
    expect(cards).toBe(0);
  });
});
