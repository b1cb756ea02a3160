import type BetterSqlite3 from 'better-sqlite3';
import { withDeferredIndexes } from '../db/bulk-load.js';
import { withSearchIndexBatch } from '../search/index-batch.js';
import { OrderWriter } from '../orders/writer.js';
import { DemoGenerator } from './generate.js';
import { DEMO_STORES, PRODUCTS } from './vocabulary.js';

export interface SeedOptions {
  orders: number;
  now: Date;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

const BATCH = 10_000;

function ensureDemoStoresAndStock(sqlite: BetterSqlite3.Database, seed: number): void {
  const insertStore = sqlite.prepare(
    `INSERT OR IGNORE INTO stores (id, name, postal_code, address, phone, is_head_office, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStock = sqlite.prepare(
    'INSERT OR IGNORE INTO stock (sku, store_id, on_hand, reserved, location) VALUES (?, ?, ?, 0, ?)',
  );
  let r = seed;
  DEMO_STORES.forEach((s, i) => {
    insertStore.run(s.id, s.name, s.postalCode, s.address, s.phone, s.isHeadOffice ? 1 : 0, i);
    for (const [sku, , , location] of PRODUCTS) {
      r = (r * 1103515245 + 12345) % 2147483648;
      // A few SKUs run out, so that the stock check meets shortages.
      insertStock.run(sku, s.id, r % 10 === 0 ? 0 : 20 + (r % 200), location);
    }
  });
}

/**
 * Fills the database with realistic demo orders (issue 2, item 5): in batches of 10,000
 * per transaction, so a 1,000,000-order seed stays well inside a minute.
 */
export function seedDemo(sqlite: BetterSqlite3.Database, options: SeedOptions): number {
  const seed = options.seed ?? 20261127;
  ensureDemoStoresAndStock(sqlite, seed);
  const writer = new OrderWriter(sqlite);
  const days = Math.max(60, Math.ceil(options.orders / 2700));
  const generator = new DemoGenerator(seed, options.now, days);
  const at = options.now.toISOString();
  const start = (sqlite.prepare('SELECT coalesce(max(id), 0) AS n FROM orders').get() as { n: number }).n;
  let done = 0;
  const batch = sqlite.transaction((count: number) =>
    withSearchIndexBatch(sqlite, () => {
      for (let i = 0; i < count; i++) {
        const { order, initial } = generator.next(start + done + i + 1);
        writer.insert(order, at, initial);
      }
    }),
  );
  withDeferredIndexes(sqlite, ['orders', 'order_items'], () => {
    while (done < options.orders) {
      const count = Math.min(BATCH, options.orders - done);
      batch(count);
      done += count;
      options.onProgress?.(done, options.orders);
    }
  });
  sqlite.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('demo_data', ?)`).run(at);
  return done;
}
