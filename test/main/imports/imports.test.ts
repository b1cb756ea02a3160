import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportNeedsMapping, ImportPreview } from '../../../src-shared/api/imports.js';
import { SOURCE_ROOT } from '../../../src-main/app/paths.js';
import { registerBundleFunctions } from '../../../src-main/bundle/sql-functions.js';
import { judgeOrders, verdictsNow } from '../../../src-main/imports/judge.js';
import { importedValues } from '../../../src-main/imports/merge.js';
import { registerSearchFunctions } from '../../../src-main/search/sql-functions.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { makeOrder } from '../../helpers/orders.js';
import {
  fileOrder,
  sjis,
  upload,
  utf8bom,
  yahooCombined,
  YAHOO_ITEM_COLUMNS,
  YAHOO_ORDER_COLUMNS,
  type FileOrder,
} from '../../helpers/order-files.js';

const FIXTURES = path.join(SOURCE_ROOT, 'test', 'fixtures');
const fixture = (name: string) => upload(name, readFileSync(path.join(FIXTURES, name)));

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  t.app.ctx.settings.set('storeId', 'osaka');
});
afterEach(() => t.close());

const db = () => t.app.ctx.database.sqlite;
const count = (table: string) => db().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
/** Everything an import may touch, to prove that a refused or repeated import changed nothing. */
const state = () => ({
  orders: count('orders'),
  items: count('order_items'),
  history: count('order_history'),
  outbox: count('sync_outbox'),
  records: count('import_records'),
  snapshots: db().prepare('SELECT group_concat(snapshot) FROM import_records').pluck().get(),
  versions: db().prepare('SELECT coalesce(sum(version), 0) FROM orders').pluck().get(),
  updated: db().prepare('SELECT max(updated_at) FROM orders').pluck().get(),
});

async function preview(
  files: ReturnType<typeof upload>[],
  channel: 'yahoo_auction' | 'yahoo_shopping' = 'yahoo_shopping',
): Promise<ImportPreview> {
  const result = await t.call('imports:preview', { files, channel });
  if (result.kind !== 'preview') throw new Error(`expected a preview, got ${result.kind}`);
  return result;
}

const row = (no: string) =>
  db()
    .prepare('SELECT id, ship_address1, shipping_fee, total, version FROM orders WHERE order_no = ?')
    .get(no) as Record<string, unknown>;

const previewOrders = (orders: FileOrder[]) => preview([upload('orders.csv', sjis(yahooCombined(orders)))]);

async function importFile(orders: FileOrder[]): Promise<void> {
  await t.call('imports:commit', { previewId: (await previewOrders(orders)).previewId });
}

/** A second connection to the same file, as another process (or the sync) would have. */
function otherConnection(): Database.Database {
  const other = new Database(t.app.ctx.database.file);
  registerSearchFunctions(other);
  registerBundleFunctions(other);
  return other;
}

describe('F1 Yahoo! store CSV', () => {
  it('reads the Shift_JIS combined file by header name: previews new and rejected rows with line numbers, imports in one go', async () => {
    const p = await preview([fixture('yahoo-combined-sjis.csv')]);
    expect(p.files).toEqual([{ name: 'yahoo-combined-sjis.csv', encoding: 'Shift_JIS', rows: 13 }]);
    expect(p.channel).toBe('yahoo_shopping');
    expect(p.counts).toEqual({ new: 5, updated: 0, unchanged: 0, rejected: 2 });
    expect(p.rejected).toEqual([
      {
        file: 'yahoo-combined-sjis.csv',
        line: 7,
        orderNo: 'yahoo-store-0901',
        reason: expect.stringContaining('決済方法「物々交換」が決済方法マスタにありません'),
      },
      {
        file: 'yahoo-combined-sjis.csv',
        line: 14,
        orderNo: 'yahoo-store-0902',
        reason: '数量「0」は1以上の整数にしてください。',
      },
    ]);
    expect(state().orders).toBe(0);

    const result = await t.call('imports:commit', { previewId: p.previewId });
    expect(result).toEqual({ inserted: 5, updated: 0, unchanged: 0, rejected: 2 });
    const one = (
      await t.call('orders:get', {
        id: db().prepare("SELECT id FROM orders WHERE order_no = 'yahoo-store-0001'").pluck().get() as number,
      })
    ).order;
    expect(one).toMatchObject({
      channel: 'yahoo_shopping',
      status: 'new',
      storeId: 'osaka',
      orderedAt: '2026-11-20T03:34:56.000Z',
      buyer: { name: '鈴木 一郎', email: expect.stringMatching(/@example\.jp$/), phone: '090-1234-5678' },
      shipTo: {
        name: '髙橋 ①子',
        postalCode: '530-0001',
        prefecture: '大阪府',
        address1: '大阪市北区梅田1丁目2-3',
        address2: 'グランドハイツ 305号室',
      },
      paymentMethod: 'credit_card',
      orderComment: '午前中指定～よろしくお願いします',
      subtotal: 5500,
      shippingFee: 550,
      total: 6050,
    });
    expect(one.items.map((i) => [i.lineNo, i.sku, i.quantity, i.unitPrice])).toEqual([
      [1, 'MG-010', 2, 1650],
      [2, 'towel', 1, 2200],
    ]);
    const byNo = (no: string) =>
      db()
        .prepare(
          'SELECT payment_method, cod_fee, discount, ship_name, ordered_at, ship_prefecture FROM orders WHERE order_no = ?',
        )
        .get(no);
    expect(byNo('yahoo-store-0002')).toMatchObject({ payment_method: 'cod', cod_fee: 330, ship_name: 'ﾔﾏﾀﾞ ﾀﾛｳ' });
    expect(byNo('yahoo-store-0003')).toMatchObject({ payment_method: 'bank_transfer', discount: 200 });
    expect(byNo('yahoo-store-0004')).toMatchObject({ ship_prefecture: '北海道' });
    expect(byNo('yahoo-store-0005')).toMatchObject({
      payment_method: 'yahoo_easy_payment',
      ordered_at: '2026-11-21T00:30:00.000Z',
    });
    // Nothing of a rejected order went in, not even its good first line.
    expect(db().prepare("SELECT count(*) FROM orders WHERE order_no LIKE 'yahoo-store-09%'").pluck().get()).toBe(0);
    expect(count('order_items')).toBe(9);
    // Every new order has its history row and its sync outbox entry (a 'create' the sync client completes from the order).
    expect(db().prepare("SELECT count(*) FROM order_history WHERE kind = 'create'").pluck().get()).toBe(5);
    const outbox = JSON.parse(
      db().prepare("SELECT payload FROM sync_outbox WHERE kind = 'create' LIMIT 1").pluck().get() as string,
    );
    expect(outbox).toMatchObject({ orderNo: 'yahoo-store-0001', channel: 'yahoo_shopping', to: 'new' });
  });

  it('reads the UTF-8 (BOM) order file + item file, in either order, to the same orders', async () => {
    const p = await preview([fixture('yahoo-items-utf8bom.csv'), fixture('yahoo-orders-utf8bom.csv')], 'yahoo_auction');
    expect(p.layout).toContain('注文ファイル＋商品ファイル');
    expect(p.files.map((f) => [f.name, f.encoding])).toEqual([
      ['yahoo-orders-utf8bom.csv', 'UTF-8'],
      ['yahoo-items-utf8bom.csv', 'UTF-8'],
    ]);
    expect(p.counts).toEqual({ new: 5, updated: 0, unchanged: 0, rejected: 0 });
    await t.call('imports:commit', { previewId: p.previewId });
    expect(db().prepare("SELECT count(*) FROM orders WHERE channel = 'yahoo_auction'").pluck().get()).toBe(5);
    expect(db().prepare("SELECT ship_name FROM orders WHERE order_no = 'yahoo-store-0001'").pluck().get()).toBe(
      '髙橋 ①子',
    );
  });

  it('does not care where the columns are: a file with shuffled columns gives the same orders', async () => {
    const columns = [...YAHOO_ITEM_COLUMNS.slice(1), ...YAHOO_ORDER_COLUMNS].reverse();
    const file = yahooCombined([fileOrder({ orderNo: 'shuffled-1' })], columns);
    expect(file.split('\r\n')[0]!.startsWith('"BuyerComments"')).toBe(true);
    const p = await preview([upload('shuffled.csv', sjis(file))]);
    await t.call('imports:commit', { previewId: p.previewId });
    expect(db().prepare("SELECT ship_postal_code, total FROM orders WHERE order_no = 'shuffled-1'").get()).toEqual({
      ship_postal_code: '530-0001',
      total: 6050,
    });
  });

  it('rejects an order whose lines disagree or whose total does not add up, with the line', async () => {
    const a = fileOrder({ orderNo: 'mismatch-1' });
    const lines = yahooCombined([a]).split('\r\n');
    lines[2] = lines[2]!.replace('"鈴木 一郎"', '"鈴木 二郎"');
    const p = await preview([upload('m.csv', sjis(lines.join('\r\n')))]);
    expect(p.rejected).toEqual([
      {
        file: 'm.csv',
        line: 3,
        orderNo: 'mismatch-1',
        reason: '同じ注文番号の行で「お届け先名」が食い違っています（2行目と3行目）。',
      },
    ]);
    // Spaces around a value are not a difference: the later line is read and agrees.
    const spaced = yahooCombined([fileOrder({ orderNo: 'spaced-1' })]).split('\r\n');
    spaced[2] = spaced[2]!.replace('"鈴木 一郎"', '" 鈴木 一郎 "');
    expect((await preview([upload('s.csv', sjis(spaced.join('\r\n')))])).counts).toMatchObject({ new: 1, rejected: 0 });
    const b = yahooCombined([fileOrder({ orderNo: 'total-1' })]).replace(/"6050"/g, '"6000"');
    const q = await preview([upload('t.csv', sjis(b))]);
    expect(q.rejected[0]).toMatchObject({
      line: 2,
      reason: expect.stringContaining(
        '合計金額がファイルと合いません（ファイル 6,000円・明細と送料などから計算 6,050円）',
      ),
    });
  });
});

describe('F1 Amazon unshipped orders report', () => {
  it('reads the tab-delimited Shift_JIS report: channel Amazon, COD with its fee, unit price from the line price', async () => {
    const p = await preview([fixture('amazon-unshipped-sjis.txt')]);
    expect(p.layout).toContain('Amazon 未出荷注文レポート');
    expect(p.counts).toMatchObject({ new: 2, rejected: 0 });
    await t.call('imports:commit', { previewId: p.previewId });
    const rows = db()
      .prepare(
        'SELECT order_no, channel, payment_method, cod_fee, shipping_fee, subtotal, ship_address1, buyer_name FROM orders ORDER BY order_no',
      )
      .all();
    expect(rows).toEqual([
      {
        order_no: '249-1111111-2222222',
        channel: 'amazon',
        payment_method: 'amazon_pay',
        cod_fee: 0,
        shipping_fee: 550,
        subtotal: 5500,
        ship_address1: '大阪市北区梅田1丁目2-3',
        buyer_name: '鈴木 一郎',
      },
      {
        order_no: '249-3333333-4444444',
        channel: 'amazon',
        payment_method: 'cod',
        cod_fee: 330,
        shipping_fee: 550,
        subtotal: 5500,
        ship_address1: '大阪市北区梅田1丁目2-3',
        buyer_name: '鈴木 一郎',
      },
    ]);
    expect(
      db()
        .prepare(
          "SELECT unit_price FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.order_no = '249-1111111-2222222' AND sku = 'MG-010'",
        )
        .pluck()
        .get(),
    ).toBe(1650);
  });
});

describe('F1 re-import and updates', () => {
  it('re-importing the same file changes nothing at all', async () => {
    await t.call('imports:commit', { previewId: (await preview([fixture('yahoo-combined-sjis.csv')])).previewId });
    const before = state();
    t.clock.advanceDays(1);
    const again = await preview([fixture('yahoo-combined-sjis.csv')]);
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 5, rejected: 2 });
    expect(again.unchanged[0]!.note).toBe('前回の取込から変更なし');
    expect(await t.call('imports:commit', { previewId: again.previewId })).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 5,
      rejected: 2,
    });
    expect(state()).toEqual(before);
  });

  it('updates a field only where the store has not changed it since the last import', async () => {
    const a = fileOrder({ orderNo: 'upd-a' });
    const b = fileOrder({ orderNo: 'upd-b' });
    const c = fileOrder({ orderNo: 'upd-c' });
    const d = fileOrder({ orderNo: 'upd-d' });
    await t.call('imports:commit', {
      previewId: (await preview([upload('v1.csv', sjis(yahooCombined([a, b, c, d])))])).previewId,
    });
    const id = (no: string) => db().prepare('SELECT id FROM orders WHERE order_no = ?').pluck().get(no) as number;
    // The store edits b's address by hand; c is shipped; d has gone past the stock check.
    db()
      .prepare(
        "UPDATE orders SET ship_address1 = '大阪市北区梅田9丁目（店舗修正）', version = version + 1 WHERE id = ?",
      )
      .run(id('upd-b'));
    db().prepare("UPDATE orders SET status = 'shipped' WHERE id = ?").run(id('upd-c'));
    db().prepare("UPDATE orders SET status = 'paid' WHERE id = ?").run(id('upd-d'));
    const moved = { address1: '梅田5丁目5-5', shipCharge: 770 };
    const v2 = [a, b, c, d].map((o) => ({ ...o, ...moved }));
    v2[3] = {
      ...v2[3]!,
      items: [{ itemId: 'x', subCode: 'TW-100', title: '今治タオル', quantity: 1, unitPrice: 2200 }],
    };
    const p = await preview([upload('v2.csv', sjis(yahooCombined(v2)))]);
    expect(p.counts).toEqual({ new: 0, updated: 3, unchanged: 1, rejected: 0 });
    expect(p.updates).toEqual([
      { orderNo: 'upd-a', changed: ['お届け先住所', '送料'], kept: [] },
      { orderNo: 'upd-b', changed: ['送料'], kept: ['お届け先住所（店舗で変更済み）'] },
      { orderNo: 'upd-d', changed: ['お届け先住所', '送料'], kept: ['商品明細（在庫確認後のため）'] },
    ]);
    expect(p.unchanged).toEqual([{ orderNo: 'upd-c', note: '更新なし: お届け先住所（出荷済み）、送料（出荷済み）' }]);
    await t.call('imports:commit', { previewId: p.previewId });
    expect(row('upd-a')).toMatchObject({
      ship_address1: '大阪市北区梅田5丁目5-5',
      shipping_fee: 770,
      total: 6270,
      version: 2,
    });
    expect(row('upd-b')).toMatchObject({
      ship_address1: '大阪市北区梅田9丁目（店舗修正）',
      shipping_fee: 770,
      total: 6270,
    });
    expect(row('upd-c')).toMatchObject({ ship_address1: '大阪市北区梅田1丁目2-3', shipping_fee: 550 });
    expect(
      db()
        .prepare("SELECT count(*) FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.order_no = 'upd-d'")
        .pluck()
        .get(),
    ).toBe(2);
    const history = db()
      .prepare("SELECT reason FROM order_history WHERE kind = 'import_update' AND order_id = ?")
      .pluck()
      .all(id('upd-b'));
    expect(history).toEqual(['ファイル取込で更新: 送料（更新しなかった項目: お届け先住所（店舗で変更済み））']);
    // The same v2 file again: nothing left to do.
    const before = state();
    const again = await preview([upload('v2.csv', sjis(yahooCombined(v2)))]);
    expect(again.counts).toMatchObject({ updated: 0, unchanged: 4 });
    await t.call('imports:commit', { previewId: again.previewId });
    expect(state()).toEqual(before);
  });
});

describe('F1 atomicity and bad files', () => {
  it('is one transaction: a failure while writing leaves the database as it was', async () => {
    const p = await preview([fixture('yahoo-combined-sjis.csv')]);
    db().exec(
      "CREATE TRIGGER fail_on_fifth BEFORE INSERT ON orders WHEN NEW.order_no = 'yahoo-store-0005' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const before = state();
    await expect(t.call('imports:commit', { previewId: p.previewId })).rejects.toThrow(/予期しないエラー/);
    expect(state()).toEqual(before);
    db().exec('DROP TRIGGER fail_on_fifth');
    // The preview is used up; a fresh one imports everything.
    await expect(t.call('imports:commit', { previewId: p.previewId })).rejects.toThrow(/有効期限が切れました/);
    const fresh = await preview([fixture('yahoo-combined-sjis.csv')]);
    expect((await t.call('imports:commit', { previewId: fresh.previewId })).inserted).toBe(5);
  });

  const badFiles: [string, RegExp][] = [
    ['bad-empty.csv', /「bad-empty\.csv」は空です/],
    ['bad-header-only.csv', /見出し行だけで注文の行がありません/],
    ['bad-truncated-sjis.csv', /\d+行目/],
    ['bad-unbalanced-quote.csv', /6行目: 引用符（"）/],
    ['bad-euc-jp.csv', /EUC-JP で保存されています/],
    ['bad-binary.csv', /(CSV（テキスト）ファイルではない|文字コードを判別できません).*\d+行目/],
  ];
  for (const [name, message] of badFiles) {
    it(`refuses ${name} with a clear message and imports nothing`, async () => {
      const before = state();
      const error = await t
        .call('imports:preview', { files: [fixture(name)], channel: 'yahoo_shopping' })
        .catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toMatch(/何も取り込んでいません|選んでください/);
      expect(state()).toEqual(before);
    });
  }
});

describe('F1 saved column mappings for other layouts', () => {
  const shopFields = {
    orderNo: '受注番号',
    orderedAt: '受注日',
    shipName: '氏名',
    shipPostalCode: '郵便番号',
    shipAddress1: '住所',
    shipPhone: '電話',
    paymentMethod: '支払',
    shippingFee: '送料',
    sku: '商品コード',
    title: '品名',
    quantity: '個数',
    unitPrice: '価格',
  };

  it('asks for a mapping for an unknown layout, saves it, and imports through it', async () => {
    const first = (await t.call('imports:preview', {
      files: [fixture('own-shop-utf8.csv')],
      channel: 'yahoo_shopping',
    })) as ImportNeedsMapping;
    expect(first.kind).toBe('needs_mapping');
    expect(first.headers).toEqual([
      '受注番号',
      '受注日',
      '氏名',
      '郵便番号',
      '住所',
      '電話',
      '支払',
      '送料',
      '商品コード',
      '品名',
      '個数',
      '価格',
    ]);
    await expect(
      t.call('imports:saveMapping', { name: '自社', channel: 'own', fields: { orderNo: '受注番号' } }),
    ).rejects.toThrow(/注文日時、お届け先名/);
    const mapping = await t.call('imports:saveMapping', { name: '自社サイト', channel: 'own', fields: shopFields });
    expect(await t.call('imports:mappings', {})).toEqual([mapping]);
    const p = await t.call('imports:preview', {
      files: [fixture('own-shop-utf8.csv')],
      channel: 'yahoo_shopping',
      mappingId: mapping.id,
    });
    if (p.kind !== 'preview') throw new Error('expected a preview');
    expect(p).toMatchObject({ channel: 'own', counts: { new: 1, rejected: 0 } });
    await t.call('imports:commit', { previewId: p.previewId });
    expect(
      db()
        .prepare(
          "SELECT channel, ship_prefecture, ship_address1, payment_method, total FROM orders WHERE order_no = 'S-1001'",
        )
        .get(),
    ).toEqual({
      channel: 'own',
      ship_prefecture: '東京都',
      ship_address1: '新宿区西新宿2-8-1',
      payment_method: 'bank_transfer',
      total: 4120,
    });
  });

  it('reads a file whose headers fit a saved mapping by that mapping without asking again', async () => {
    // A looser mapping fits too; the one naming more of the file's headers is the file's own.
    const fewer = Object.fromEntries(Object.entries(shopFields).filter(([field]) => field !== 'shippingFee'));
    await t.call('imports:saveMapping', { name: '自社（送料なし）', channel: 'yahoo_shopping', fields: fewer });
    await t.call('imports:saveMapping', { name: '自社サイト', channel: 'own', fields: shopFields });
    await t.call('imports:saveMapping', {
      name: '別形式',
      channel: 'own',
      fields: { ...shopFields, orderComment: '備考欄' },
    });
    const p = await t.call('imports:preview', { files: [fixture('own-shop-utf8.csv')], channel: 'yahoo_shopping' });
    if (p.kind !== 'preview') throw new Error(`expected a preview, got ${p.kind}`);
    expect(p).toMatchObject({ channel: 'own', layout: 'マッピング「自社サイト」（自社サイト）', counts: { new: 1 } });
  });

  it('refuses a file that lacks a mapped header, naming it', async () => {
    const mapping = await t.call('imports:saveMapping', {
      name: '別形式',
      channel: 'own',
      fields: { ...shopFields, orderComment: '備考欄' },
    });
    await expect(
      t.call('imports:preview', {
        files: [fixture('own-shop-utf8.csv')],
        channel: 'yahoo_shopping',
        mappingId: mapping.id,
      }),
    ).rejects.toThrow(/マッピング「別形式」の見出しがありません: 備考欄/);
  });
});

describe('F1 取込 after the preview: what changed in between is judged against the database', () => {
  const moved = { address1: '梅田5丁目5-5', shipCharge: 770 };

  it('keeps an address the store edits between the preview and 取込, and still takes the new shipping charge', async () => {
    const a = fileOrder({ orderNo: 'between-a' });
    await importFile([a]);
    const p = await previewOrders([{ ...a, ...moved }]);
    expect(p.updates).toEqual([{ orderNo: 'between-a', changed: ['お届け先住所', '送料'], kept: [] }]);
    // The clerk edits the address on this PC while the preview is on screen.
    db()
      .prepare(
        "UPDATE orders SET ship_address1 = '大阪市北区梅田9丁目（店舗修正）', version = version + 1 WHERE order_no = 'between-a'",
      )
      .run();
    expect(await t.call('imports:commit', { previewId: p.previewId })).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 0,
      rejected: 0,
    });
    expect(row('between-a')).toMatchObject({
      ship_address1: '大阪市北区梅田9丁目（店舗修正）',
      shipping_fee: 770,
      total: 6270,
    });
    const reason = db().prepare("SELECT reason FROM order_history WHERE kind = 'import_update'").pluck().get();
    expect(reason).toBe('ファイル取込で更新: 送料（更新しなかった項目: お届け先住所（店舗で変更済み））');
  });

  it('sees a change another connection commits between the preview and 取込', async () => {
    const a = fileOrder({ orderNo: 'between-b' });
    await importFile([a]);
    const p = await previewOrders([{ ...a, ...moved }, fileOrder({ orderNo: 'between-new' })]);
    expect(p.counts).toMatchObject({ new: 1, updated: 1 });
    const other = otherConnection();
    try {
      // Another process: edits the address of the one order and adds the other order itself.
      other
        .prepare(
          "UPDATE orders SET ship_address1 = '別の PC で修正', version = version + 1 WHERE order_no = 'between-b'",
        )
        .run();
      other
        .prepare(
          `INSERT INTO orders (channel, order_no, ordered_at, ship_name, payment_method, store_id, created_at, updated_at)
                  VALUES ('yahoo_shopping', 'between-new', '2026-11-20T03:34:56.000Z', '別の PC', 'credit_card', 'osaka', ?, ?)`,
        )
        .run('2026-11-27T01:00:00.000Z', '2026-11-27T01:00:00.000Z');
    } finally {
      other.close();
    }
    // Inserting 'between-new' as the preview judged it would break the unique key: it is now there already.
    expect(await t.call('imports:commit', { previewId: p.previewId })).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 1,
      rejected: 0,
    });
    expect(row('between-b')).toMatchObject({ ship_address1: '別の PC で修正', shipping_fee: 770 });
    expect(db().prepare("SELECT count(*) FROM orders WHERE order_no = 'between-new'").pluck().get()).toBe(1);
    expect(db().prepare("SELECT ship_name FROM orders WHERE order_no = 'between-new'").pluck().get()).toBe('別の PC');
  });

  it('reuses the preview’s verdicts only while nothing has been written since', () => {
    const sqlite = db();
    const parts = { sqlite, orders: t.app.ctx.services.orders };
    const orders = [{ order: makeOrder({ orderNo: 'judged-1' }), file: 'f.csv', line: 2 }];
    const judged = judgeOrders(parts, 'yahoo_shopping', orders);
    expect(judged.verdicts).toEqual([{ kind: 'new' }]);
    sqlite
      .transaction(() => expect(verdictsNow(parts, 'yahoo_shopping', orders, judged)).toBe(judged.verdicts))
      .immediate();
    // A write on this connection, even to another table, makes the commit judge again.
    sqlite.prepare("INSERT INTO meta (key, value) VALUES ('touched', '1')").run();
    sqlite
      .transaction(() => {
        const again = verdictsNow(parts, 'yahoo_shopping', orders, judged);
        expect(again).not.toBe(judged.verdicts);
        expect(again).toEqual([{ kind: 'new' }]);
      })
      .immediate();
  });
});

describe('F1 snapshots of created orders', () => {
  it('are the JSON of the imported values, byte for byte, whatever the text holds: the same file again changes nothing', async () => {
    const tricky = fileOrder({
      orderNo: 'tricky-1',
      shipName: '髙橋 ①子 ﾔﾏﾀﾞ',
      address2: 'ハイツ"東"棟 \\ 305号室',
      comment: '午前中指定\n置き配可\r\t「玄関前」😀 "引用" \\ / end',
      items: [
        {
          itemId: 'q',
          subCode: 'Q-"1"',
          title: 'タイトル "引用" \\ バックスラッシュ\n二行目',
          quantity: 1,
          unitPrice: 1000,
        },
        { itemId: 'e', subCode: 'E-2', title: '絵文字 🍵 と 𠮷', quantity: 2, unitPrice: 500 },
      ],
    });
    const plain = fileOrder({ orderNo: 'tricky-2', comment: '' });
    // Item lines out of order in the file (split on CRLF: the cells' own breaks are LF or CR alone): the snapshot lists them by line number.
    const lines = yahooCombined([tricky, plain]).split('\r\n');
    const file = [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\r\n');
    // UTF-8: emoji and characters outside CP932 too.
    const upload1 = upload('tricky.csv', utf8bom(file));
    const first = await t.call('imports:preview', { files: [upload1], channel: 'yahoo_shopping' });
    if (first.kind !== 'preview') throw new Error('expected a preview');
    expect(first.counts).toEqual({ new: 2, updated: 0, unchanged: 0, rejected: 0 });
    await t.call('imports:commit', { previewId: first.previewId });
    for (const no of ['tricky-1', 'tricky-2']) {
      const id = row(no).id as number;
      const snapshot = db()
        .prepare('SELECT snapshot FROM import_records WHERE order_no = ? AND order_id = ?')
        .pluck()
        .get(no, id);
      expect(snapshot).toBe(JSON.stringify(importedValues(t.app.ctx.services.orders.get(id)!)));
    }
    expect(t.app.ctx.services.orders.get(row('tricky-1').id as number)!.orderComment).toBe(
      '午前中指定\n置き配可\r\t「玄関前」😀 "引用" \\ / end',
    );

    const before = state();
    const again = await t.call('imports:preview', { files: [upload1], channel: 'yahoo_shopping' });
    if (again.kind !== 'preview') throw new Error('expected a preview');
    expect(again.unchanged).toEqual([
      { orderNo: 'tricky-1', note: '前回の取込から変更なし' },
      { orderNo: 'tricky-2', note: '前回の取込から変更なし' },
    ]);
    expect(await t.call('imports:commit', { previewId: again.previewId })).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 2,
      rejected: 0,
    });
    expect(state()).toEqual(before);
  });

  it('writes one history row and one sync entry per created order, with the order’s key', async () => {
    await importFile([fileOrder({ orderNo: 'keyed-1' }), fileOrder({ orderNo: 'keyed-2' })]);
    const history = db()
      .prepare(
        "SELECT o.order_no AS orderNo, h.actor, h.store_id AS storeId, h.pc_id AS pcId, h.to_value AS toValue, h.reason FROM order_history h JOIN orders o ON o.id = h.order_id WHERE h.kind = 'create' ORDER BY o.id",
      )
      .all();
    const reason = 'ファイル取込: Yahoo! ストア注文CSV（注文・商品一体）（Yahoo!ショッピング）';
    expect(history).toEqual(
      ['keyed-1', 'keyed-2'].map((orderNo) => ({
        orderNo,
        actor: 'テスト担当',
        storeId: 'osaka',
        pcId: 'TEST-PC',
        toValue: 'new',
        reason,
      })),
    );
    const outbox = db()
      .prepare(
        "SELECT op_id AS opId, entity_id AS entityId, payload FROM sync_outbox WHERE kind = 'create' ORDER BY seq",
      )
      .all() as { opId: string; entityId: string; payload: string }[];
    expect(outbox.map((o) => JSON.parse(o.payload))).toEqual(
      ['keyed-1', 'keyed-2'].map((orderNo) => ({
        orderNo,
        channel: 'yahoo_shopping',
        from: null,
        to: 'new',
        reason,
        at: '2026-11-27T01:00:00.000Z',
        actor: { operator: 'テスト担当', storeId: 'osaka', pcId: 'TEST-PC' },
      })),
    );
    expect(outbox.map((o) => o.entityId)).toEqual([String(row('keyed-1').id), String(row('keyed-2').id)]);
    expect(outbox[0]!.opId < outbox[1]!.opId).toBe(true);
  });
});
