import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { reservationViolations, stockOf, stockUp } from '../../helpers/stock.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const sqlite = () => t.app.ctx.database.sqlite;
const money = (id: number) =>
  sqlite()
    .prepare('SELECT shipping_fee AS ship, cod_fee AS cod, total, bundle_group AS bundle FROM orders WHERE id = ?')
    .get(id) as {
    ship: number;
    cod: number;
    total: number;
    bundle: string | null;
  };
const statusOf = (id: number) => sqlite().prepare('SELECT status FROM orders WHERE id = ?').pluck().get(id);
const count = (sql: string, ...params: unknown[]) =>
  sqlite()
    .prepare(sql)
    .pluck()
    .get(...params) as number;

const buyer = (name: string) => ({ name, kana: '', email: '', phone: '' });

/** Three orders of one buyer, typed three ways, and two that must not join them. */
function seedBuyer(): { bank: number; cod: number; cod2: number; otherStore: number; shipped: number } {
  const [bank, cod, cod2, otherStore, shipped] = insertOrders(sqlite(), [
    {
      order: {
        orderNo: 'BANK',
        orderedAt: '2026-11-20T01:00:00.000Z',
        buyer: buyer('やまだ たろう'),
        shippingFee: 550,
        codFee: 0,
      },
    },
    {
      order: {
        orderNo: 'COD',
        channel: 'rakuten',
        orderedAt: '2026-11-21T01:00:00.000Z',
        paymentMethod: 'cod',
        shippingFee: 880,
        codFee: 330,
        buyer: buyer('ﾔﾏﾀﾞ ﾀﾛｳ'),
        shipTo: {
          name: '',
          postalCode: '〒１００－０００５',
          prefecture: '東京都',
          address1: '千代田区丸の内１－２－３',
          address2: '',
          phone: '',
        },
      },
    },
    {
      order: {
        orderNo: 'COD2',
        channel: 'amazon',
        orderedAt: '2026-11-22T01:00:00.000Z',
        paymentMethod: 'cod',
        shippingFee: 550,
        codFee: 330,
        buyer: buyer('ヤマダ\u3000タロウ'),
      },
    },
    { order: { orderNo: 'OSAKA', storeId: 'osaka', buyer: buyer('やまだ たろう') } },
    { order: { orderNo: 'SHIPPED', buyer: buyer('やまだ たろう') }, initial: { status: 'shipped' } },
  ]);
  return { bank: bank!, cod: cod!, cod2: cod2!, otherStore: otherStore!, shipped: shipped! };
}

describe('F10 candidates', () => {
  it('groups open orders of one store by normalised buyer name, postal code and address, across channels', async () => {
    const o = seedBuyer();
    insertOrders(sqlite(), [
      { order: { orderNo: 'SOMEONE-ELSE', buyer: { name: '佐藤 花子', kana: '', email: '', phone: '' } } },
    ]);
    const { groups, totalGroups } = await t.call('bundle:candidates', {});
    expect(totalGroups).toBe(1);
    expect(groups[0]!.orders.map((x) => x.orderNo)).toEqual(['BANK', 'COD', 'COD2']);
    expect(groups[0]!.storeId).toBe('tokyo');
    expect(groups[0]!.reasons).toEqual([
      { label: '購入者名', value: 'ヤマダタロウ' },
      { label: '郵便番号', value: '1000005' },
      { label: '住所', value: '東京都千代田区丸ノ内1-2-3' },
    ]);
    // Limited to the checked orders' groups.
    expect((await t.call('bundle:candidates', { orderIds: [o.otherStore] })).groups).toEqual([]);
    expect((await t.call('bundle:candidates', { orderIds: [o.cod] })).groups).toHaveLength(1);
  });

  it('finds one address written with kanji numerals, ヶ/が and 異体字, and says which spellings it made one', async () => {
    const shipTo = (address1: string) => ({
      name: '',
      postalCode: '105-0011',
      prefecture: '東京都',
      address1,
      address2: '',
      phone: '',
    });
    insertOrders(sqlite(), [
      { order: { orderNo: 'KANJI', buyer: buyer('髙橋 一郎'), shipTo: shipTo('港区芝公園三丁目5-1') } },
      { order: { orderNo: 'DIGITS', buyer: buyer('高橋 一郎'), shipTo: shipTo('港区芝公園3-5-1') } },
      { order: { orderNo: 'OTHER-BLOCK', buyer: buyer('高橋 一郎'), shipTo: shipTo('港区芝公園四丁目5-1') } },
      { order: { orderNo: 'KE', buyer: buyer('渡邊 花子'), shipTo: shipTo('麻生区百合ヶ丘1-2') } },
      { order: { orderNo: 'GA', buyer: buyer('渡辺 花子'), shipTo: shipTo('麻生区百合が丘1-2') } },
    ]);
    const { groups } = await t.call('bundle:candidates', {});
    const byOrders = new Map(groups.map((g) => [g.orders.map((x) => x.orderNo).join(','), g.reasons]));
    expect([...byOrders.keys()].sort()).toEqual(['KANJI,DIGITS', 'KE,GA'].sort());
    expect(byOrders.get('KANJI,DIGITS')).toContainEqual({ label: '表記ゆれを同一視', value: '漢数字・異体字' });
    expect(byOrders.get('KE,GA')).toContainEqual({ label: '表記ゆれを同一視', value: 'ヶ/ケ/が・異体字' });
  });

  it('orders without a shipping store are left out and counted, so F10 can say why (E5 first)', async () => {
    seedBuyer();
    const [a, b] = insertOrders(sqlite(), [
      { order: { orderNo: 'NOSTORE-1', storeId: null, buyer: buyer('鈴木 一郎') } },
      { order: { orderNo: 'NOSTORE-2', storeId: null, buyer: buyer('鈴木 一郎') } },
    ]);
    const all = await t.call('bundle:candidates', {});
    expect(all.groups.flatMap((g) => g.orders.map((x) => x.orderNo))).not.toContain('NOSTORE-1');
    expect(all.withoutStore).toBe(2);
    const checked = await t.call('bundle:candidates', { orderIds: [a!, b!] });
    expect(checked).toEqual({ groups: [], totalGroups: 0, withoutStore: 2 });
  });
});

describe('bundling and unbundling', () => {
  it('keeps one shipping fee and one COD fee, the others become 0, and unbundling restores them exactly', async () => {
    const o = seedBuyer();
    const before = [o.bank, o.cod, o.cod2].map(money);
    const result = await t.call('bundle:create', { orderIds: [o.bank, o.cod, o.cod2] });
    expect(result.orders).toBe(3);
    // COD has the highest shipping fee (880) and, oldest of the two 330s, the COD fee.
    expect([o.bank, o.cod, o.cod2].map(money)).toEqual([
      { ship: 0, cod: 0, total: 3300, bundle: result.bundleGroup },
      { ship: 880, cod: 330, total: 3300 + 880 + 330, bundle: result.bundleGroup },
      { ship: 0, cod: 0, total: 3300, bundle: result.bundleGroup },
    ]);
    const history = sqlite()
      .prepare(
        "SELECT o.order_no AS no, h.kind, h.from_value AS f, h.to_value AS t FROM order_history h JOIN orders o ON o.id = h.order_id WHERE kind <> 'bundle' ORDER BY h.id",
      )
      .all();
    expect(history).toEqual([
      { no: 'BANK', kind: 'shipping_fee', f: '550', t: '0' },
      { no: 'BANK', kind: 'total', f: '3850', t: '3300' },
      { no: 'COD2', kind: 'shipping_fee', f: '550', t: '0' },
      { no: 'COD2', kind: 'cod_fee', f: '330', t: '0' },
      { no: 'COD2', kind: 'total', f: '4180', t: '3300' },
    ]);
    expect(count("SELECT count(*) FROM order_history WHERE kind = 'bundle'")).toBe(3);
    expect(count('SELECT count(*) FROM sync_outbox')).toBe(count('SELECT count(*) FROM order_history'));

    await t.call('bundle:dissolve', { bundleGroup: result.bundleGroup! });
    expect([o.bank, o.cod, o.cod2].map(money)).toEqual(before);
    expect(count('SELECT count(*) FROM bundle_members')).toBe(0);
  });

  it('merges an existing bundle with a new order from the original fees, and restores all of them', async () => {
    const o = seedBuyer();
    const before = [o.bank, o.cod, o.cod2].map(money);
    const first = await t.call('bundle:create', { orderIds: [o.bank, o.cod2] });
    expect(money(o.bank).ship).toBe(550);
    const merged = await t.call('bundle:create', { orderIds: [o.cod, o.bank] });
    expect(merged.orders).toBe(3);
    expect(new Set([o.bank, o.cod, o.cod2].map((id) => money(id).bundle))).toEqual(new Set([merged.bundleGroup]));
    expect(merged.bundleGroup).not.toBe(first.bundleGroup);
    expect([o.bank, o.cod, o.cod2].map((id) => money(id).ship)).toEqual([0, 880, 0]);
    await t.call('bundle:dissolve', { bundleGroup: merged.bundleGroup! });
    expect([o.bank, o.cod, o.cod2].map(money)).toEqual(before);
  });

  it('refuses other stores, shipped orders, different addresses and different stages, changing nothing', async () => {
    const o = seedBuyer();
    const [elsewhere, ahead] = insertOrders(sqlite(), [
      {
        order: {
          orderNo: 'ELSEWHERE',
          shipTo: {
            name: '',
            postalCode: '100-0005',
            prefecture: '東京都',
            address1: '千代田区丸の内1-2-4',
            address2: '',
            phone: '',
          },
        },
      },
      { order: { orderNo: 'AHEAD' }, initial: { status: 'paid' } },
    ]);
    sqlite().prepare("UPDATE orders SET buyer_name = 'やまだ たろう' WHERE order_no IN ('ELSEWHERE', 'AHEAD')").run();
    await expect(t.call('bundle:create', { orderIds: [o.bank, o.otherStore] })).rejects.toThrow(/出荷店舗が違う/);
    await expect(t.call('bundle:create', { orderIds: [o.bank, o.shipped] })).rejects.toThrow(
      /出荷済・キャンセル済の注文は同梱できません: SHIPPED/,
    );
    await expect(t.call('bundle:create', { orderIds: [o.bank, elsewhere!] })).rejects.toThrow(
      /一致しないため同梱できません: BANK と ELSEWHERE/,
    );
    await expect(t.call('bundle:create', { orderIds: [o.bank, ahead!] })).rejects.toThrow(/処理段階の違う注文/);
    await expect(t.call('bundle:create', { orderIds: [o.bank] })).rejects.toThrow(/2件以上/);
    expect(count('SELECT count(*) FROM order_history')).toBe(0);
    expect(count('SELECT count(*) FROM orders WHERE bundle_group IS NOT NULL')).toBe(0);
  });
});

describe('bundled orders move together', () => {
  it('take every status operation together, a member already there staying put, and ship on one scan', async () => {
    stockUp(sqlite(), 'tokyo', { 'MG-010': 10 });
    const [bank, card] = insertOrders(sqlite(), [
      { order: { orderNo: 'BANK' } },
      { order: { orderNo: 'CARD', paymentMethod: 'credit_card' } },
    ]);
    const { bundleGroup } = await t.call('bundle:create', { orderIds: [bank!, card!] });
    // F11 on one member checks and reserves both.
    expect((await t.call('stock:check', { orderIds: [bank!] })).applied).toBe(2);
    expect([statusOf(bank!), statusOf(card!)]).toEqual(['stock_confirmed', 'paid']);
    expect(stockOf(sqlite(), 'MG-010').reserved).toBe(4);
    // The card member is already 入金済: confirming the bank transfer leaves it as it is.
    expect(await t.call('operations:confirmPayment', { orderIds: [bank!], paidOn: '2026-11-27' })).toEqual({
      applied: 1,
      refused: [],
    });
    // One parcel, one tracking number for both.
    expect(
      (
        await t.call('operations:registerTracking', {
          entries: [{ orderId: card!, carrier: 'yamato', trackingNo: '246824682468' }],
        })
      ).applied,
    ).toBe(2);
    expect(
      sqlite().prepare('SELECT DISTINCT tracking_no FROM orders WHERE bundle_group = ?').pluck().all(bundleGroup),
    ).toEqual(['246824682468']);
    const scan = await t.call('operations:scan', { code: '246824682468' });
    expect(scan).toMatchObject({ outcome: 'shipped', applied: 2 });
    expect([statusOf(bank!), statusOf(card!)]).toEqual(['shipped', 'shipped']);
    expect(stockOf(sqlite(), 'MG-010')).toEqual({ onHand: 6, reserved: 0 });
  });

  it('are refused together when one member cannot take the operation, nothing reserved', async () => {
    stockUp(sqlite(), 'tokyo', { 'MG-010': 2, RARE: 0 });
    const [plenty, short] = insertOrders(sqlite(), [
      { order: { orderNo: 'PLENTY' } },
      {
        order: {
          orderNo: 'SHORT',
          items: [{ lineNo: 1, sku: 'RARE', title: '希少品', quantity: 1, unitPrice: 5000, location: '' }],
        },
      },
    ]);
    await t.call('bundle:create', { orderIds: [plenty!, short!] });
    const check = await t.call('stock:check', { orderIds: [plenty!, short!] });
    expect(check.applied).toBe(0);
    expect(check.shortages.map((s) => [s.orderNo, s.bundledWith])).toEqual([['SHORT', ['PLENTY']]]);
    expect(check.refused).toEqual([
      { orderId: plenty, orderNo: 'PLENTY', reason: expect.stringContaining('同梱の注文 SHORT が処理できないため') },
    ]);
    expect(stockOf(sqlite(), 'MG-010').reserved).toBe(0);
    expect(count('SELECT count(*) FROM stock_reservations')).toBe(0);
    // 欠品登録 of the short member takes its partner along; only the short SKU is recorded.
    expect((await t.call('stock:registerShortage', { orderIds: [short!] })).applied).toBe(2);
    expect([statusOf(plenty!), statusOf(short!)]).toEqual(['out_of_stock', 'out_of_stock']);
    expect(sqlite().prepare('SELECT order_id, sku FROM stock_shortages').all()).toEqual([
      { order_id: short, sku: 'RARE' },
    ]);
  });

  it('are never cancelled one by one: all members must be checked, and then stock is released', async () => {
    stockUp(sqlite(), 'tokyo', { 'MG-010': 10 });
    const [a, b] = insertOrders(sqlite(), [{ order: { orderNo: 'A' } }, { order: { orderNo: 'B' } }]);
    await t.call('bundle:create', { orderIds: [a!, b!] });
    await t.call('stock:check', { orderIds: [a!] });
    const one = await t.call('operations:cancel', { orderIds: [a!], reason: '取消' });
    expect(one.refused).toEqual([{ orderId: a, orderNo: 'A', reason: expect.stringContaining('同梱中の注文です') }]);
    expect([statusOf(a!), statusOf(b!)]).toEqual(['stock_confirmed', 'stock_confirmed']);
    expect((await t.call('operations:cancel', { orderIds: [a!, b!], reason: '取消' })).applied).toBe(2);
    expect(stockOf(sqlite(), 'MG-010').reserved).toBe(0);
    expect(reservationViolations(sqlite())).toEqual([]);
  });

  it('keep their fees: the detail refuses a fee change until unbundled', async () => {
    const o = seedBuyer();
    await t.call('bundle:create', { orderIds: [o.bank, o.cod] });
    const detail = await t.call('detail:get', { id: o.bank });
    expect(detail.bundle?.members.map((m) => m.orderNo)).toEqual(['BANK', 'COD']);
    const { order } = detail;
    await expect(
      t.call('detail:save', {
        id: o.bank,
        version: detail.version,
        unitPrices: [],
        discount: order.discount,
        shippingFee: 550,
        codFee: order.codFee,
        orderComment: order.orderComment,
        staffComment: order.staffComment,
        subStatusId: order.subStatusId,
      }),
    ).rejects.toThrow(/同梱中の注文の送料・代引手数料は変更できません/);
    expect(money(o.bank).ship).toBe(0);
  });
});

describe('the candidate search at scale', () => {
  it('groups from the partial bundle-key index alone, and keeps keys right through inserts and edits', async () => {
    const plan = (sql: string) =>
      (sqlite().prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    const open = "status NOT IN ('shipped', 'cancelled')";
    expect(
      plan(
        `SELECT store_id, bundle_key, max(ordered_at) FROM orders INDEXED BY orders_bundle_key_idx WHERE ${open} AND store_id IS NOT NULL AND bundle_key IS NOT NULL GROUP BY store_id, bundle_key`,
      ),
    ).toMatch(/USING COVERING INDEX orders_bundle_key_idx/);
    expect(
      plan(`SELECT id FROM orders WHERE ${open} AND store_id = 'x' AND bundle_key = 'y' ORDER BY ordered_at, id`),
    ).toMatch(/orders_bundle_key_idx/);

    const [open1, shipped] = insertOrders(sqlite(), [
      { order: { buyer: buyer('ﾀﾅｶ') } },
      { initial: { status: 'shipped' } },
    ]);
    const key = (id: number) => sqlite().prepare('SELECT bundle_key FROM orders WHERE id = ?').pluck().get(id);
    expect(key(open1!)).toBe('タナカ\u00011000005\u0001東京都千代田区丸ノ内1-2-3');
    expect(key(shipped!)).toBeNull();
    sqlite().prepare("UPDATE orders SET ship_address2 = '２０１号室' WHERE id = ?").run(open1);
    expect(key(open1!)).toBe('タナカ\u00011000005\u0001東京都千代田区丸ノ内1-2-3-201号室');
  });
});
