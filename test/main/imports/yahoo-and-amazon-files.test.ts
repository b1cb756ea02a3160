import { describe, expect, it } from 'vitest';
import { fixture, useImportApp } from '../../helpers/order-import.js';
import {
  fileOrder,
  sjis,
  upload,
  yahooCombined,
  YAHOO_ITEM_COLUMNS,
  YAHOO_ORDER_COLUMNS,
} from '../../helpers/order-files.js';

const { t, db, count, state, preview } = useImportApp();

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
