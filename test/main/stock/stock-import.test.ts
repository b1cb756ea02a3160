import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { sjis, upload, utf8bom } from '../../helpers/order-files.js';
import { addStores, ledgerOf, reservationViolations, stockCsv, stockOf, stockUp } from '../../helpers/stock.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  addStores(sqlite());
});
afterEach(() => t.close());

const sqlite = () => t.app.ctx.database.sqlite;
const stockTable = () =>
  sqlite()
    .prepare(
      'SELECT sku, store_id AS storeId, on_hand AS onHand, reserved, location, jan, title FROM stock ORDER BY store_id, sku',
    )
    .all();
const fileOf = (rows: (string | number)[][], name = 'stock.csv') => upload(name, sjis(stockCsv(rows)));

async function preview(rows: (string | number)[][], mode: 'count' | 'receive', storeId?: string) {
  const result = await t.call('stock:importPreview', { file: fileOf(rows), mode, storeId });
  if (result.kind !== 'preview') throw new Error(result.message);
  return result;
}

const item = (sku: string, quantity: number) => ({
  lineNo: 1,
  sku,
  title: `商品 ${sku}`,
  quantity,
  unitPrice: 1000,
  location: '',
});

describe('在庫データ取込 (stock files)', () => {
  it('棚卸 sets the counts: the preview shows new SKUs and changes and writes nothing; 取込 writes one ledger row per line', async () => {
    stockUp(sqlite(), 'tokyo', { 'MG-010': 5 });
    const before = stockTable();
    const p = await preview(
      [
        ['商品コード', '店舗', '在庫数', '棚番', '商品名', 'JAN'],
        ['MG-010', 'tokyo', '12', 'B-02-01', '有田焼 マグカップ 藍', '4901234567894'],
        ['TW-100', '東京本店', '３', 'C-01-01', '今治タオル', ''],
        ['TW-101', 'osaka', '1,200', '', 'バスタオル', ''],
      ],
      'count',
    );
    expect(p.encoding).toBe('Shift_JIS');
    expect(p.counts).toEqual({ new: 2, changed: 1, unchanged: 0, bad: 0 });
    expect(p.lines).toEqual([
      expect.objectContaining({ line: 2, sku: 'MG-010', kind: 'changed', onHandBefore: 5, onHandAfter: 12 }),
      expect.objectContaining({ line: 3, sku: 'TW-100', storeId: 'tokyo', kind: 'new', onHandAfter: 3 }),
      expect.objectContaining({ line: 4, sku: 'TW-101', storeId: 'osaka', kind: 'new', onHandAfter: 1200 }),
    ]);
    // The clerk goes back: nothing changed.
    expect(stockTable()).toEqual(before);
    expect(ledgerOf(sqlite(), 'MG-010')).toEqual([]);

    const result = await t.call('stock:importCommit', { previewId: p.previewId });
    expect(result).toMatchObject({ new: 2, changed: 1, unchanged: 0, skipped: 0 });
    expect(stockTable()).toEqual([
      { sku: 'TW-101', storeId: 'osaka', onHand: 1200, reserved: 0, location: '', jan: '', title: 'バスタオル' },
      {
        sku: 'MG-010',
        storeId: 'tokyo',
        onHand: 12,
        reserved: 0,
        location: 'B-02-01',
        jan: '4901234567894',
        title: '有田焼 マグカップ 藍',
      },
      { sku: 'TW-100', storeId: 'tokyo', onHand: 3, reserved: 0, location: 'C-01-01', jan: '', title: '今治タオル' },
    ]);
    expect(ledgerOf(sqlite(), 'MG-010')).toEqual([
      {
        kind: 'count',
        onHandBefore: 5,
        onHandAfter: 12,
        reservedBefore: 0,
        reservedAfter: 0,
        orderNo: null,
        operator: 'テスト担当',
        pcId: 'TEST-PC',
        reason: '棚卸取込「stock.csv」2行目',
      },
    ]);
    // The same file again changes nothing and writes no ledger row.
    const again = await preview(
      [
        ['商品コード', '店舗', '在庫数'],
        ['MG-010', 'tokyo', '12'],
      ],
      'count',
    );
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 1, bad: 0 });
    await t.call('stock:importCommit', { previewId: again.previewId });
    expect(ledgerOf(sqlite(), 'MG-010')).toHaveLength(1);
  });

  it('入荷 adds to the counts, two lines of one SKU add up, and a UTF-8 TSV file is read by its header names', async () => {
    stockUp(sqlite(), 'tokyo', { A: 4 });
    const tsv = 'SKU\tqty\tlocation\r\nA\t3\tA-01\r\nB\t2\t\r\nA\t5\t\r\n';
    const p = await t.call('stock:importPreview', {
      file: upload('arrivals.tsv', utf8bom(tsv)),
      mode: 'receive',
      storeId: 'tokyo',
    });
    if (p.kind !== 'preview') throw new Error(p.message);
    expect(p.encoding).toBe('UTF-8');
    expect(p.lines.map((l) => [l.line, l.sku, l.onHandBefore, l.onHandAfter])).toEqual([
      [2, 'A', 4, 7],
      [3, 'B', null, 2],
      [4, 'A', 7, 12],
    ]);
    await t.call('stock:importCommit', { previewId: p.previewId });
    expect(stockOf(sqlite(), 'A')).toEqual({ onHand: 12, reserved: 0 });
    expect(stockOf(sqlite(), 'B')).toEqual({ onHand: 2, reserved: 0 });
    expect(ledgerOf(sqlite(), 'A').map((l) => [l.kind, l.onHandBefore, l.onHandAfter, l.reason])).toEqual([
      ['receive', 4, 7, '入荷取込「arrivals.tsv」2行目'],
      ['receive', 7, 12, '入荷取込「arrivals.tsv」4行目'],
    ]);
  });

  it('judges a large file against the rows of its own SKUs, whether few or most of a big store’s', async () => {
    // 6,000 SKUs in stock at 東京店, 1,000 at 大阪店 under the same codes.
    const counts = (n: number, onHand: (i: number) => number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`SK-${i}`, onHand(i)]));
    stockUp(
      sqlite(),
      'tokyo',
      counts(6_000, (i) => i % 7),
    );
    stockUp(
      sqlite(),
      'osaka',
      counts(1_000, () => 50),
    );
    // A file of 2,500 lines: fewer than half of 東京店's rows (its 2,400 SKUs looked up, 300 of
    // them new), more than half of 大阪店's (its rows read in one pass, 100 of them named).
    // The preview lists the first 500 lines: 大阪店's, the new SKUs, then known ones.
    const lines: (string | number)[][] = [['商品コード', '店舗', '在庫数']];
    for (let i = 0; i < 100; i++) lines.push([`SK-${i}`, 'osaka', 2]);
    for (let i = 6_000; i < 6_300; i++) lines.push([`SK-${i}`, 'tokyo', 1]);
    for (let i = 3_900; i < 6_000; i++) lines.push([`SK-${i}`, 'tokyo', 1]);
    const p = await preview(lines, 'receive');
    const before = new Map(p.lines.map((l) => [`${l.storeId}/${l.sku}`, l.onHandBefore]));
    expect(before.get('osaka/SK-99')).toBe(50);
    expect(before.get('tokyo/SK-6000')).toBeNull();
    expect(before.get('tokyo/SK-3900')).toBe(3900 % 7);
    expect(before.get('tokyo/SK-3999')).toBe(3999 % 7);
    expect(p.counts).toEqual({ new: 300, changed: 2_200, unchanged: 0, bad: 0 });
    await t.call('stock:importCommit', { previewId: p.previewId });
    expect(stockOf(sqlite(), 'SK-5999')).toEqual({ onHand: (5999 % 7) + 1, reserved: 0 });
    expect(stockOf(sqlite(), 'SK-6299')).toEqual({ onHand: 1, reserved: 0 });
    expect(stockOf(sqlite(), 'SK-99', 'osaka')).toEqual({ onHand: 52, reserved: 0 });
    expect(stockOf(sqlite(), 'SK-100', 'osaka')).toEqual({ onHand: 50, reserved: 0 });
  });

  it('lists every bad line with its line number and reason, and applies nothing until they are fixed or skipped', async () => {
    stockUp(sqlite(), 'tokyo', { HELD: 3, OK: 1 });
    const [order] = insertOrders(sqlite(), [{ order: { items: [item('HELD', 2)] } }]);
    await t.call('stock:check', { orderIds: [order!] });
    const before = stockTable();
    const p = await preview(
      [
        ['商品コード', '店舗', '在庫数', 'JAN'],
        ['OK', 'tokyo', '7', ''],
        ['X1', 'nagoya', '1', ''],
        ['X2', 'tokyo', '-3', ''],
        ['X3', 'tokyo', '1.5', ''],
        ['X4', 'tokyo', '', ''],
        ['HELD', 'tokyo', '1', ''],
        ['', 'tokyo', '1', ''],
        ['X5', 'tokyo', '1', '12345'],
        ['OK', 'tokyo', '8', ''],
        ['X6', '', '1', ''],
      ],
      'count',
    );
    expect(p.bad).toEqual([
      { line: 3, sku: 'X1', reason: '店舗「nagoya」は登録されていません。' },
      { line: 4, sku: 'X2', reason: '在庫数がマイナスです（-3）。' },
      { line: 5, sku: 'X3', reason: '在庫数は0以上の整数で入れてください（1.5）。' },
      { line: 6, sku: 'X4', reason: '在庫数が空です。' },
      { line: 7, sku: 'HELD', reason: expect.stringContaining('在庫数 1 は引当数 2 を下回ります') },
      { line: 8, sku: '', reason: '商品コードが空です。' },
      { line: 9, sku: 'X5', reason: 'JAN は8桁または13桁の数字です（12345）。' },
      { line: 10, sku: 'OK', reason: '同じ商品コードの行が2行目にもあります。棚卸では1商品1行にしてください。' },
      { line: 11, sku: 'X6', reason: expect.stringContaining('店舗が空です') },
    ]);
    expect(p.counts).toEqual({ new: 0, changed: 1, unchanged: 0, bad: 9 });
    await expect(t.call('stock:importCommit', { previewId: p.previewId })).rejects.toThrow('誤りのある行が9行あります');
    expect(stockTable()).toEqual(before);
    // The same preview, the bad lines skipped: the good line alone is applied.
    const result = await t.call('stock:importCommit', { previewId: p.previewId, skipBad: true });
    expect(result).toMatchObject({ changed: 1, skipped: 9 });
    expect(stockOf(sqlite(), 'OK')).toEqual({ onHand: 7, reserved: 0 });
    expect(stockOf(sqlite(), 'HELD')).toEqual({ onHand: 3, reserved: 2 });
    expect(reservationViolations(sqlite())).toEqual([]);
  });

  it('refuses the whole file when a reservation made after the preview leaves a line below what is held', async () => {
    stockUp(sqlite(), 'tokyo', { LATE: 5, OTHER: 1 });
    const p = await preview(
      [
        ['商品コード', '在庫数'],
        ['OTHER', '9'],
        ['LATE', '1'],
      ],
      'count',
      'tokyo',
    );
    expect(p.counts.bad).toBe(0);
    const [order] = insertOrders(sqlite(), [{ order: { items: [item('LATE', 3)] } }]);
    await t.call('stock:check', { orderIds: [order!] });
    await expect(t.call('stock:importCommit', { previewId: p.previewId, skipBad: true })).rejects.toThrow(
      '3行目（LATE）: 在庫数 1 は引当数 3 を下回ります',
    );
    expect(stockOf(sqlite(), 'OTHER')).toEqual({ onHand: 1, reserved: 0 });
    expect(stockOf(sqlite(), 'LATE')).toEqual({ onHand: 5, reserved: 3 });
  });

  it('on a store PC, takes its own store only', async () => {
    t.app.ctx.settings.set('storeId', 'osaka');
    const p = await preview(
      [
        ['商品コード', '店舗', '在庫数'],
        ['A', '', '2'],
        ['B', 'tokyo', '2'],
        ['C', '大阪倉庫店', '2'],
      ],
      'count',
    );
    expect(p.lines.map((l) => [l.sku, l.storeId])).toEqual([
      ['A', 'osaka'],
      ['C', 'osaka'],
    ]);
    expect(p.bad).toEqual([
      { line: 3, sku: 'B', reason: expect.stringContaining('他の店舗（tokyo）の在庫は取り込めません') },
    ]);
    await expect(
      t.call('stock:importPreview', { file: fileOf([['SKU', '在庫数']]), mode: 'count', storeId: 'tokyo' }),
    ).rejects.toThrow('この PC では他の店舗の在庫は取り込めません');
  });

  it('asks for a mapping when the headers are not known, and uses the saved mapping for the next file by itself', async () => {
    const rows = [
      ['品目', '実数', '置場'],
      ['Z-1', '4', 'Z-01'],
    ];
    const first = await t.call('stock:importPreview', { file: fileOf(rows), mode: 'count', storeId: 'tokyo' });
    expect(first).toMatchObject({ kind: 'needs_mapping', headers: ['品目', '実数', '置場'] });
    await expect(t.call('stock:saveMapping', { name: '倉庫システム', fields: { sku: '品目' } })).rejects.toThrow(
      '在庫数',
    );
    await t.call('stock:saveMapping', {
      name: '倉庫システム',
      fields: { sku: '品目', quantity: '実数', location: '置場' },
    });
    const again = await preview(rows, 'count', 'tokyo');
    expect(again.layout).toBe('マッピング「倉庫システム」');
    await t.call('stock:importCommit', { previewId: again.previewId });
    expect(stockTable()).toEqual([
      { sku: 'Z-1', storeId: 'tokyo', onHand: 4, reserved: 0, location: 'Z-01', jan: '', title: '' },
    ]);
  });

  it('refuses files that are not tables, naming the file, and changes nothing', async () => {
    await expect(
      t.call('stock:importPreview', { file: upload('x.csv', Buffer.from([0x00, 0x01, 0x02])), mode: 'count' }),
    ).rejects.toThrow('「x.csv」');
    await expect(
      t.call('stock:importPreview', { file: fileOf([['商品コード', '在庫数']]), mode: 'count', storeId: 'tokyo' }),
    ).rejects.toThrow('見出し行だけで在庫の行がありません');
    await expect(
      t.call('stock:importPreview', { file: upload('x.csv', sjis('商品コード,在庫数\r\nA,1,2\r\n')), mode: 'count' }),
    ).rejects.toThrow('項目の数が見出し');
    expect(stockTable()).toEqual([]);
  });
});
