import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src-shared/api/imports.js';
import { registerBundleFunctions } from '../../src-main/bundle/sql-functions.js';
import { judgeOrders, verdictsNow } from '../../src-main/imports/judge.js';
import { importedValues } from '../../src-main/imports/merge.js';
import { registerSearchFunctions } from '../../src-main/search/sql-functions.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { makeOrder } from '../helpers/orders.js';
import { fileOrder, sjis, upload, utf8bom, yahooCombined, type FileOrder } from '../helpers/order-files.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  t.app.ctx.settings.set('storeId', 'osaka');
});
afterEach(() => t.close());

const db = () => t.app.ctx.database.sqlite;
const count = (table: string) => db().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const state = () => ({
  orders: count('orders'),
  items: count('order_items'),
  history: count('order_history'),
  outbox: count('sync_outbox'),
  records: db().prepare('SELECT group_concat(snapshot) FROM import_records').pluck().get(),
  versions: db().prepare('SELECT coalesce(sum(version), 0) FROM orders').pluck().get(),
});
const row = (no: string) => db().prepare('SELECT id, ship_address1, shipping_fee, total, version FROM orders WHERE order_no = ?').get(no) as Record<string, unknown>;

async function preview(orders: FileOrder[], name = 'orders.csv'): Promise<ImportPreview> {
  const result = await t.call('imports:preview', { files: [upload(name, sjis(yahooCombined(orders)))], channel: 'yahoo_shopping' });
  if (result.kind !== 'preview') throw new Error(`expected a preview, got ${result.kind}`);
  return result;
}

async function importFile(orders: FileOrder[]): Promise<void> {
  await t.call('imports:commit', { previewId: (await preview(orders)).previewId });
}

/** A second connection to the same file, as another process (or the sync) would have. */
function otherConnection(): Database.Database {
  const other = new Database(t.app.ctx.database.file);
  registerSearchFunctions(other);
  registerBundleFunctions(other);
  return other;
}

describe('F1 取込 after the preview: what changed in between is judged against the database', () => {
  const moved = { address1: '梅田5丁目5-5', shipCharge: 770 };

  it('keeps an address the store edits between the preview and 取込, and still takes the new shipping charge', async () => {
    const a = fileOrder({ orderNo: 'between-a' });
    await importFile([a]);
    const p = await preview([{ ...a, ...moved }]);
    expect(p.updates).toEqual([{ orderNo: 'between-a', changed: ['お届け先住所', '送料'], kept: [] }]);
    // The clerk edits the address on this PC while the preview is on screen.
    db().prepare("UPDATE orders SET ship_address1 = '大阪市北区梅田9丁目（店舗修正）', version = version + 1 WHERE order_no = 'between-a'").run();
    expect(await t.call('imports:commit', { previewId: p.previewId })).toEqual({ inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(row('between-a')).toMatchObject({ ship_address1: '大阪市北区梅田9丁目（店舗修正）', shipping_fee: 770, total: 6270 });
    const reason = db().prepare("SELECT reason FROM order_history WHERE kind = 'import_update'").pluck().get();
    expect(reason).toBe('ファイル取込で更新: 送料（更新しなかった項目: お届け先住所（店舗で変更済み））');
  });

  it('sees a change another connection commits between the preview and 取込', async () => {
    const a = fileOrder({ orderNo: 'between-b' });
    await importFile([a]);
    const p = await preview([{ ...a, ...moved }, fileOrder({ orderNo: 'between-new' })]);
    expect(p.counts).toMatchObject({ new: 1, updated: 1 });
    const other = otherConnection();
    try {
      // Another process: edits the address of the one order and adds the other order itself.
      other.prepare("UPDATE orders SET ship_address1 = '別の PC で修正', version = version + 1 WHERE order_no = 'between-b'").run();
      other
        .prepare(`INSERT INTO orders (channel, order_no, ordered_at, ship_name, payment_method, store_id, created_at, updated_at)
                  VALUES ('yahoo_shopping', 'between-new', '2026-11-20T03:34:56.000Z', '別の PC', 'credit_card', 'osaka', ?, ?)`)
        .run('2026-11-27T01:00:00.000Z', '2026-11-27T01:00:00.000Z');
    } finally {
      other.close();
    }
    // Inserting 'between-new' as the preview judged it would break the unique key: it is now there already.
    expect(await t.call('imports:commit', { previewId: p.previewId })).toEqual({ inserted: 0, updated: 1, unchanged: 1, rejected: 0 });
    expect(row('between-b')).toMatchObject({ ship_address1: '別の PC で修正', shipping_fee: 770 });
    expect(db().prepare("SELECT count(*) FROM orders WHERE order_no = 'between-new'").pluck().get()).toBe(1);
    expect(db().prepare("SELECT ship_name FROM orders WHERE order_no = 'between-new'").pluck().get()).toBe('別の PC');
  });

  it('reuses the preview’s verdicts only while nothing has been written since', () => {
    const sqlite = db();
    const orders = [{ order: makeOrder({ orderNo: 'judged-1' }), file: 'f.csv', line: 2 }];
    const judged = judgeOrders(t.app.ctx, 'yahoo_shopping', orders);
    expect(judged.verdicts).toEqual([{ kind: 'new' }]);
    sqlite.transaction(() => expect(verdictsNow(t.app.ctx, 'yahoo_shopping', orders, judged)).toBe(judged.verdicts)).immediate();
    // A write on this connection, even to another table, makes the commit judge again.
    sqlite.prepare("INSERT INTO meta (key, value) VALUES ('touched', '1')").run();
    sqlite.transaction(() => {
      const again = verdictsNow(t.app.ctx, 'yahoo_shopping', orders, judged);
      expect(again).not.toBe(judged.verdicts);
      expect(again).toEqual([{ kind: 'new' }]);
    }).immediate();
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
        { itemId: 'q', subCode: 'Q-"1"', title: 'タイトル "引用" \\ バックスラッシュ\n二行目', quantity: 1, unitPrice: 1000 },
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
      const snapshot = db().prepare('SELECT snapshot FROM import_records WHERE order_no = ? AND order_id = ?').pluck().get(no, id);
      expect(snapshot).toBe(JSON.stringify(importedValues(t.app.ctx.services.orders.get(id)!)));
    }
    expect(t.app.ctx.services.orders.get(row('tricky-1').id as number)!.orderComment).toBe('午前中指定\n置き配可\r\t「玄関前」😀 "引用" \\ / end');

    const before = state();
    const again = await t.call('imports:preview', { files: [upload1], channel: 'yahoo_shopping' });
    if (again.kind !== 'preview') throw new Error('expected a preview');
    expect(again.unchanged).toEqual([
      { orderNo: 'tricky-1', note: '前回の取込から変更なし' },
      { orderNo: 'tricky-2', note: '前回の取込から変更なし' },
    ]);
    expect(await t.call('imports:commit', { previewId: again.previewId })).toEqual({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(state()).toEqual(before);
  });

  it('writes one history row and one sync entry per created order, with the order’s key', async () => {
    await importFile([fileOrder({ orderNo: 'keyed-1' }), fileOrder({ orderNo: 'keyed-2' })]);
    const history = db()
      .prepare("SELECT o.order_no AS orderNo, h.actor, h.store_id AS storeId, h.pc_id AS pcId, h.to_value AS toValue, h.reason FROM order_history h JOIN orders o ON o.id = h.order_id WHERE h.kind = 'create' ORDER BY o.id")
      .all();
    const reason = 'ファイル取込: Yahoo! ストア注文CSV（注文・商品一体）（Yahoo!ショッピング）';
    expect(history).toEqual(['keyed-1', 'keyed-2'].map((orderNo) => ({ orderNo, actor: 'テスト担当', storeId: 'osaka', pcId: 'TEST-PC', toValue: 'new', reason })));
    const outbox = db().prepare("SELECT op_id AS opId, entity_id AS entityId, payload FROM sync_outbox WHERE kind = 'create' ORDER BY seq").all() as { opId: string; entityId: string; payload: string }[];
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
