import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withDeferredIndexesAsync } from '../../../src-main/db/bulk-load.js';
import { BackgroundSearchIndex } from '../../../src-main/search/background-index.js';
import { SEARCH_TABLES } from '../../../src-main/search/search-rows.js';
import { insertOrders, makeOrder, TWO_LINES } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let dir: string;
let t: TestApp;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-search-index-'));
  t = createTestApp({ dir });
});
afterEach(() => {
  vi.restoreAllMocks();
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

const buyer = (name: string) => ({ ...makeOrder().buyer, name });
const search = async (criteria: Record<string, string>) =>
  (await t.call('orders:list', { criteria, offset: 0, limit: 100 })).rows.map((r) => r.orderNo).sort();

/** `count` orders W-<first>…, every thousandth with a buyer of its own. */
const manyOrders = (count: number, first = 0) =>
  Array.from({ length: count }, (_, n) => {
    const i = first + n;
    return { order: { orderNo: `W-${i}`, ...(i % 1000 === 0 ? { buyer: buyer(`千葉 ${i}号`) } : {}) } };
  });

/** Each search table's own consistency check (throws on a damaged index). */
function checkSearchTables(sqlite: Database.Database) {
  for (const table of SEARCH_TABLES) sqlite.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
}

/** A log that keeps the load's warnings. */
function warningLog() {
  const warnings: string[] = [];
  return { warnings, log: { warn: (message: string) => void warnings.push(message) } };
}

/** Whether the load's end took the worker's index (true) or filled it on this thread (false). */
function watchAdoption() {
  const taken: boolean[] = [];
  const adopt = BackgroundSearchIndex.prototype.adopt;
  vi.spyOn(BackgroundSearchIndex.prototype, 'adopt').mockImplementation(function (
    this: BackgroundSearchIndex,
    ...args
  ) {
    const result = adopt.apply(this, args);
    taken.push(result);
    return result;
  });
  return taken;
}

describe("a first sync's F5 search index made on a second thread as the pages commit", () => {
  it('finds after the load what a fill on this thread finds, in sound full-text tables', async () => {
    const taken = watchAdoption();
    const { warnings, log } = warningLog();
    const { sqlite } = t.app.ctx.database;
    await withDeferredIndexesAsync(sqlite, ['orders', 'order_items'], log, async (progress) => {
      for (let page = 0; page < 3; page++) {
        insertOrders(sqlite, manyOrders(10_000, page * 10_000));
        progress.ordersCommitted();
      }
      // The last page is not told of: the end indexes it on this thread.
      insertOrders(sqlite, [{ order: { orderNo: 'LAST-1', buyer: buyer('最後 一人'), items: TWO_LINES } }]);
    });
    expect(taken).toEqual([true]);
    expect(warnings).toEqual([]);
    checkSearchTables(sqlite);
    expect(await search({ buyer: '千葉' })).toHaveLength(30);
    expect(await search({ buyer: '千葉 12000号' })).toEqual(['W-12000']);
    expect(await search({ orderNo: 'W-2999' })).toEqual([
      'W-2999',
      'W-29990',
      'W-29991',
      'W-29992',
      'W-29993',
      'W-29994',
      'W-29995',
      'W-29996',
      'W-29997',
      'W-29998',
      'W-29999',
    ]);
    expect(await search({ buyer: '最後' })).toEqual(['LAST-1']);
    expect(await search({ item: 'PL-020' })).toEqual(['LAST-1']);
    // Later changes keep the adopted index up to date (the triggers write into it).
    sqlite.prepare("UPDATE orders SET buyer_name = '船橋 三郎' WHERE order_no = 'W-1000'").run();
    sqlite.prepare("DELETE FROM orders WHERE order_no = 'W-2000'").run();
    expect(await search({ buyer: '船橋' })).toEqual(['W-1000']);
    expect(await search({ buyer: '千葉' })).toHaveLength(28);
    checkSearchTables(sqlite);
  });

  it('indexes again an order changed, emptied of items or deleted after the worker was told of it', async () => {
    const taken = watchAdoption();
    const { warnings, log } = warningLog();
    const { sqlite } = t.app.ctx.database;
    await withDeferredIndexesAsync(sqlite, ['orders', 'order_items'], log, async (progress) => {
      insertOrders(sqlite, [
        { order: { orderNo: 'RENAMED', buyer: buyer('鈴木 一郎') } },
        { order: { orderNo: 'GONE', buyer: buyer('鈴木 次郎') } },
        { order: { orderNo: 'REPACKED', buyer: buyer('田中 花子'), items: TWO_LINES } },
        ...manyOrders(20_000),
      ]);
      progress.ordersCommitted();
      // Time for the worker to have indexed them as they were (it takes well under a second).
      await new Promise((resolve) => setTimeout(resolve, 3000));
      sqlite
        .prepare(
          "UPDATE orders SET buyer_name = '高橋 次郎', tracking_no = '1234-5678-9012' WHERE order_no = 'RENAMED'",
        )
        .run();
      sqlite.prepare("DELETE FROM orders WHERE order_no = 'GONE'").run();
      sqlite
        .prepare(
          "DELETE FROM order_items WHERE sku = 'PL-020' AND order_id = (SELECT id FROM orders WHERE order_no = 'REPACKED')",
        )
        .run();
    });
    expect(taken).toEqual([true]);
    expect(warnings).toEqual([]);
    checkSearchTables(sqlite);
    expect(await search({ buyer: '高橋' })).toEqual(['RENAMED']);
    expect(await search({ buyer: '鈴木' })).toEqual([]);
    expect(await search({ trackingNo: '123456789012' })).toEqual(['RENAMED']);
    expect(await search({ item: 'PL-020' })).toEqual([]);
    expect(await search({ item: 'MG-010', buyer: '田中' })).toEqual(['REPACKED']);
  });

  it('fills on this thread when the worker is not worth starting, or its index cannot be taken', async () => {
    const taken = watchAdoption();
    const { warnings, log } = warningLog();
    const { sqlite } = t.app.ctx.database;
    await withDeferredIndexesAsync(sqlite, ['orders', 'order_items'], log, async (progress) => {
      insertOrders(sqlite, manyOrders(10));
      progress.ordersCommitted();
    });
    expect(taken).toEqual([]);
    expect(await search({ buyer: '千葉' })).toEqual(['W-0']);

    const other = createTestApp({ dir: path.join(dir, 'other') });
    try {
      const db = other.app.ctx.database.sqlite;
      await withDeferredIndexesAsync(db, ['orders', 'order_items'], log, async (progress) => {
        insertOrders(db, manyOrders(20_000));
        progress.ordersCommitted();
        // Something indexed meanwhile: the worker's tables no longer describe the whole index.
        db.prepare("INSERT INTO order_code_search (rowid, order_no, tracking_no) VALUES (99999, 'STRAY', '')").run();
      });
      expect(taken).toEqual([false]);
      // Not the worker's failure: it answered, but its index came too late to be taken.
      expect(warnings).toEqual([]);
      checkSearchTables(db);
      expect((await other.call('orders:list', { criteria: { buyer: '千葉' }, offset: 0, limit: 100 })).total).toBe(20);
    } finally {
      other.close();
    }
  });

  it('lets a load that fails at its end fail with its own error, not a worker failure beside it', async () => {
    const { warnings, log } = warningLog();
    const { sqlite } = t.app.ctx.database;
    const load = withDeferredIndexesAsync(sqlite, ['orders', 'order_items'], log, async (progress) => {
      insertOrders(sqlite, manyOrders(20_000));
      progress.ordersCommitted();
      // An index the end cannot build: the load fails there while the worker is still indexing.
      const deferred = JSON.parse(
        sqlite.prepare("SELECT value FROM meta WHERE key = 'deferred_indexes'").pluck().get() as string,
      ) as { name: string; sql: string }[];
      deferred.unshift({ name: 'broken_idx', sql: 'CREATE INDEX broken_idx ON no_such_table (x)' });
      sqlite.prepare("UPDATE meta SET value = ? WHERE key = 'deferred_indexes'").run(JSON.stringify(deferred));
    });
    await expect(load).rejects.toThrow(/no such table/);
    expect(warnings).toEqual([]);
  });

  it('logs a warning with the reason when the worker fails, and fills the index on this thread', async () => {
    const taken = watchAdoption();
    const { warnings, log } = warningLog();
    const { sqlite } = t.app.ctx.database;
    // A setting FTS5 does not know, in the store's search table: the table itself ignores it,
    // but the worker's copy of the table is refused it ("SQL logic error") and the worker fails.
    sqlite.unsafeMode(true);
    sqlite.prepare("INSERT INTO order_search_config (k, v) VALUES ('chumon-unknown', 1)").run();
    sqlite.unsafeMode(false);
    await withDeferredIndexesAsync(sqlite, ['orders', 'order_items'], log, async (progress) => {
      insertOrders(sqlite, manyOrders(20_000));
      progress.ordersCommitted();
    });
    expect(taken).toEqual([]);
    expect(warnings).toEqual([
      'F5 search index worker failed (SQL logic error); the load fills the search index on its own thread instead',
    ]);
    checkSearchTables(sqlite);
    expect(await search({ buyer: '千葉' })).toHaveLength(20);
  });
});
