import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withDeferredIndexesAsync } from '../../../src-main/db/bulk-load.js';
import { fillDeferredSearchIndex } from '../../../src-main/search/index-batch.js';
import { SEARCH_WORDS_TABLE, startSearchWords, wordsOf } from '../../../src-main/search/search-words.js';
import { insertOrders, makeOrder } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let dir: string;
let t: TestApp;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-words-'));
  t = createTestApp({ dir });
});
afterEach(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

const buyer = (name: string) => ({ ...makeOrder().buyer, name });
const found = async (name: string) =>
  (await t.call('orders:list', { criteria: { buyer: name }, offset: 0, limit: 100 })).rows.map((r) => r.orderNo).sort();

/** `count` orders, every thousandth with a buyer of its own. */
const manyOrders = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    order: { orderNo: `W-${i}`, ...(i % 1000 === 0 ? { buyer: buyer(`千葉 ${i}号`) } : {}) },
  }));

describe("a first sync's F5 search words made on a second thread", () => {
  it('makes, on its own connection, exactly the words the search triggers make', async () => {
    const { sqlite } = t.app.ctx.database;
    await withDeferredIndexesAsync(sqlite, ['orders', 'order_items'], async () => {
      insertOrders(sqlite, manyOrders(20_000));
      const words = startSearchWords(sqlite, 0);
      expect(words).not.toBeNull();
      const file = await words!.ready;
      expect(file).not.toBeNull();
      const made = new Database(file!, { readonly: true });
      try {
        const fromWorker = made.prepare(`SELECT * FROM ${SEARCH_WORDS_TABLE} ORDER BY id`).raw().all();
        const here = sqlite
          .prepare(`SELECT o.id, ${wordsOf('o')} FROM orders o ORDER BY o.id`)
          .raw()
          .all();
        expect(fromWorker).toHaveLength(20_000);
        expect(fromWorker).toEqual(here);
      } finally {
        made.close();
        words!.discard();
      }
    });
    expect(await found('千葉')).toHaveLength(20);
  });

  it('leaves a small load, or a database in memory, to this thread', async () => {
    const { sqlite } = t.app.ctx.database;
    insertOrders(sqlite, manyOrders(10));
    expect(startSearchWords(sqlite, 0)).toBeNull();
    const memory = new Database(':memory:');
    expect(startSearchWords(memory, 0)).toBeNull();
    memory.close();
  });

  it('uses a made word only while the order still reads as it did when the word was made', async () => {
    const { sqlite } = t.app.ctx.database;
    const file = path.join(dir, 'words.sqlite');
    await withDeferredIndexesAsync(sqlite, ['orders', 'order_items'], async () => {
      insertOrders(sqlite, [
        { order: { orderNo: 'KEPT', buyer: buyer('佐藤 花子') } },
        { order: { orderNo: 'RENAMED', buyer: buyer('鈴木 一郎') } },
      ]);
      const made = new Database(file);
      made.exec(
        `CREATE TABLE ${SEARCH_WORDS_TABLE} (id INTEGER PRIMARY KEY, inputs TEXT, name TEXT, addr TEXT, contact TEXT)`,
      );
      made.close();
      sqlite.prepare('ATTACH ? AS made').run(file);
      sqlite.exec(`INSERT INTO made.${SEARCH_WORDS_TABLE} SELECT o.id, ${wordsOf('o')} FROM orders o`);
      sqlite.exec('DETACH made');
      // The file's words are the ones used: a name word only it holds finds the order.
      const withMarker = new Database(file);
      withMarker.prepare(`UPDATE ${SEARCH_WORDS_TABLE} SET name = name || ' 目印' WHERE id = 1`).run();
      withMarker.close();
      // Renamed after its words were made: its words are made again, from the new name.
      sqlite.prepare("UPDATE orders SET buyer_name = '高橋 次郎' WHERE order_no = 'RENAMED'").run();
      fillDeferredSearchIndex(sqlite, file);
    });
    expect(await found('目印')).toEqual(['KEPT']);
    expect(await found('佐藤')).toEqual(['KEPT']);
    expect(await found('高橋')).toEqual(['RENAMED']);
    expect(await found('鈴木')).toEqual([]);
  });
});
