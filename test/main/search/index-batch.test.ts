import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withSearchIndexBatch } from '../../../src-main/search/index-batch.js';
import { storedBundleKey } from '../../../src-main/bundle/candidates.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { insertOrders, makeOrder } from '../../helpers/orders.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const buyer = (name: string) => ({ ...makeOrder().buyer, name });
const found = async (name: string) =>
  (await t.call('orders:list', { criteria: { buyer: name }, offset: 0, limit: 100 })).rows.map((r) => r.orderNo).sort();

const search = async (criteria: { orderNo?: string; trackingNo?: string; item?: string }) =>
  (await t.call('orders:list', { criteria, offset: 0, limit: 100 })).rows.map((r) => r.orderNo).sort();
const item = (sku: string, title: string) => [{ lineNo: 1, sku, title, quantity: 1, unitPrice: 1000, location: '' }];

describe('F5 by order number, tracking number, SKU or title follows every write', () => {
  it('finds orders by their numbers and items through batches, edits, tracking and deletion', async () => {
    const { sqlite } = t.app.ctx.database;
    const [single] = insertOrders(sqlite, [{ order: { orderNo: 'ONE-0001', items: item('TE-200', '深蒸し煎茶') } }]);
    const [inBatch, removed] = sqlite.transaction(() =>
      withSearchIndexBatch(sqlite, () =>
        insertOrders(sqlite, [
          { order: { orderNo: 'BATCH-0002', items: item('KY-500', '常滑焼 急須') } },
          { order: { orderNo: 'BATCH-0003', items: item('KY-500', '常滑焼 急須') } },
        ]),
      ),
    )();
    expect(await search({ orderNo: '0001' })).toEqual(['ONE-0001']);
    expect(await search({ orderNo: 'batch-000' })).toEqual(['BATCH-0002', 'BATCH-0003']);
    expect(await search({ item: 'きゅうす' })).toEqual([]);
    expect(await search({ item: '急須' })).toEqual(['BATCH-0002', 'BATCH-0003']);
    expect(await search({ item: 'ｋｙ－５' })).toEqual(['BATCH-0002', 'BATCH-0003']);
    expect(await search({ item: 'センチャ' })).toEqual([]);
    expect(await search({ item: 'ふかむし' })).toEqual([]);
    expect(await search({ item: '煎茶' })).toEqual(['ONE-0001']);

    await t.call('stock:check', { orderIds: [single!] });
    sqlite.prepare("UPDATE orders SET status = 'paid' WHERE id = ?").run(single);
    await t.call('operations:registerTracking', {
      entries: [{ orderId: single!, trackingNo: '4321-8765-0000', carrier: 'japanpost' }],
    });
    expect(await search({ trackingNo: '87650' })).toEqual(['ONE-0001']);
    sqlite.prepare("UPDATE order_items SET sku = 'TE-201', title = '玉露' WHERE order_id = ?").run(inBatch);
    expect(await search({ item: '玉露' })).toEqual(['BATCH-0002']);
    expect(await search({ item: '急須' })).toEqual(['BATCH-0003']);
    sqlite.prepare('DELETE FROM orders WHERE id = ?').run(removed);
    expect(await search({ item: '急須' })).toEqual([]);
    expect(await search({ orderNo: 'batch' })).toEqual(['BATCH-0002']);
    // One row per order in each index: the indexes hold exactly the orders.
    const rows = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(rows('order_code_search')).toBe(2);
    expect(rows('order_item_search')).toBe(2);
  });
});

describe('bulk loads index new orders for F5 once per batch', () => {
  it('finds what the batch inserted, changed and kept, and not what it deleted', async () => {
    const { sqlite } = t.app.ctx.database;
    const [before] = insertOrders(sqlite, [{ order: { orderNo: 'OLD-1', buyer: buyer('佐藤 花子') } }]);
    sqlite.transaction(() =>
      withSearchIndexBatch(sqlite, () => {
        const [kept, renamed, dropped] = insertOrders(sqlite, [
          { order: { orderNo: 'NEW-1', buyer: buyer('鈴木 一郎') } },
          { order: { orderNo: 'NEW-2', buyer: buyer('高橋 次郎') } },
          { order: { orderNo: 'NEW-3', buyer: buyer('田中 三郎') } },
        ]);
        expect(kept).toBeGreaterThan(before!);
        // Inside the batch the triggers leave the new orders alone; the old one is theirs.
        sqlite.prepare("UPDATE orders SET buyer_name = '伊藤 四郎' WHERE id = ?").run(renamed);
        sqlite.prepare('DELETE FROM order_items WHERE order_id = ?').run(dropped);
        sqlite.prepare('DELETE FROM orders WHERE id = ?').run(dropped);
        sqlite.prepare("UPDATE orders SET buyer_name = '渡辺 五郎' WHERE id = ?").run(before);
      }),
    )();
    expect(await found('鈴木')).toEqual(['NEW-1']);
    expect(await found('伊藤')).toEqual(['NEW-2']);
    expect(await found('高橋')).toEqual([]);
    expect(await found('田中')).toEqual([]);
    expect(await found('渡辺')).toEqual(['OLD-1']);
    expect(await found('佐藤')).toEqual([]);
    // One search row per order: the index holds exactly the orders.
    expect(sqlite.prepare("SELECT count(*) FROM order_search WHERE order_search MATCH 'name:郎'").pluck().get()).toBe(
      3,
    );
    // After the batch the triggers keep every order again.
    insertOrders(sqlite, [{ order: { orderNo: 'AFTER-1', buyer: buyer('小林 六子') } }]);
    expect(await found('小林')).toEqual(['AFTER-1']);
  });

  it('a batch that fails leaves neither orders nor search rows', () => {
    const { sqlite } = t.app.ctx.database;
    const boom = new Error('file broken at line 3');
    expect(() =>
      sqlite.transaction(() =>
        withSearchIndexBatch(sqlite, () => {
          insertOrders(sqlite, [{ order: { orderNo: 'HALF-1' } }]);
          throw boom;
        }),
      )(),
    ).toThrow(boom);
    expect(sqlite.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM order_search WHERE order_search MATCH 'name:山田'").pluck().get()).toBe(
      0,
    );
  });

  it('every writer stores the bundle key of an open order with the order itself', () => {
    const { sqlite } = t.app.ctx.database;
    const [open, shipped] = insertOrders(sqlite, [
      {},
      { initial: { status: 'shipped', shippedAt: '2026-11-21T00:00:00.000Z' } },
    ]);
    const key = (id: number) => sqlite.prepare('SELECT bundle_key FROM orders WHERE id = ?').pluck().get(id);
    const o = makeOrder();
    expect(key(open!)).toBe(
      storedBundleKey('new', {
        buyerName: o.buyer.name,
        postalCode: o.shipTo.postalCode,
        prefecture: o.shipTo.prefecture,
        address1: o.shipTo.address1,
        address2: o.shipTo.address2,
      }),
    );
    expect(key(open!)).toContain('1000005');
    expect(key(shipped!)).toBeNull();
  });
});
