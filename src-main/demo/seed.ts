import type BetterSqlite3 from 'better-sqlite3';
import { withDeferredIndexes, withDeferredIndexesAsync } from '../db/bulk-load.js';
import { insertSearchRowsFrom, withSearchIndexBatch } from '../search/index-batch.js';
import { OrderWriter } from '../orders/writer.js';
import { DemoGenerator } from './generate.js';
import type { SeedBatch, SeedWorkerData } from './seed-worker.js';
import { startModuleWorker } from '../core/module-worker.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_STORES, PRODUCTS } from './vocabulary.js';
import { StockLedger } from '../stock/ledger.js';

interface SeedOptions {
  orders: number;
  now: Date;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

const BATCH = 10_000;

function ensureDemoStoresAndStock(sqlite: BetterSqlite3.Database, seed: number, at: string): void {
  const insertStore = sqlite.prepare(
    `INSERT OR IGNORE INTO stores (id, name, postal_code, address, phone, is_head_office, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const ledger = new StockLedger(sqlite);
  const cause = { at, actor: { operator: 'デモデータ', pcId: '' }, reason: 'デモデータの在庫' };
  let r = seed;
  const put = sqlite.transaction(() =>
    DEMO_STORES.forEach((s, i) => {
      insertStore.run(s.id, s.name, s.postalCode, s.address, s.phone, s.isHeadOffice ? 1 : 0, i);
      for (const [sku, title, , location] of PRODUCTS) {
        r = (r * 1103515245 + 12345) % 2147483648;
        if (ledger.state(sku, s.id)) continue;
        // A few SKUs run out, so that the stock check meets shortages.
        ledger.set('count', { sku, storeId: s.id, onHand: r % 10 === 0 ? 0 : 20 + (r % 200), location, title }, cause);
      }
    }),
  );
  put();
}

/** What both seeds share: the stores, the generator's settings and the first order number. */
function startSeed(sqlite: BetterSqlite3.Database, options: SeedOptions) {
  const seed = options.seed ?? 20261127;
  ensureDemoStoresAndStock(sqlite, seed, options.now.toISOString());
  return {
    seed,
    now: options.now.toISOString(),
    days: Math.max(60, Math.ceil(options.orders / 2700)),
    start: sqlite.prepare('SELECT coalesce(max(id), 0) FROM orders').pluck().get() as number,
    total: options.orders,
  };
}

function finishSeed(sqlite: BetterSqlite3.Database, at: string): void {
  sqlite.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('demo_data', ?)`).run(at);
}

/**
 * Fills the database with realistic demo orders, in batches of 10,000
 * per transaction. For the app's own demo set (a few thousand orders) and tests.
 */
export function seedDemo(sqlite: BetterSqlite3.Database, options: SeedOptions): number {
  const run = startSeed(sqlite, options);
  const writer = new OrderWriter(sqlite);
  const generator = new DemoGenerator(run.seed, options.now, run.days);
  let done = 0;
  const batch = sqlite.transaction((count: number) =>
    withSearchIndexBatch(sqlite, () => {
      for (let i = 0; i < count; i++) {
        const { order, initial } = generator.next(run.start + done + i + 1);
        writer.insert(order, run.now, initial);
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
  finishSeed(sqlite, run.now);
  return done;
}

/**
 * The same orders as seedDemo, for large seeds (`npm run seed`, the 1,000,000-order bench).
 * A worker thread generates each batch into a scratch database file with the app's own
 * OrderWriter, search words included (seed-worker.ts), on the second core; this thread
 * copies the previous batch into the store in a few INSERT … SELECT statements, with no
 * JavaScript per row. The batch files live in a temporary folder while they are copied.
 */
export async function seedDemoInParallel(
  sqlite: BetterSqlite3.Database,
  options: SeedOptions & { batch?: number },
): Promise<number> {
  const run = startSeed(sqlite, options);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'chumon-demo-seed-'));
  const worker = startWorker({
    ...run,
    batch: options.batch ?? PARALLEL_BATCH,
    folder: scratch,
    tables: ['orders', 'order_items', 'payment_methods'].map(
      (name) =>
        sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) as string,
    ),
    paymentMethods: sqlite.prepare('SELECT * FROM payment_methods').all() as Record<string, unknown>[],
  });
  const copy = batchCopier(sqlite);
  let done = 0;
  try {
    await withDeferredIndexesAsync(sqlite, ['orders', 'order_items'], console, async () => {
      let next = worker.next();
      for (let batch = await next; batch; batch = await next) {
        next = worker.next();
        copy(batch.file);
        rmSync(batch.file, { force: true });
        done += batch.count;
        options.onProgress?.(done, options.orders);
      }
    });
  } finally {
    await worker.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  finishSeed(sqlite, run.now);
  return done;
}

const PARALLEL_BATCH = 50_000;

/**
 * Copies one batch file into the store in one transaction: its orders and items renumbered
 * after the store's newest order, and their search rows (search/index-batch.ts).
 */
function batchCopier(sqlite: BetterSqlite3.Database): (file: string) => void {
  const columns = (table: string) =>
    (
      sqlite.prepare(`SELECT name FROM pragma_table_info('${table}') WHERE name <> 'id'`).pluck().all() as string[]
    ).join(', ');
  const orderColumns = columns('orders');
  const itemColumns = columns('order_items');
  const itemSelect = itemColumns.replace(/\border_id\b/, 'order_id + @offset');
  const copy = sqlite.transaction(() =>
    withSearchIndexBatch(sqlite, () => {
      const offset = sqlite.prepare('SELECT coalesce(max(id), 0) FROM orders').pluck().get() as number;
      sqlite
        .prepare(
          `INSERT INTO orders (id, ${orderColumns}) SELECT id + @offset, ${orderColumns} FROM seed_batch.orders ORDER BY id`,
        )
        .run({ offset });
      sqlite
        .prepare(
          `INSERT INTO order_items (${itemColumns}) SELECT ${itemSelect} FROM seed_batch.order_items ORDER BY id`,
        )
        .run({ offset });
      insertSearchRowsFrom(sqlite, 'SELECT id + @offset, name, addr, contact FROM seed_batch.words ORDER BY id', {
        offset,
      });
    }),
  );
  return (file) => {
    sqlite.prepare('ATTACH ? AS seed_batch').run(file);
    try {
      copy();
    } finally {
      sqlite.exec('DETACH seed_batch');
    }
  };
}

/** The seed worker, asked for one batch at a time (it prepares the next one meanwhile). */
function startWorker(data: SeedWorkerData): { next(): Promise<SeedBatch | null>; stop(): Promise<number> } {
  const worker = startModuleWorker(import.meta.url, 'seed-worker', data);
  let failure: Error | null = null;
  let waiting: { resolve(b: SeedBatch | null): void; reject(e: Error): void } | null = null;
  worker.on('message', (batch: SeedBatch | null) => {
    waiting?.resolve(batch);
    waiting = null;
  });
  worker.on('error', (err) => {
    failure = err;
    waiting?.reject(err);
    waiting = null;
  });
  return {
    next() {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        worker.postMessage('next');
      });
    },
    stop: () => worker.terminate(),
  };
}
