import { afterEach, beforeEach, expect, it } from 'vitest';
import { insertOrders, makeOrder } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

async function formOf(id: number) {
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

const SHIP_TO = {
  shipName: '山田 太郎',
  shipPostalCode: '100-0005',
  shipPrefecture: '東京都',
  shipAddress1: '千代田区丸の内1丁目2番3号',
  shipAddress2: '',
  shipPhone: '090-1111-2222',
};

const row = (id: number) =>
  t.app.ctx.database.sqlite
    .prepare(
      `SELECT ship_name, ship_postal_code, ship_prefecture, ship_address1, ship_address2, ship_phone, bundle_key, version
       FROM orders WHERE id = ?`,
    )
    .get(id) as Record<string, string | number>;

it('F12 changes the 送付先: one 送付先変更 row naming each changed field before → after, one sync change', async () => {
  const sqlite = t.app.ctx.database.sqlite;
  const [id] = insertOrders(sqlite, [{ order: { orderNo: 'F12-SHIP' } }]);
  const keyBefore = row(id!).bundle_key;
  const { detail, changes } = await t.call('detail:save', {
    ...(await formOf(id!)),
    shipTo: {
      ...SHIP_TO,
      shipPostalCode: '１５０－０００１',
      shipPrefecture: '東京都',
      shipAddress1: '渋谷区渋谷1-1-3',
    },
  });
  expect(detail.order.shipTo).toMatchObject({ postalCode: '150-0001', address1: '渋谷区渋谷1-1-3' });
  const expected = {
    from: 'お届け先郵便番号 100-0005／お届け先住所 千代田区丸の内1丁目2番3号',
    to: 'お届け先郵便番号 150-0001／お届け先住所 渋谷区渋谷1-1-3',
  };
  expect(changes).toEqual([{ field: 'ship_to', ...expected }]);
  const history = detail.history.filter((h) => h.kind === 'ship_to');
  expect(history).toHaveLength(1);
  expect(history[0]).toMatchObject({ from: expected.from, to: expected.to });
  const outbox = sqlite.prepare("SELECT payload FROM sync_outbox WHERE kind = 'ship_to'").pluck().all() as string[];
  expect(outbox).toHaveLength(1);
  expect(JSON.parse(outbox[0]!).fields).toEqual({
    ...SHIP_TO,
    shipPostalCode: '150-0001',
    shipAddress1: '渋谷区渋谷1-1-3',
  });
  // The 同梱 key follows the new address.
  expect(row(id!).bundle_key).not.toBe(keyBefore);
  expect(String(row(id!).bundle_key)).toContain('1500001');
});

it('a changed address makes the order a 同梱 candidate of another order at that address', async () => {
  const sqlite = t.app.ctx.database.sqlite;
  const other = makeOrder({
    orderNo: 'F12-OTHER',
    shipTo: { ...makeOrder().shipTo, postalCode: '150-0001', address1: '渋谷区渋谷1-1-3' },
  });
  const [id, otherId] = insertOrders(sqlite, [{ order: { orderNo: 'F12-MOVE' } }, { order: other }]);
  expect(row(id!).bundle_key).not.toBe(row(otherId!).bundle_key);
  await t.call('detail:save', {
    ...(await formOf(id!)),
    shipTo: { ...SHIP_TO, shipPostalCode: '150-0001', shipAddress1: '渋谷区渋谷1-1-3' },
  });
  expect(row(id!).bundle_key).toBe(row(otherId!).bundle_key);
});

it('an unchanged 送付先 writes no history', async () => {
  const [id] = insertOrders(t.app.ctx.database.sqlite, [{ order: { orderNo: 'F12-SAME' } }]);
  const { changes } = await t.call('detail:save', {
    ...(await formOf(id!)),
    shipTo: { ...SHIP_TO, shipPostalCode: '1000005' },
  });
  expect(changes).toEqual([]);
});

it.each([
  [{ shipName: '  ' }, 'お届け先名を入力してください。'],
  [{ shipPostalCode: '150-001' }, 'お届け先郵便番号は7桁の数字で入力してください'],
  [{ shipPostalCode: '15O0001' }, 'お届け先郵便番号は7桁の数字で入力してください'],
  [{ shipPrefecture: '東京' }, 'お届け先都道府県「東京」は都道府県の名前ではありません'],
  [{ shipPhone: '03-1234-ABCD' }, 'お届け先電話番号は数字とハイフンで入力してください'],
])('refuses a bad 送付先 %o with a Japanese error, changing nothing', async (bad, message) => {
  const [id] = insertOrders(t.app.ctx.database.sqlite, [{ order: { orderNo: 'F12-BAD' } }]);
  const before = row(id!);
  await expect(
    t.call('detail:save', { ...(await formOf(id!)), staffComment: '変更', shipTo: { ...SHIP_TO, ...bad } }),
  ).rejects.toThrow(message);
  expect(row(id!)).toEqual(before);
  const kinds = t.app.ctx.database.sqlite.prepare('SELECT kind FROM sync_outbox').pluck().all();
  expect(kinds).not.toContain('ship_to');
  expect(kinds).not.toContain('staff_comment');
});

it('warns of a 郵便番号 that is another city’s; saved only when the clerk saves anyway', async () => {
  const [id] = insertOrders(t.app.ctx.database.sqlite, [{ order: { orderNo: 'F12-POSTAL' } }]);
  const wrong = { ...SHIP_TO, shipPostalCode: '150-0001', shipAddress1: '新宿区西新宿2-8-1' };
  await expect(t.call('detail:save', { ...(await formOf(id!)), shipTo: wrong })).rejects.toThrow(
    '郵便番号 150-0001 は東京都渋谷区の番号です（お届け先住所は「新宿区西新宿2-8-1」）。',
  );
  expect(row(id!).ship_postal_code).toBe('100-0005');
  const { detail } = await t.call('detail:save', { ...(await formOf(id!)), shipTo: wrong, acceptPostalWarning: true });
  expect(detail.order.shipTo).toMatchObject({ postalCode: '150-0001', address1: '新宿区西新宿2-8-1' });
});
