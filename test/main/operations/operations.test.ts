import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { stockOf, stockUp } from '../../helpers/stock.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const sqlite = () => t.app.ctx.database.sqlite;
const row = (id: number) =>
  sqlite()
    .prepare('SELECT status, paid_at, tracking_no, carrier, shipped_at, cancel_reason FROM orders WHERE id = ?')
    .get(id) as {
    status: string;
    paid_at: string | null;
    tracking_no: string | null;
    carrier: string | null;
    shipped_at: string | null;
    cancel_reason: string | null;
  };
const historyCount = () => sqlite().prepare('SELECT count(*) FROM order_history').pluck().get() as number;

describe('入金確認登録', () => {
  it('moves 在庫確認済 orders to 入金済 with the paid date taken as a Japanese date', async () => {
    const [id] = insertOrders(sqlite(), [{ initial: { status: 'stock_confirmed' } }]);
    const result = await t.call('operations:confirmPayment', { orderIds: [id!], paidOn: '2026-11-26' });
    expect(result).toEqual({ applied: 1, refused: [] });
    expect(row(id!)).toMatchObject({ status: 'paid', paid_at: '2026-11-25T15:00:00.000Z' });
  });

  it('refuses a date in the future or one that does not exist, and changes nothing', async () => {
    // The test clock stands at 2026-11-27 10:00 in Japan.
    const [id] = insertOrders(sqlite(), [{ initial: { status: 'stock_confirmed' } }]);
    await expect(t.call('operations:confirmPayment', { orderIds: [id!], paidOn: '2026-11-28' })).rejects.toThrow(
      /未来の日付/,
    );
    await expect(t.call('operations:confirmPayment', { orderIds: [id!], paidOn: '2026-02-30' })).rejects.toThrow(
      /存在しない日付/,
    );
    await expect(t.call('operations:confirmPayment', { orderIds: [id!], paidOn: '11/26' })).rejects.toThrow(
      /YYYY-MM-DD/,
    );
    expect(row(id!).status).toBe('stock_confirmed');
    expect(historyCount()).toBe(0);
  });

  it('lists orders that are not awaiting payment by number and reason', async () => {
    const [ok, fresh] = insertOrders(sqlite(), [
      { initial: { status: 'stock_confirmed' } },
      { order: { orderNo: 'FRESH' } },
    ]);
    const result = await t.call('operations:confirmPayment', { orderIds: [ok!, fresh!], paidOn: '2026-11-27' });
    expect(result.applied).toBe(1);
    expect(result.refused).toEqual([
      {
        orderId: fresh,
        orderNo: 'FRESH',
        reason: expect.stringContaining('「新規」の注文には入金確認登録はできません'),
      },
    ]);
  });
});

describe('送り状番号登録', () => {
  it('stores the number without dashes or full-width digits and moves the order to 出荷待ち', async () => {
    const [id] = insertOrders(sqlite(), [{ initial: { status: 'paid' } }]);
    await t.call('operations:registerTracking', {
      entries: [{ orderId: id!, carrier: 'japanpost', trackingNo: '１２３４－５６７８－９０１２' }],
    });
    expect(row(id!)).toMatchObject({ status: 'awaiting_shipment', tracking_no: '123456789012', carrier: 'japanpost' });
  });

  it('refuses a number already on another parcel, and a malformed number, changing nothing', async () => {
    const [a, b] = insertOrders(sqlite(), [
      { order: { orderNo: 'A-1' }, initial: { status: 'paid' } },
      { order: { orderNo: 'B-1' }, initial: { status: 'paid' } },
    ]);
    await t.call('operations:registerTracking', {
      entries: [{ orderId: a!, carrier: 'yamato', trackingNo: '111122223333' }],
    });
    const before = historyCount();
    const clash = await t.call('operations:registerTracking', {
      entries: [{ orderId: b!, carrier: 'yamato', trackingNo: '1111-2222-3333' }],
    });
    expect(clash.refused).toEqual([
      { orderId: b, orderNo: 'B-1', reason: expect.stringContaining('すでに注文 A-1 に登録されています') },
    ]);
    await expect(
      t.call('operations:registerTracking', { entries: [{ orderId: b!, carrier: 'yamato', trackingNo: 'あいう' }] }),
    ).rejects.toThrow(/送り状番号は半角英数字/);
    await expect(
      t.call('operations:registerTracking', {
        entries: [{ orderId: b!, carrier: 'pigeon' as never, trackingNo: '999988887777' }],
      }),
    ).rejects.toThrow(/配送業者を選んでください/);
    expect(row(b!)).toMatchObject({ status: 'paid', tracking_no: null });
    expect(historyCount()).toBe(before);
  });
});

describe('出荷確定 by scanning', () => {
  async function shipReady(orderNo: string, trackingNo: string): Promise<number> {
    const [id] = insertOrders(sqlite(), [
      { order: { orderNo }, initial: { status: 'awaiting_shipment', carrier: 'yamato', trackingNo } },
    ]);
    return id!;
  }

  it('confirms the parcel of a scanned tracking number, even one stored with dashes', async () => {
    const id = await shipReady('SCAN-1', '1234-5678-9012');
    const result = await t.call('operations:scan', { code: '123456789012' });
    expect(result).toMatchObject({ outcome: 'shipped', applied: 1, orderNos: ['SCAN-1'] });
    expect(result.message).toContain('出荷確定しました');
    expect(row(id).status).toBe('shipped');
    expect(row(id).shipped_at).toBe(t.clock.now().toISOString());
  });

  it('confirms by order number too, and says so plainly when it was already shipped', async () => {
    await shipReady('SCAN-2', '555566667777');
    expect((await t.call('operations:scan', { code: 'SCAN-2' })).outcome).toBe('shipped');
    const again = await t.call('operations:scan', { code: 'SCAN-2' });
    expect(again).toMatchObject({ outcome: 'already_shipped', applied: 0 });
    expect(again.message).toContain('すでに出荷確定済み');
  });

  it('tells apart not found, cancelled and not yet labelled, and changes nothing for them', async () => {
    const [cancelled, paid] = insertOrders(sqlite(), [
      { order: { orderNo: 'CXL-1' }, initial: { status: 'cancelled', trackingNo: '999900001111', carrier: 'sagawa' } },
      { order: { orderNo: 'PAID-9' }, initial: { status: 'paid' } },
    ]);
    expect((await t.call('operations:scan', { code: '000000000000' })).outcome).toBe('not_found');
    const cxl = await t.call('operations:scan', { code: '999900001111' });
    expect(cxl.outcome).toBe('cancelled');
    expect(cxl.message).toContain('出荷しないでください');
    const early = await t.call('operations:scan', { code: 'PAID-9' });
    expect(early).toMatchObject({ outcome: 'wrong_status' });
    expect(early.message).toContain('「入金済」');
    expect([row(cancelled!).status, row(paid!).status]).toEqual(['cancelled', 'paid']);
    expect(historyCount()).toBe(0);
  });
});

describe('注文取消', () => {
  it('needs a reason, records it and releases the reserved stock', async () => {
    stockUp(sqlite(), 'tokyo', { 'MG-010': 2 });
    const [id] = insertOrders(sqlite(), [{}]);
    await t.call('stock:check', { orderIds: [id!] });
    expect(stockOf(sqlite(), 'MG-010').reserved).toBe(2);
    await expect(t.call('operations:cancel', { orderIds: [id!], reason: '   ' })).rejects.toThrow(
      /取消理由を入力してください/,
    );
    expect(row(id!).status).toBe('stock_confirmed');
    const result = await t.call('operations:cancel', { orderIds: [id!], reason: 'お客様より取消依頼' });
    expect(result.applied).toBe(1);
    expect(row(id!)).toMatchObject({ status: 'cancelled', cancel_reason: 'お客様より取消依頼' });
    expect(stockOf(sqlite(), 'MG-010').reserved).toBe(0);
    const last = sqlite()
      .prepare('SELECT from_value, to_value, reason FROM order_history ORDER BY id DESC LIMIT 1')
      .get();
    expect(last).toEqual({ from_value: 'stock_confirmed', to_value: 'cancelled', reason: 'お客様より取消依頼' });
  });

  it('refuses shipped orders with the reason, cancelling the rest', async () => {
    const [open, shipped] = insertOrders(sqlite(), [
      {},
      { order: { orderNo: 'DONE-1' }, initial: { status: 'shipped' } },
    ]);
    const result = await t.call('operations:cancel', { orderIds: [open!, shipped!], reason: '重複注文' });
    expect(result.applied).toBe(1);
    expect(result.refused).toEqual([
      {
        orderId: shipped,
        orderNo: 'DONE-1',
        reason: expect.stringContaining('「出荷済」の注文には注文取消はできません'),
      },
    ]);
  });
});
