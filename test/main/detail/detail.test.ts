import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../src-shared/api/index.js';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const sqlite = () => t.app.ctx.database.sqlite;
const count = (sql: string, ...params: unknown[]) =>
  sqlite()
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const subStatusId = (mainStatus: string, name: string) =>
  sqlite()
    .prepare('SELECT id FROM sub_statuses WHERE main_status = ? AND name = ?')
    .pluck()
    .get(mainStatus, name) as number;

const items = [
  { lineNo: 1, sku: 'MG-010', title: 'マグカップ', quantity: 2, unitPrice: 1650, location: 'B-02' },
  { lineNo: 2, sku: 'TB-200', title: 'タンブラー', quantity: 1, unitPrice: 2000, location: 'B-03' },
];

/** The form as the dialog sends it, unchanged, for the order just read. */
async function form(id: number): Promise<InputOf<'detail:save'>> {
  const { order, version } = await t.call('detail:get', { id });
  return {
    id,
    version,
    unitPrices: order.items.map((i) => ({ lineNo: i.lineNo, unitPrice: i.unitPrice })),
    discount: order.discount,
    shippingFee: order.shippingFee,
    codFee: order.codFee,
    orderComment: order.orderComment,
    staffComment: order.staffComment,
    subStatusId: order.subStatusId,
  };
}

function snapshot(id: number) {
  return {
    order: sqlite().prepare('SELECT * FROM orders WHERE id = ?').get(id),
    items: sqlite().prepare('SELECT * FROM order_items WHERE order_id = ? ORDER BY line_no').all(id),
    history: count('SELECT count(*) FROM order_history'),
    outbox: count('SELECT count(*) FROM sync_outbox'),
  };
}

describe('F12 注文詳細 edits', () => {
  it('saves prices, discount, fees, comments and sub-status, recomputes the totals and records each field', async () => {
    const [id] = insertOrders(sqlite(), [{ order: { items, paymentMethod: 'cod', shippingFee: 550, codFee: 330 } }]);
    const edited = {
      ...(await form(id!)),
      unitPrices: [
        { lineNo: 1, unitPrice: 1500 },
        { lineNo: 2, unitPrice: 2000 },
      ],
      discount: 200,
      shippingFee: 770,
      codFee: 440,
      staffComment: '午前中配達希望と電話あり',
      subStatusId: subStatusId('new', '要確認'),
    };
    const { detail, changes } = await t.call('detail:save', edited);
    expect(detail.order).toMatchObject({ subtotal: 5000, discount: 200, shippingFee: 770, codFee: 440, total: 6010 });
    expect(detail.order.items.map((i) => i.unitPrice)).toEqual([1500, 2000]);
    expect(changes).toEqual([
      { field: 'unit_price', from: '1650', to: '1500' },
      { field: 'discount', from: '0', to: '200' },
      { field: 'shipping_fee', from: '550', to: '770' },
      { field: 'cod_fee', from: '330', to: '440' },
      { field: 'staff_comment', from: '', to: '午前中配達希望と電話あり' },
      { field: 'sub_status', from: null, to: String(edited.subStatusId) },
      { field: 'subtotal', from: '5300', to: '5000' },
      { field: 'total', from: '6180', to: '6010' },
    ]);
    const history = sqlite()
      .prepare('SELECT kind, from_value AS "from", to_value AS "to", reason, actor FROM order_history ORDER BY id')
      .all();
    expect(history).toHaveLength(8);
    expect(history[0]).toEqual({
      kind: 'unit_price',
      from: '1650',
      to: '1500',
      reason: '1行目 MG-010 注文詳細で変更',
      actor: 'テスト担当',
    });
    expect(count('SELECT count(*) FROM sync_outbox')).toBe(8);
    expect(detail.version).toBeGreaterThan(1);
    expect(detail.history).toHaveLength(8);
  });

  it('changes nothing and records nothing when nothing was changed', async () => {
    const [id] = insertOrders(sqlite(), [{ order: { items } }]);
    const before = snapshot(id!);
    const { changes } = await t.call('detail:save', await form(id!));
    expect(changes).toEqual([]);
    expect(snapshot(id!)).toEqual(before);
  });

  const refusals: [string, (f: InputOf<'detail:save'>) => InputOf<'detail:save'>, RegExp][] = [
    [
      'a negative price',
      (f) => ({ ...f, unitPrices: [{ lineNo: 1, unitPrice: -1 }] }),
      /金額にマイナスは入力できません/,
    ],
    ['a fractional fee', (f) => ({ ...f, shippingFee: 550.5 }), /円単位の整数/],
    [
      'a discount above the subtotal',
      (f) => ({ ...f, discount: 99_999 }),
      /値引（¥99,999）が小計（¥5,300）を超えています/,
    ],
    [
      'a COD fee on a bank transfer',
      (f) => ({ ...f, codFee: 330 }),
      /代金引換ではない注文に代引手数料は設定できません/,
    ],
    [
      'a line that does not exist',
      (f) => ({ ...f, unitPrices: [{ lineNo: 9, unitPrice: 100 }] }),
      /9行目の商品がありません/,
    ],
    [
      'a sub-status of another main status',
      (f) => ({ ...f, subStatusId: subStatusId('paid', '梱包中') }),
      /「新規」のサブステータスから選んでください/,
    ],
    ['a stale version', (f) => ({ ...f, version: f.version + 1, discount: 100 }), /他の操作で変更されました/],
  ];
  it.each(refusals)('refuses %s with a Japanese message and changes nothing', async (_name, spoil, message) => {
    const [id] = insertOrders(sqlite(), [{ order: { items, paymentMethod: 'bank_transfer' } }]);
    const good = await form(id!);
    const before = snapshot(id!);
    await expect(t.call('detail:save', { ...spoil(good), staffComment: 'この変更も保存されないこと' })).rejects.toThrow(
      message,
    );
    expect(snapshot(id!)).toEqual(before);
  });

  it('refuses a retired sub-status but keeps showing it on the orders that have it', async () => {
    const retired = subStatusId('new', '予約商品');
    const [id] = insertOrders(sqlite(), [
      { order: { items }, initial: { status: 'new', subStatusId: retired } },
      { order: { items } },
    ]);
    sqlite().prepare("UPDATE sub_statuses SET retired_at = '2026-11-01T00:00:00Z' WHERE id = ?").run(retired);
    // Saving the order that already has it, unchanged, is fine.
    await t.call('detail:save', { ...(await form(id!)), staffComment: 'メモ' });
    const other = id! + 1;
    await expect(t.call('detail:save', { ...(await form(other)), subStatusId: retired })).rejects.toThrow(
      /使用を終了しています/,
    );
  });

  it('keeps the money of a shipped order fixed but lets its comment and sub-status change', async () => {
    const [id] = insertOrders(sqlite(), [{ order: { items }, initial: { status: 'shipped' } }]);
    await expect(t.call('detail:save', { ...(await form(id!)), discount: 100 })).rejects.toThrow(
      /「出荷済」の注文の金額は変更できません/,
    );
    const { changes } = await t.call('detail:save', { ...(await form(id!)), staffComment: '再配達の連絡あり' });
    expect(changes.map((c) => c.field)).toEqual(['staff_comment']);
  });
});
