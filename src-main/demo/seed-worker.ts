import Database from 'better-sqlite3';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { orderSearchWords } from '../../src-shared/text/search-tokens.js';
import { OrderWriter } from '../orders/writer.js';
import { DemoGenerator } from './generate.js';

/** What seedDemoInParallel (seed.ts) gives its worker. */
export interface SeedWorkerData {
  seed: number;
  /** ISO time the demo is made at. */
  now: string;
  days: number;
  /** The highest order id before the seed: the n-th demo order is start + n. */
  start: number;
  total: number;
  batch: number;
  /** Where the worker writes its batch files. */
  folder: string;
  /** CREATE TABLE statements of orders, order_items and payment_methods, and the methods. */
  tables: string[];
  paymentMethods: Record<string, unknown>[];
}

/** A batch file ready to copy (null: all made). */
export interface SeedBatch {
  file: string;
  count: number;
}

/**
 * Worker thread of the parallel demo seed. For each batch it generates the orders (the same
 * sequence as seedDemo's), writes them with the app's own OrderWriter into a scratch
 * database file whose tables are the store's (no indexes, no triggers, no journal), and
 * computes their F5 search words into a `words` table — all on the second core, one batch
 * ahead of the thread that copies the file into the store.
 */
if (parentPort) {
  const port = parentPort;
  const data = workerData as SeedWorkerData;
  const generator = new DemoGenerator(data.seed, new Date(data.now), data.days);
  let made = 0;
  const make = (): SeedBatch | null => {
    const count = Math.min(data.batch, data.total - made);
    if (count <= 0) return null;
    const file = path.join(data.folder, `batch-${made}.sqlite`);
    const db = new Database(file);
    try {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      for (const sql of data.tables) db.exec(sql);
      db.exec(
        'CREATE TABLE words (id INTEGER PRIMARY KEY, name TEXT NOT NULL, addr TEXT NOT NULL, contact TEXT NOT NULL)',
      );
      const columns = Object.keys(data.paymentMethods[0] ?? {});
      const method = db.prepare(
        `INSERT INTO payment_methods (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      for (const row of data.paymentMethods) method.run(row);
      const writer = new OrderWriter(db);
      const words = db.prepare('INSERT INTO words (id, name, addr, contact) VALUES (?, ?, ?, ?)');
      db.transaction(() => {
        for (let i = 0; i < count; i++) {
          const { order, initial } = generator.next(data.start + made + i + 1);
          words.run(writer.insert(order, data.now, initial), ...orderSearchWords(order));
        }
      })();
    } finally {
      db.close();
    }
    made += count;
    return { file, count };
  };
  let ready = make();
  port.on('message', () => {
    port.postMessage(ready);
    ready = ready ? make() : null;
  });
}
