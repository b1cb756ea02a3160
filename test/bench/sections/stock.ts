import { rmSync } from 'node:fs';
import path from 'node:path';
import type { App } from '../../../src-main/app/bootstrap.js';
import { dispatch } from '../../../src-main/core/dispatch.js';
import { handlers } from '../../../src-main/core/registry.js';
import { PRODUCTS } from '../../../src-main/demo/vocabulary.js';
import type { InputOf, MethodName, OutputOf } from '../../../src-shared/api/index.js';
import { stockSearchKey } from '../../../src-shared/text/search-tokens.js';
import { sjis, upload } from '../../helpers/order-files.js';
import { stockCsv } from '../../helpers/stock.js';
import type { BenchSection, Measurement } from '../harness.js';

const SKUS = 100_000;
const STORES = ['tokyo', 'osaka', 'fukuoka'] as const;
const RECEIVED = 10_000;

async function call<M extends MethodName>(app: App, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await dispatch(handlers, app.ctx, method, input, () => undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as OutputOf<M>;
}

const skuOf = (i: number) => `SK-${String(i).padStart(6, '0')}`;
const titleOf = (i: number) => `${PRODUCTS[i % PRODUCTS.length]![1]} ロット${i % 997}`;
const locationOf = (i: number) => `${'ABCDEFGH'[i % 8]}-${String(i % 40).padStart(2, '0')}-${String(i % 9)}`;

/**
 * 100,000 SKUs at each of the three stores, besides the demo's own SKUs (whose orders are
 * the 欠品あり ones receiving releases): written directly, as a store that has been using
 * Chumon for a while would have them.
 */
export function fillStock(app: App): void {
  const { sqlite } = app.ctx.database;
  const put = sqlite.prepare(
    `INSERT OR REPLACE INTO stock (sku, store_id, on_hand, reserved, location, jan, title, search_key, updated_at)
     VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)`,
  );
  const at = new Date().toISOString();
  sqlite.transaction(() => {
    for (const store of STORES) {
      for (let i = 0; i < SKUS; i++) {
        const row = { sku: skuOf(i), jan: String(4_900_000_000_000 + i), title: titleOf(i), location: locationOf(i) };
        put.run(row.sku, store, i % 50, row.location, row.jan, row.title, stockSearchKey(row), at);
      }
    }
  })();
  sqlite.exec('ANALYZE stock');
}

/** The stock file of a 棚卸: every SKU of the store with a new count (and its 棚番, name, JAN). */
export function countFile(store: string): Buffer {
  const rows: (string | number)[][] = [['商品コード', '店舗', '在庫数', '棚番', '商品名', 'JAN']];
  for (let i = 0; i < SKUS; i++)
    rows.push([skuOf(i), store, (i * 7) % 60, locationOf(i), titleOf(i), String(4_900_000_000_000 + i)]);
  return sjis(stockCsv(rows));
}

/**
 * What SQLite alone needs for the same import: each row upserted and its ledger row
 * inserted with plain prepared statements in one transaction (no file, no judging).
 */
function rawFloor(app: App, store: string): number {
  const { sqlite } = app.ctx.database;
  const upsert = sqlite.prepare(
    `INSERT INTO stock (sku, store_id, on_hand, reserved, location, jan, title, search_key, updated_at)
     VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?) ON CONFLICT (sku, store_id) DO UPDATE SET on_hand = excluded.on_hand,
       location = excluded.location, jan = excluded.jan, title = excluded.title, search_key = excluded.search_key,
       updated_at = excluded.updated_at`,
  );
  const ledger = sqlite.prepare(
    `INSERT INTO stock_ledger (at, sku, store_id, kind, on_hand_before, on_hand_after, reserved_before, reserved_after,
       order_id, order_no, operator, pc_id, reason) VALUES (?, ?, ?, 'count', 0, ?, 0, 0, NULL, NULL, 'bench', 'bench', ?)`,
  );
  const at = new Date().toISOString();
  const start = performance.now();
  sqlite.transaction(() => {
    for (let i = 0; i < SKUS; i++) {
      const row = { sku: skuOf(i), jan: String(4_900_000_000_000 + i), title: titleOf(i), location: locationOf(i) };
      upsert.run(row.sku, store, (i * 7) % 60, row.location, row.jan, row.title, stockSearchKey(row), at);
      ledger.run(at, row.sku, store, (i * 7) % 60, `棚卸取込「floor.csv」${i + 2}行目`);
    }
  })();
  const ms = performance.now() - start;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return ms;
}

async function importTimed(app: App, file: Buffer, mode: 'count' | 'receive') {
  const start = performance.now();
  const preview = await call(app, 'stock:importPreview', { file: upload('bench.csv', file), mode });
  if (preview.kind !== 'preview') throw new Error(preview.message);
  const previewMs = performance.now() - start;
  const result = await call(app, 'stock:importCommit', { previewId: preview.previewId });
  return { ms: performance.now() - start, previewMs, preview, result };
}

/** N1 stock figures on the shared 1M-order database with 100,000 SKUs × 3 stores. */
export const stockSection: BenchSection = {
  name: 'stock',
  async run(env) {
    const out: Measurement[] = [];
    const app = env.openLargeCopy();
    fillStock(app);
    const { sqlite } = app.ctx.database;

    const floorMs = rawFloor(app, 'osaka');
    const counted = await importTimed(app, countFile('tokyo'), 'count');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    out.push(
      { name: 'raw insert floor: 100,000 stock rows + ledger rows (prepared statements)', value: floorMs, unit: 'ms' },
      {
        name: 'stock import 棚卸 of 100,000 lines (preview + commit)',
        value: counted.ms / 1000,
        unit: 's',
        target: { op: '<', value: 3 },
        note: `preview ${Math.round(counted.previewMs)} ms; ${counted.result.changed.toLocaleString()} changed, ${counted.result.unchanged.toLocaleString()} unchanged`,
      },
      {
        name: 'stock import ÷ raw insert floor',
        value: counted.ms / floorMs,
        unit: 'x',
        target: { op: '<', value: 3 },
      },
    );

    // Each figure is the median of three different lists, each asked for the first time
    // (a filter's matches are kept until a write: a repeat would time the cache).
    const stockList = app.ctx.services.stock.list;
    const firstPage = (inputs: InputOf<'stock:list'>[]) => {
      const times = inputs.map((input) =>
        env.time(() => stockList.list({ filter: '', offset: 0, limit: 100, ...input }, null)),
      );
      return times.sort((a, b) => a - b)[1]!;
    };
    const lists: [string, InputOf<'stock:list'>[]][] = [
      ['first rows, every store (300,000)', [{}, { sort: { column: 'sku', direction: 'desc' } }, {}]],
      ['first rows, one store', STORES.map((storeId) => ({ storeId }))],
      [
        'sorted by 有効在庫 / 商品名 / 棚番, every store',
        [
          { sort: { column: 'available', direction: 'desc' } },
          { sort: { column: 'title', direction: 'asc' } },
          { sort: { column: 'location', direction: 'asc' } },
        ],
      ],
      [
        'filter SKU fragment (sk-0123, sk-0456, sk-0789)',
        ['sk-0123', 'sk-0456', 'sk-0789'].map((filter) => ({ filter })),
      ],
      [
        'filter title, half-width kana (ﾏｸﾞｶｯﾌﾟ, ﾀｵﾙ, ﾃｨｰﾊﾞｯｸﾞ)',
        ['ﾏｸﾞｶｯﾌﾟ', 'ﾀｵﾙ', 'ﾃｨｰﾊﾞｯｸﾞ'].map((filter) => ({ filter })),
      ],
      [
        'filter 棚番, one store (c-02, e-04, g-06)',
        ['c-02', 'e-04', 'g-06'].map((filter) => ({ filter, storeId: 'osaka' })),
      ],
      ['filter matching nothing', ['該当なし', 'zzzz', '存在しない商品'].map((filter) => ({ filter }))],
    ];
    for (const [label, inputs] of lists)
      out.push({
        name: `在庫一覧 ${label}: rows + total`,
        value: firstPage(inputs),
        unit: 'ms',
        target: { op: '<', value: 100 },
      });

    const received: (string | number)[][] = [['商品コード', '店舗', '在庫数']];
    for (const [sku] of PRODUCTS) received.push([sku, 'tokyo', 5_000]);
    for (let i = 0; received.length <= RECEIVED; i++) received.push([skuOf(i), 'tokyo', 10]);
    const short = sqlite
      .prepare("SELECT count(*) FROM orders WHERE status = 'out_of_stock' AND store_id = 'tokyo'")
      .pluck()
      .get() as number;
    const receiving = await importTimed(app, sjis(stockCsv(received)), 'receive');
    out.push({
      name: `receiving 入荷 of ${RECEIVED.toLocaleString()} SKUs + the covered 欠品あり orders offered`,
      value: receiving.ms,
      unit: 'ms',
      target: { op: '<', value: 1000 },
      note: `${receiving.result.offer.orderIds.length.toLocaleString()} of ${short.toLocaleString()} 欠品あり orders covered`,
    });

    const ids = receiving.result.offer.orderIds.slice(0, 1000);
    const actor = app.ctx.actor();
    let applied = 0;
    const checkMs = env.time(() => {
      applied = app.ctx.services.stock.check(ids, actor, new Date()).applied;
    });
    out.push({
      name: `F11 of ${ids.length.toLocaleString()} covered orders (reserve + ledger + status + history + outbox)`,
      value: checkMs,
      unit: 'ms',
      target: { op: '<', value: 1000 },
      note: `${applied.toLocaleString()} reserved`,
    });

    const dir = path.dirname(app.ctx.database.file);
    app.close();
    rmSync(dir, { recursive: true, force: true });
    return out;
  },
};
