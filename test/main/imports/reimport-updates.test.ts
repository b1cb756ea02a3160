import { describe, expect, it } from 'vitest';
import { judgeOrders, verdictsNow } from '../../../src-main/imports/judge.js';
import { makeOrder } from '../../helpers/orders.js';
import { fileOrder, sjis, upload, yahooCombined } from '../../helpers/order-files.js';
import { fixture, useImportApp } from '../../helpers/order-import.js';

const { t, db, state, preview, row, previewOrders, importFile, otherConnection } = useImportApp();

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
