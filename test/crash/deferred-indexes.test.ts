import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withDeferredIndexes, withDeferredIndexesAsync } from '../../src-main/db/bulk-load.js';
import { openSibling } from '../../src-main/db/driver.js';
import { OrderQueries } from '../../src-main/orders/queries.js';
import { StockList } from '../../src-main/stock/stock-list.js';
import { insertOrders, makeOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { checkInvariants } from './invariants.js';

let dir: string;
let t: TestApp;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-deferred-'));
  t = createTestApp({ dir });
});
afterEach(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

const found = async (buyer: string) =>
  (await t.call('orders:list', { criteria: { buyer }, offset: 0, limit: 100 })).rows.map((r) => r.orderNo).sort();

const indexNames = () =>
  t.app.ctx.database.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' ORDER BY name")
    .pluck()
    .all();

const searchInsertTriggers = () =>
  t.app.ctx.database.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search_insert' ORDER BY name")
    .pluck()
    .all();

describe('bulk load with deferred indexes', () => {
  it('gets its dropped indexes and the F5 search rows back at the next start when the process died mid-load', async () => {
    const before = indexNames();
    const { sqlite } = t.app.ctx.database;
    const load = () => {
      insertOrders(sqlite, [
        { order: { orderNo: 'LOAD-1', buyer: { ...makeOrder().buyer, name: '鈴木 一郎' } } },
        { order: { orderNo: 'LOAD-2', buyer: { ...makeOrder().buyer, name: '高橋 次郎' } } },
      ]);
      // A change during the load to an order the load brought: the end's fill sees the new name.
      sqlite.prepare("UPDATE orders SET buyer_name = '伊藤 四郎' WHERE order_no = 'LOAD-2'").run();
    };
    // Simulate the kill right after the load's last write: its own clean-up never runs.
    const killed = new Error('killed');
    const original = sqlite.transaction.bind(sqlite);
    const loadThenDie = () => {
      load();
      sqlite.transaction = (() => {
        throw killed;
      }) as unknown as typeof sqlite.transaction;
    };
    expect(() => withDeferredIndexes(sqlite, ['orders', 'order_items'], loadThenDie)).toThrow(killed);
    sqlite.transaction = original;
    expect(indexNames().length).toBeLessThan(before.length);
    expect(searchInsertTriggers()).toEqual([]);
    expect(await found('鈴木')).toEqual([]); // left to the load's end, which never came
    t.close();
    t = createTestApp({ dir });
    expect(indexNames()).toEqual(before);
    expect(searchInsertTriggers()).toEqual([
      'order_code_search_insert',
      'order_item_search_insert',
      'order_search_insert',
    ]);
    expect(await found('鈴木')).toEqual(['LOAD-1']);
    expect(await found('伊藤')).toEqual(['LOAD-2']);
    expect(await found('高橋')).toEqual([]);
    // After the load the triggers keep every order again.
    insertOrders(t.app.ctx.database.sqlite, [
      { order: { orderNo: 'AFTER-1', buyer: { ...makeOrder().buyer, name: '小林 六子' } } },
    ]);
    expect(await found('小林')).toEqual(['AFTER-1']);
    expect(checkInvariants(t.app.ctx.database.sqlite)).toEqual([]);
  });

  it('keeps the screen answering while a first sync has the indexes dropped', async () => {
    const { sqlite } = t.app.ctx.database;
    await withDeferredIndexesAsync(sqlite, ['orders', 'order_items'], console, async () => {
      expect(indexNames()).not.toContain('orders_unpaid_idx');
      insertOrders(sqlite, [
        { order: { orderNo: 'FIRST-1', orderedAt: '2026-10-01T00:00:00.000Z' } },
        {
          order: { orderNo: 'FIRST-2' },
          initial: { status: 'awaiting_shipment', carrier: 'sagawa', trackingNo: '123456785678' },
        },
      ]);
      // What the screen asks between two pages of the first sync: every hinted query.
      const counts = await t.call('orders:counts', {});
      expect(counts.new + counts.reminder).toBeGreaterThanOrEqual(2);
      const reminder = await t.call('orders:list', { tab: 'reminder', offset: 0, limit: 100 });
      expect(reminder.rows.map((r) => r.orderNo)).toContain('FIRST-1');
      // The two share a buyer and address: one bundle candidate.
      expect((await t.call('bundle:candidates', {})).groups).toHaveLength(1);
    });
    expect(indexNames()).toContain('orders_unpaid_idx');
    // The load's orders are searchable once it ends, by name and by order and tracking number.
    const found2 = await t.call('orders:list', { criteria: { buyer: '山田' }, offset: 0, limit: 100 });
    expect(found2.rows.map((r) => r.orderNo).sort()).toEqual(['FIRST-1', 'FIRST-2']);
    const found = await t.call('orders:list', {
      criteria: { orderNo: 'FIRST', trackingNo: '5678' },
      offset: 0,
      limit: 100,
    });
    expect(found.rows.map((r) => r.orderNo)).toEqual(['FIRST-2']);
  });

  it("answers the host's reader lane too, which reads the same file on its own connection", async () => {
    const { sqlite } = t.app.ctx.database;
    const reader = openSibling(sqlite);
    try {
      const orders = new OrderQueries(reader);
      const stock = new StockList(reader);
      const cutoffs = { unpaidBefore: '2026-11-01T00:00:00.000Z', orderFormBefore: '2026-11-01T00:00:00.000Z' };
      const askAll = () => ({
        counts: orders.counts(cutoffs),
        reminder: orders.list({ tab: 'reminder', offset: 0, limit: 100 }, cutoffs).rows.map((r) => r.orderNo),
        byDate: orders.list({ tab: 'new', offset: 0, limit: 100 }, cutoffs).rows.map((r) => r.orderNo),
        stock: stock.list({ filter: 'SKU', offset: 0, limit: 100 }, null).total,
      });
      askAll(); // its statements were prepared with their hints before the load began
      const during = await withDeferredIndexesAsync(sqlite, ['orders', 'order_items', 'stock'], console, async () => {
        insertOrders(sqlite, [{ order: { orderNo: 'FIRST-1', orderedAt: '2026-10-01T00:00:00.000Z' } }]);
        return askAll();
      });
      expect(during.counts.new).toBe(1);
      expect(during.reminder).toEqual(['FIRST-1']);
      expect(during.byDate).toEqual(['FIRST-1']);
      expect(askAll().reminder).toEqual(['FIRST-1']); // and with the hints again once the indexes are back
    } finally {
      reader.close();
    }
  });
});
