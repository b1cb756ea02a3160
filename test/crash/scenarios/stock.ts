import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from '../../../src-main/app/bootstrap.js';
import { sjis, upload } from '../../helpers/order-files.js';
import { addStores, stockCsv } from '../../helpers/stock.js';
import { callMethod, type CrashScenario } from '../scenario.js';

const KEPT = 20_000;
const ADDED = 10_000;
const fileOf = (app: App) => path.join(path.dirname(app.ctx.database.file), 'crash-stock.csv');
const sku = (i: number) => `CR-${String(i).padStart(6, '0')}`;

async function importFile(app: App, name: string, rows: (string | number)[][]): Promise<void> {
  const preview = await callMethod(app, 'stock:importPreview', {
    file: upload(name, sjis(stockCsv(rows))),
    mode: 'count',
    storeId: 'tokyo',
  });
  if (preview.kind !== 'preview') throw new Error(preview.message);
  await callMethod(app, 'stock:importCommit', { previewId: preview.previewId });
}

export const STOCK_SCENARIOS = {
  /** 在庫データ取込 (棚卸) of 30,000 lines: 20,000 counts changed and 10,000 new SKUs, one transaction. */
  'stock-import': {
    atomic: true,
    resumable: true,
    // No order changes: the stock itself is compared in `check`.
    comparesOrders: false,
    async prepare(app) {
      addStores(app.ctx.database.sqlite);
      const header = ['商品コード', '在庫数', '棚番'];
      await importFile(app, 'start.csv', [header, ...Array.from({ length: KEPT }, (_, i) => [sku(i), 5, 'A-01'])]);
      const rows = Array.from({ length: KEPT + ADDED }, (_, i) => [sku(i), 9, `B-${i % 100}`]);
      writeFileSync(fileOf(app), sjis(stockCsv([header, ...rows])));
    },
    async run(app) {
      const preview = await callMethod(app, 'stock:importPreview', {
        file: upload('crash-stock.csv', readFileSync(fileOf(app))),
        mode: 'count',
        storeId: 'tokyo',
      });
      if (preview.kind !== 'preview') throw new Error(preview.message);
      await callMethod(app, 'stock:importCommit', { previewId: preview.previewId });
    },
    /** All 30,000 lines applied with their ledger rows, or none of them. */
    async check(app) {
      const { sqlite } = app.ctx.database;
      const one = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
      const rows = one('SELECT count(*) FROM stock');
      const counted = one('SELECT count(*) FROM stock WHERE on_hand = 9');
      const entries = one(`SELECT count(*) FROM stock_ledger WHERE reason LIKE '棚卸取込「crash-stock.csv」%'`);
      const before = rows === KEPT && counted === 0 && entries === 0;
      const after = rows === KEPT + ADDED && counted === KEPT + ADDED && entries === KEPT + ADDED;
      return before || after ? [] : [`stock half-imported: ${rows} rows, ${counted} counted, ${entries} ledger rows`];
    },
  },
} satisfies Record<string, CrashScenario>;
