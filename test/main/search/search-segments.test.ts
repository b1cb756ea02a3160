import { afterEach, describe, expect, it } from 'vitest';
import { withDeferredIndexesAsync } from '../../../src-main/db/bulk-load.js';
import { seedDemoInParallel } from '../../../src-main/demo/seed.js';
import { insertOrders, makeOrder } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const apps: TestApp[] = [];
afterEach(() => {
  for (const t of apps.splice(0)) t.close();
});

const NOW = new Date('2026-11-27T03:00:00Z');

const t = () => {
  const made = createTestApp();
  apps.push(made);
  return made;
};

/**
 * Pages each of `edits` single-order commits writes, one buyer name changed each (as a PII
 * purge step or a 送付先 correction does): the WAL's frames after each commit, from empty.
 */
function pagesPerEdit(t: TestApp, edits: number): number[] {
  const { sqlite } = t.app.ctx.database;
  const rename = sqlite.prepare("UPDATE orders SET buyer_name = '', buyer_kana = '' WHERE id = ?");
  const pages: number[] = [];
  for (let id = 1; id <= edits; id++) {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    rename.run(id);
    const [after] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    pages.push(after!.log);
  }
  return pages;
}

describe('the F5 search index after a bulk load', () => {
  it('of a demo seed leaves no merge of the whole index to a later clerk’s single change', async () => {
    const app = t();
    const { sqlite } = app.app.ctx.database;
    // Twenty batches: the load writes its search words in many segments, as a 1,000,000-order seed does.
    await seedDemoInParallel(sqlite, { orders: 6_000, now: NOW, batch: 300 });
    const whole = sqlite.prepare('SELECT count(*) FROM order_search_data').pluck().get() as number;
    expect(whole).toBeGreaterThan(100);

    // Twenty later commits each add a small segment; none of them merges the load's segments.
    const pages = pagesPerEdit(app, 20);
    expect(Math.max(...pages), pages.join(' ')).toBeLessThan(whole / 4);
    // And the search still finds what it found.
    const name = sqlite.prepare('SELECT buyer_name FROM orders WHERE id = 5000').pluck().get() as string;
    const page = await app.call('orders:list', { criteria: { buyer: name }, offset: 0, limit: 100 });
    expect(page.rows.map((r) => r.id)).toContain(5000);
  });

  it('of a first sync, made on the second thread page by page, leaves none either', async () => {
    const app = t();
    const { sqlite } = app.app.ctx.database;
    const log = { warn: (message: string) => expect.fail(message) };
    await withDeferredIndexesAsync(sqlite, ['orders', 'order_items'], log, async (progress) => {
      for (let page = 0; page < 24; page++) {
        insertOrders(
          sqlite,
          Array.from({ length: 1_000 }, (_, i) => ({
            order: { orderNo: `S-${page}-${i}`, buyer: { ...makeOrder().buyer, name: `買手 ${page}-${i}` } },
          })),
        );
        progress.ordersCommitted();
      }
    });
    const whole = sqlite.prepare('SELECT count(*) FROM order_search_data').pluck().get() as number;
    const pages = pagesPerEdit(app, 20);
    expect(Math.max(...pages), pages.join(' ')).toBeLessThan(whole / 4);
    expect((await app.call('orders:list', { criteria: { buyer: '買手 23-999' }, offset: 0, limit: 100 })).total).toBe(
      1,
    );
  });
});
