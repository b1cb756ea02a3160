import { describe, expect, it } from 'vitest';
import { importedValues } from '../../../src-main/imports/merge.js';
import { fileOrder, upload, utf8bom, yahooCombined } from '../../helpers/order-files.js';
import { useImportApp } from '../../helpers/order-import.js';

const { t, db, state, row, importFile } = useImportApp();

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
