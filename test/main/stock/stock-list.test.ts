import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { sjis, upload } from '../../helpers/order-files.js';
import { addStores, ledgerOf, reservationViolations, stockCsv, stockOf } from '../../helpers/stock.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
const sqlite = () => t.app.ctx.database.sqlite;

async function load(rows: (string | number)[][], mode: 'count' | 'receive' = 'count') {
  const p = await t.call('stock:importPreview', { file: upload('s.csv', sjis(stockCsv(rows))), mode });
  if (p.kind !== 'preview') throw new Error(p.message);
  return t.call('stock:importCommit', { previewId: p.previewId });
}

beforeEach(async () => {
  t = createTestApp();
  addStores(sqlite());
  await load([
    ['商品コード', '店舗', '在庫数', '棚番', '商品名', 'JAN'],
    ['TS-001', 'tokyo', 10, 'A-01', 'オーガニックコットンTシャツ 白', '4900000000011'],
    ['MG-010', 'tokyo', 3, 'B-02', '有田焼 マグカップ 藍', ''],
    ['TE-200', 'tokyo', 0, 'D-03', '静岡県産 深蒸し煎茶', ''],
    ['=HYPERLINK("x")', 'tokyo', 1, '', '@危険', ''],
    ['MG-010', 'osaka', 7, 'Z-9', '有田焼 マグカップ 藍', ''],
  ]);
});
afterEach(() => t.close());

const item = (sku: string, quantity: number, lineNo = 1) => ({
  lineNo,
  sku,
  title: `商品 ${sku}`,
  quantity,
  unitPrice: 1000,
  location: '',
});

describe('在庫一覧', () => {
  it('shows the total of rows in any sort, and the new total once stock is added', async () => {
    const page = (column: 'available' | 'title') =>
      t.call('stock:list', { filter: '', offset: 0, limit: 2, sort: { column, direction: 'asc' } });
    expect((await page('available')).total).toBe(5);
    expect((await page('title')).total).toBe(5);
    await load([
      ['商品コード', '店舗', '在庫数', '商品名'],
      ['MG-011', 'tokyo', 1, '有田焼 マグカップ 朱'],
    ]);
    expect((await page('title')).total).toBe(6);
    expect((await page('available')).total).toBe(6);
  });

  it('filters by SKU, JAN, title or 棚番 whatever the width or kana, and head office sees every store', async () => {
    const skus = async (filter: string, storeId?: string) =>
      (await t.call('stock:list', { filter, storeId })).rows.map((r) => `${r.sku}@${r.storeId}`);
    expect(await skus('')).toHaveLength(5);
    expect(await skus('ｍｇ－０１０')).toEqual(['MG-010@osaka', 'MG-010@tokyo']);
    expect(await skus('まぐかっぷ', 'tokyo')).toEqual(['MG-010@tokyo']);
    expect(await skus('ﾏｸﾞｶｯﾌﾟ')).toEqual(['MG-010@osaka', 'MG-010@tokyo']);
    expect(await skus('49000000000')).toEqual(['TS-001@tokyo']);
    expect(await skus('d-03')).toEqual(['TE-200@tokyo']);
    expect(await skus('存在しない')).toEqual([]);
    // The clerk's % and _ are characters, not wildcards.
    expect(await skus('%')).toEqual([]);
    expect(await skus('mg_010')).toEqual([]);
    // A change is seen by the same filter at once.
    await load([
      ['商品コード', '店舗', '在庫数', '商品名'],
      ['MG-011', 'tokyo', 1, '有田焼 マグカップ 朱'],
    ]);
    expect(await skus('マグカップ', 'tokyo')).toEqual(['MG-010@tokyo', 'MG-011@tokyo']);
    // A new name or 棚番 for a SKU it has: found by the new words, not the old.
    await load([
      ['商品コード', '店舗', '在庫数', '商品名', '棚番'],
      ['MG-011', 'tokyo', 1, 'ほうじ茶 湯呑み', 'K-77'],
    ]);
    expect(await skus('ホウジ')).toEqual(['MG-011@tokyo']);
    expect(await skus('k-77')).toEqual(['MG-011@tokyo']);
    expect(await skus('マグカップ', 'tokyo')).toEqual(['MG-010@tokyo']);
  });

  it('sorts by any column and pages with a total', async () => {
    const page = await t.call('stock:list', { sort: { column: 'available', direction: 'desc' }, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => [r.sku, r.storeId, r.available])).toEqual([
      ['TS-001', 'tokyo', 10],
      ['MG-010', 'osaka', 7],
    ]);
    const next = await t.call('stock:list', { sort: { column: 'available', direction: 'desc' }, offset: 2, limit: 2 });
    expect(next.rows.map((r) => r.sku)).toEqual(['MG-010', '=HYPERLINK("x")']);
  });

  it('shows a store PC its own store only', async () => {
    t.app.ctx.settings.set('storeId', 'osaka');
    expect((await t.call('stock:list', {})).rows.map((r) => r.storeId)).toEqual(['osaka']);
    await expect(t.call('stock:list', { storeId: 'tokyo' })).rejects.toThrow('他の店舗の在庫は見られません');
    await expect(t.call('stock:ledger', { sku: 'MG-010', storeId: 'tokyo' })).rejects.toThrow('他の店舗');
  });

  it('exports the list as Shift_JIS CSV with formula cells made inert', async () => {
    const out = await t.call('stock:export', { filter: '', storeId: 'tokyo', encoding: 'shift_jis' });
    expect(out.rows).toBe(4);
    const text = iconv.decode(Buffer.from(out.file.base64, 'base64'), 'cp932');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('"店舗","商品コード","JAN","商品名","棚番","在庫数","引当数","有効在庫","最終更新"');
    expect(lines[1]).toBe('"東京本店","\'=HYPERLINK(""x"")",,"\'@危険",,1,0,1,"2026/11/27 10:00"');
    expect(out.file.fileName).toMatch(/^在庫一覧_\d{8}-\d{6}\.csv$/);
  });
});

describe('手動調整 (adjustment by hand)', () => {
  it('sets 在庫数 and 棚番 with the reason in the ledger; a reason is required', async () => {
    await expect(
      t.call('stock:adjust', { sku: 'MG-010', storeId: 'tokyo', onHand: 5, location: 'B-03', reason: ' ' }),
    ).rejects.toThrow('調整の理由を入力してください');
    const { row } = await t.call('stock:adjust', {
      sku: 'MG-010',
      storeId: 'tokyo',
      onHand: 2,
      location: 'B-03',
      reason: '破損 1個',
    });
    expect(row).toMatchObject({ onHand: 2, reserved: 0, available: 2, location: 'B-03' });
    expect(ledgerOf(sqlite(), 'MG-010').at(-1)).toMatchObject({
      kind: 'adjust',
      onHandBefore: 3,
      onHandAfter: 2,
      reason: '破損 1個（棚番 B-02 → B-03）',
    });
    const ledger = await t.call('stock:ledger', { sku: 'MG-010', storeId: 'tokyo' });
    expect(ledger.map((l) => l.kind)).toEqual(['adjust', 'count']);
  });

  it('refuses a count below what orders hold, and a SKU the store does not have', async () => {
    const [id] = insertOrders(sqlite(), [{ order: { items: [item('MG-010', 2)] } }]);
    await t.call('stock:check', { orderIds: [id!] });
    await expect(
      t.call('stock:adjust', { sku: 'MG-010', storeId: 'tokyo', onHand: 1, location: 'B-02', reason: '棚卸差異' }),
    ).rejects.toThrow('在庫数 1 は引当数 2 を下回ります');
    await expect(
      t.call('stock:adjust', { sku: 'NONE', storeId: 'tokyo', onHand: 1, location: '', reason: 'x' }),
    ).rejects.toThrow('この店舗の在庫にありません');
    expect(stockOf(sqlite(), 'MG-010')).toEqual({ onHand: 3, reserved: 2 });
  });
});

describe('the stock ledger follows the orders', () => {
  it('records F11 reserving, 出荷確定 consuming and 注文取消 releasing, with the order number', async () => {
    const [shipped, cancelled] = insertOrders(sqlite(), [
      { order: { orderNo: 'SHIP-1', paymentMethod: 'credit_card', items: [item('TS-001', 2)] } },
      { order: { orderNo: 'CANCEL-1', items: [item('TS-001', 3)] } },
    ]);
    await t.call('stock:check', { orderIds: [shipped!, cancelled!] });
    await t.call('operations:registerTracking', {
      entries: [{ orderId: shipped!, trackingNo: '1234-5678-9012', carrier: 'yamato' }],
    });
    await t.call('operations:confirmShipment', { orderIds: [shipped!] });
    await t.call('operations:cancel', { orderIds: [cancelled!], reason: 'お客様都合' });
    expect(
      ledgerOf(sqlite(), 'TS-001').map((l) => [
        l.kind,
        l.onHandBefore,
        l.onHandAfter,
        l.reservedBefore,
        l.reservedAfter,
        l.orderNo,
        l.reason,
      ]),
    ).toEqual([
      ['count', 0, 10, 0, 0, null, '棚卸取込「s.csv」2行目'],
      ['reserve', 10, 10, 0, 2, 'SHIP-1', '在庫確認'],
      ['reserve', 10, 10, 2, 5, 'CANCEL-1', '在庫確認'],
      ['consume', 10, 8, 5, 3, 'SHIP-1', '出荷確定'],
      ['release', 8, 8, 3, 0, 'CANCEL-1', '注文取消（お客様都合）'],
    ]);
    expect(reservationViolations(sqlite())).toEqual([]);
  });
});

describe('receiving releases shortages', () => {
  it('offers the 欠品あり orders the new stock covers, oldest first, and one F11 reserves exactly those', async () => {
    const orders = insertOrders(sqlite(), [
      { order: { orderNo: 'NEWEST', orderedAt: '2026-11-22T00:00:00Z', items: [item('TE-200', 2)] } },
      { order: { orderNo: 'OLDEST', orderedAt: '2026-11-20T00:00:00Z', items: [item('TE-200', 3)] } },
      { order: { orderNo: 'MIDDLE', orderedAt: '2026-11-21T00:00:00Z', items: [item('TE-200', 2)] } },
      {
        order: {
          orderNo: 'OTHER-SKU',
          orderedAt: '2026-11-19T00:00:00Z',
          items: [item('TE-200', 1), item('KN-300', 1, 2)],
        },
      },
    ]);
    const check = await t.call('stock:check', { orderIds: orders });
    expect(check.shortages).toHaveLength(4);
    await t.call('stock:registerShortage', { orderIds: orders });

    // 6 arrive: OLDEST (3) and MIDDLE (2) fit; NEWEST would need 2 of the 1 left; OTHER-SKU lacks KN-300.
    const received = await load(
      [
        ['商品コード', '店舗', '在庫数'],
        ['TE-200', 'tokyo', 6],
      ],
      'receive',
    );
    expect(received.offer.orders.map((o) => o.orderNo)).toEqual(['OLDEST', 'MIDDLE']);
    const run = await t.call('stock:check', { orderIds: received.offer.orderIds });
    expect(run.applied).toBe(2);
    expect(stockOf(sqlite(), 'TE-200')).toEqual({ onHand: 6, reserved: 5 });
    expect((await t.call('stock:covered', { storeId: 'tokyo' })).orders).toEqual([]);

    // An adjustment that raises the count offers the next one.
    const adjusted = await t.call('stock:adjust', {
      sku: 'TE-200',
      storeId: 'tokyo',
      onHand: 7,
      location: 'D-03',
      reason: '返品受入',
    });
    expect(adjusted.offer.orders.map((o) => o.orderNo)).toEqual(['NEWEST']);
    expect(reservationViolations(sqlite())).toEqual([]);
  });
});

describe('the picking list', () => {
  it("walks the store's own 棚番 from 在庫一覧, and the line's own where the store has none", async () => {
    const [id] = insertOrders(sqlite(), [
      {
        order: {
          items: [
            { ...item('MG-010', 1), location: 'Z-99' },
            { ...item('UNKNOWN', 1, 2), location: 'Z-98' },
          ],
        },
      },
    ]);
    const { orders } = t.app.ctx.services.printing.loadData([id!]);
    expect(orders[0]!.items.map((i) => [i.sku, i.location])).toEqual([
      ['MG-010', 'B-02'],
      ['UNKNOWN', 'Z-98'],
    ]);
  });
});
