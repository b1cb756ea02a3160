import { describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { useTwoStoreApp } from '../../helpers/use-test-app.js';

const t = useTwoStoreApp();

const sqlite = () => t.app.ctx.database.sqlite;
const column = (sql: string, ...params: unknown[]) =>
  sqlite()
    .prepare(sql)
    .pluck()
    .all(...params);
const count = (table: string) => sqlite().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const subId = (mainStatus: string, name: string) =>
  sqlite()
    .prepare('SELECT id FROM sub_statuses WHERE main_status = ? AND name = ?')
    .pluck()
    .get(mainStatus, name) as number;

describe('E5 出荷店舗一括指定', () => {
  it('moves open orders to the store, refuses shipped and cancelled ones, and records each change', async () => {
    const [open, already, shipped, cancelled] = insertOrders(sqlite(), [
      { order: { orderNo: 'OPEN', storeId: null } },
      { order: { orderNo: 'ALREADY', storeId: 'osaka' } },
      { order: { orderNo: 'SHIPPED', storeId: 'tokyo' }, initial: { status: 'shipped' } },
      { order: { orderNo: 'CANCELLED', storeId: 'tokyo' }, initial: { status: 'cancelled' } },
    ]);
    const result = await t.call('bulk:setStore', {
      orderIds: [open!, already!, shipped!, cancelled!],
      storeId: 'osaka',
    });
    expect(result).toMatchObject({ applied: 1, unchanged: 1, refusedCount: 2 });
    expect(result.refused).toEqual([
      { orderId: shipped, orderNo: 'SHIPPED', reason: '「出荷済」の注文は出荷店舗を変更できません。' },
      { orderId: cancelled, orderNo: 'CANCELLED', reason: '「キャンセル済」の注文は出荷店舗を変更できません。' },
    ]);
    expect(column('SELECT store_id FROM orders ORDER BY id')).toEqual(['osaka', 'osaka', 'tokyo', 'tokyo']);
    expect(
      sqlite().prepare('SELECT order_id, kind, from_value, to_value, actor, pc_id FROM order_history').all(),
    ).toEqual([
      { order_id: open, kind: 'store', from_value: null, to_value: 'osaka', actor: 'テスト担当', pc_id: 'TEST-PC' },
    ]);
    const outbox = sqlite().prepare('SELECT entity, entity_id, kind, payload FROM sync_outbox').all() as {
      payload: string;
    }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'order', entity_id: String(open), kind: 'store' });
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({
      orderNo: 'OPEN',
      fields: { storeId: 'osaka' },
      from: null,
      to: 'osaka',
    });
  });

  it('can clear the store, and refuses an unknown store without changing anything', async () => {
    const [id] = insertOrders(sqlite(), [{ order: { storeId: 'tokyo' } }]);
    await expect(t.call('bulk:setStore', { orderIds: [id!], storeId: 'nagoya' })).rejects.toThrow(
      /出荷店舗が見つかりません/,
    );
    expect(column('SELECT store_id FROM orders')).toEqual(['tokyo']);
    expect(count('order_history') + count('sync_outbox')).toBe(0);
    expect(await t.call('bulk:setStore', { orderIds: [id!], storeId: null })).toMatchObject({ applied: 1 });
    expect(column('SELECT store_id FROM orders')).toEqual([null]);
  });
});

describe('E6/E7 落札者評価', () => {
  it('sets the rating of Yahoo! Auctions orders only, telling why the others are refused', async () => {
    const [auction, shopping, amazon] = insertOrders(sqlite(), [
      { order: { orderNo: 'YA', channel: 'yahoo_auction' } },
      { order: { orderNo: 'YS', channel: 'yahoo_shopping' } },
      { order: { orderNo: 'AZ', channel: 'amazon' } },
    ]);
    const result = await t.call('bulk:setRating', { orderIds: [auction!, shopping!, amazon!], rating: false });
    expect(result).toMatchObject({ applied: 1, unchanged: 0, refusedCount: 2 });
    expect(result.refused.map((r) => [r.orderNo, r.reason])).toEqual([
      ['YS', 'Yahoo!ショッピングの注文です。落札者評価はYahoo!オークションの注文だけに設定できます。'],
      ['AZ', 'Amazonの注文です。落札者評価はYahoo!オークションの注文だけに設定できます。'],
    ]);
    expect(column('SELECT buyer_rating FROM orders ORDER BY id')).toEqual([0, 1, 1]);
    expect(sqlite().prepare('SELECT kind, from_value, to_value FROM order_history').get()).toEqual({
      kind: 'buyer_rating',
      from_value: 'する',
      to_value: 'しない',
    });
    expect(await t.call('bulk:setRating', { orderIds: [auction!], rating: false })).toMatchObject({
      applied: 0,
      unchanged: 1,
    });
  });
});

describe('E10 サブステータス一括変更', () => {
  it('sets a sub-status on orders of its main status only and lists the others by order number', async () => {
    const [a, b, paid] = insertOrders(sqlite(), [
      { order: { orderNo: 'NEW-A' } },
      { order: { orderNo: 'NEW-B' } },
      { order: { orderNo: 'PAID' }, initial: { status: 'paid' } },
    ]);
    const check = subId('new', '要確認');
    const result = await t.call('bulk:setSubStatus', { orderIds: [a!, b!, paid!, 424242], subStatusId: check });
    expect(result).toMatchObject({ applied: 2, refusedCount: 2 });
    expect(result.refused).toEqual([
      {
        orderId: paid,
        orderNo: 'PAID',
        reason: 'サブステータス「要確認」は「新規」の注文用です（この注文は「入金済」）。',
      },
      { orderId: 424242, orderNo: '424242', reason: expect.stringContaining('見つかりません') },
    ]);
    expect(column('SELECT sub_status_id FROM orders ORDER BY id')).toEqual([check, check, null]);
    expect(column("SELECT to_value FROM order_history WHERE kind = 'sub_status'")).toEqual([
      String(check),
      String(check),
    ]);
    expect(count('sync_outbox')).toBe(2);
    // Clearing works for any main status.
    expect(await t.call('bulk:setSubStatus', { orderIds: [a!, paid!], subStatusId: null })).toMatchObject({
      applied: 1,
      unchanged: 1,
    });
  });

  it('refuses a retired or unknown sub-status before touching any order', async () => {
    const [id] = insertOrders(sqlite(), [{}]);
    const retired = subId('new', '予約商品');
    await t.call('subStatus:setRetired', { id: retired, retired: true });
    const before = count('sync_outbox');
    await expect(t.call('bulk:setSubStatus', { orderIds: [id!], subStatusId: retired })).rejects.toThrow(
      /廃止されています/,
    );
    await expect(t.call('bulk:setSubStatus', { orderIds: [id!], subStatusId: 9999 })).rejects.toThrow(/見つかりません/);
    expect(column('SELECT sub_status_id FROM orders')).toEqual([null]);
    expect(count('order_history')).toBe(0);
    expect(count('sync_outbox')).toBe(before);
  });

  it('is all or nothing: a failure on one order leaves every order, history and outbox as they were', async () => {
    const ids = insertOrders(
      sqlite(),
      Array.from({ length: 50 }, () => ({})),
    );
    // Make the 30th write fail, as a full disk or a broken row would.
    sqlite().exec(
      `CREATE TEMP TRIGGER fail_one BEFORE UPDATE OF sub_status_id ON orders WHEN NEW.id = ${ids[29]} BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    await expect(t.call('bulk:setSubStatus', { orderIds: ids, subStatusId: subId('new', '要確認') })).rejects.toThrow(
      /予期しないエラー/,
    );
    expect(column('SELECT count(*) FROM orders WHERE sub_status_id IS NOT NULL')).toEqual([0]);
    expect(count('order_history') + count('sync_outbox')).toBe(0);
  });

  it('answers a refusal of thousands of orders with the count and the first thousand', async () => {
    const ids = insertOrders(
      sqlite(),
      Array.from({ length: 1200 }, () => ({ initial: { status: 'paid' as const } })),
    );
    const result = await t.call('bulk:setSubStatus', { orderIds: ids, subStatusId: subId('new', '要確認') });
    expect(result).toMatchObject({ applied: 0, refusedCount: 1200 });
    expect(result.refused).toHaveLength(1000);
  });
});

describe('E11 メインステータス一括変更', () => {
  it('moves 新規 orders through the status engine, skipping 在庫確認済 when no payment confirmation is needed', async () => {
    const [bank, card, paid] = insertOrders(sqlite(), [
      { order: { orderNo: 'BANK', paymentMethod: 'bank_transfer' } },
      { order: { orderNo: 'CARD', paymentMethod: 'credit_card' } },
      { order: { orderNo: 'ALREADY-PAID' }, initial: { status: 'paid' } },
    ]);
    const result = await t.call('bulk:setStatus', { orderIds: [bank!, card!, paid!], target: 'stock_confirmed' });
    expect(result.applied).toBe(2);
    expect(result.refused).toEqual([
      expect.objectContaining({ orderNo: 'ALREADY-PAID', reason: expect.stringContaining('「新規」の注文のみ') }),
    ]);
    expect(column('SELECT status FROM orders ORDER BY id')).toEqual(['stock_confirmed', 'paid', 'paid']);
  });
});
