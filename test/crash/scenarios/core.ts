import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from '../../../src-main/app/bootstrap.js';
import { seedDemoInParallel } from '../../../src-main/demo/seed.js';
import { insertOrders } from '../../helpers/orders.js';
import { fileOrder, sjis, upload, yahooCombined } from '../../helpers/order-files.js';
import { callMethod, type CrashScenario } from '../scenario.js';

const PAYMENTS = ['bank_transfer', 'credit_card', 'cod', 'convenience_store', 'amazon_pay'] as const;
const SKUS = ['MG-010', 'MG-011', 'PL-020', 'TW-030', 'CH-040', 'KN-050', 'SHORT-1'] as const;

/** 10,000 新規 orders with mixed payment methods, SKUs and 100 bundled pairs. */
function insertNewOrders(app: App, count: number): number[] {
  const { sqlite } = app.ctx.database;
  const ids = insertOrders(
    sqlite,
    Array.from({ length: count }, (_, i) => ({
      order: {
        orderNo: `CR-${String(i).padStart(6, '0')}`,
        orderedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
        paymentMethod: PAYMENTS[i % PAYMENTS.length]!,
        items: [
          {
            lineNo: 1,
            sku: SKUS[i % SKUS.length]!,
            title: '有田焼 マグカップ',
            quantity: 1 + (i % 3),
            unitPrice: 1650,
            location: 'B-01',
          },
          {
            lineNo: 2,
            sku: SKUS[(i + 3) % SKUS.length]!,
            title: '手ぬぐい',
            quantity: 1,
            unitPrice: 880,
            location: 'C-02',
          },
        ],
      },
    })),
  );
  const bundle = sqlite.prepare('UPDATE orders SET bundle_group = ? WHERE id IN (?, ?)');
  for (let i = 0; i < 200; i += 2) bundle.run(`B-${i}`, ids[i * 37]!, ids[i * 37 + 1]!);
  return ids;
}

const newIds = (app: App) =>
  app.ctx.database.sqlite.prepare("SELECT id FROM orders WHERE status = 'new' ORDER BY id").pluck().all() as number[];

/** Orders in the CSV import scenario: 50,000 for the soak (issue 7), fewer in `npm test`. */
const CSV_ORDERS = Number(process.env.CHUMON_CRASH_CSV_ORDERS ?? 5_000);
const csvFile = (app: App) => path.join(path.dirname(app.ctx.database.file), 'import.csv');

export const CORE_SCENARIOS = {
  /** E11 メインステータス一括変更 of 10,000 新規 orders (COD / card ones land in 入金済). */
  'bulk-status': {
    atomic: true,
    resumable: true,
    prepare: (app) => void insertNewOrders(app, 10_000),
    async run(app) {
      await callMethod(app, 'bulk:setStatus', { orderIds: newIds(app), target: 'stock_confirmed' });
    },
  },
  /** F11 在庫確認 of 10,000 orders: reservations for the covered ones, refusals for the short. */
  'stock-check': {
    atomic: true,
    resumable: true,
    prepare(app) {
      insertNewOrders(app, 10_000);
      const put = app.ctx.database.sqlite.prepare(
        "INSERT INTO stock (sku, store_id, on_hand, location) VALUES (?, 'tokyo', ?, '')",
      );
      // Enough for most orders; SHORT-1 runs out part-way, so some orders are refused.
      for (const sku of SKUS) put.run(sku, sku === 'SHORT-1' ? 1500 : 100_000);
    },
    async run(app) {
      await callMethod(app, 'stock:check', { orderIds: newIds(app) });
    },
  },
  /** The demo seed (demo:load): 20,000 orders in two batches of 10,000, indexes deferred. */
  'demo-seed': {
    atomic: false,
    resumable: false,
    prepare: () => undefined,
    async run(app) {
      await callMethod(app, 'demo:load', { orders: 20_000 });
    },
  },
  /** `npm run seed`: the worker-thread seed, batch files copied in, search rows from the worker. */
  'demo-seed-parallel': {
    atomic: false,
    resumable: false,
    prepare: () => undefined,
    async run(app) {
      await seedDemoInParallel(app.ctx.database.sqlite, { orders: 12_000, now: new Date(), batch: 2_000 });
    },
  },
  /** F1 取込 of a Yahoo! CSV: preview (no writes), then one transaction of new orders. */
  'csv-import': {
    atomic: true,
    resumable: true,
    prepare(app) {
      writeFileSync(csvFile(app), sjis(yahooCombined(Array.from({ length: CSV_ORDERS }, () => fileOrder()))));
    },
    async run(app) {
      const preview = await callMethod(app, 'imports:preview', {
        files: [upload('import.csv', readFileSync(csvFile(app)))],
        channel: 'yahoo_shopping',
      });
      if (preview.kind !== 'preview') throw new Error('the crash CSV was not recognised');
      await callMethod(app, 'imports:commit', { previewId: preview.previewId });
    },
  },
} satisfies Record<string, CrashScenario>;
