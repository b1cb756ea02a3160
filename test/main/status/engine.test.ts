import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { insertOrders } from '../../helpers/orders.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const sqlite = () => t.app.ctx.database.sqlite;
const statusOf = (id: number) =>
  (sqlite().prepare('SELECT status FROM orders WHERE id = ?').get(id) as { status: string }).status;
const countOf = (table: string) => (sqlite().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
/** The stock check reserves stock (S15): give the test orders' SKU enough of it. */
const stockUp = () =>
  sqlite().prepare("INSERT INTO stock (sku, store_id, on_hand) VALUES ('MG-010', 'tokyo', 100)").run();

describe('the status engine, through the operations', () => {
  it('applies to allowed orders, refuses the rest by order number and reason', async () => {
    const [a, b, c] = insertOrders(sqlite(), [
      {},
      {},
      { order: { orderNo: 'SHIPPED-1' }, initial: { status: 'shipped' } },
    ]);
    const result = await t.call('operations:cancel', { orderIds: [a!, b!, c!], reason: 'お客様都合' });
    expect(result.applied).toBe(2);
    expect(result.refused).toEqual([
      { orderId: c, orderNo: 'SHIPPED-1', reason: expect.stringContaining('「出荷済」の注文には注文取消はできません') },
    ]);
    expect([statusOf(a!), statusOf(b!), statusOf(c!)]).toEqual(['cancelled', 'cancelled', 'shipped']);
    const row = sqlite().prepare('SELECT cancel_reason, cancelled_at FROM orders WHERE id = ?').get(a) as {
      cancel_reason: string;
      cancelled_at: string;
    };
    expect(row.cancel_reason).toBe('お客様都合');
    expect(row.cancelled_at).toBe(t.clock.now().toISOString());
  });

  it('writes one history row and one outbox entry per applied order, none for refused ones', async () => {
    const [a, b] = insertOrders(sqlite(), [{}, { initial: { status: 'shipped' } }]);
    stockUp();
    await t.call('stock:check', { orderIds: [a!, b!] });
    const history = sqlite().prepare('SELECT * FROM order_history').all() as Record<string, unknown>[];
    expect(history).toEqual([
      expect.objectContaining({
        order_id: a,
        kind: 'status',
        from_value: 'new',
        to_value: 'stock_confirmed',
        actor: 'テスト担当',
        pc_id: 'TEST-PC',
      }),
    ]);
    const outbox = sqlite().prepare('SELECT * FROM sync_outbox').all() as {
      entity_id: string;
      payload: string;
      op_id: string;
    }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.entity_id).toBe(String(a));
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({ operation: 'stock_ok', from: 'new', to: 'stock_confirmed' });
  });

  it('moves a card-paid order straight to 入金済 on the stock check, a bank transfer to 在庫確認済', async () => {
    const [card, bank] = insertOrders(sqlite(), [
      { order: { paymentMethod: 'credit_card' } },
      { order: { paymentMethod: 'bank_transfer' } },
    ]);
    stockUp();
    await t.call('stock:check', { orderIds: [card!, bank!] });
    expect([statusOf(card!), statusOf(bank!)]).toEqual(['paid', 'stock_confirmed']);
  });

  it('E11 moves 新規 orders to the target and COD orders to 入金済 when the target is 在庫確認済', async () => {
    const [cod, bank, old] = insertOrders(sqlite(), [
      { order: { paymentMethod: 'cod' } },
      {},
      { initial: { status: 'paid' } },
    ]);
    const result = await t.call('bulk:setStatus', { orderIds: [cod!, bank!, old!], target: 'stock_confirmed' });
    expect(result.applied).toBe(2);
    expect(result.refused.map((r) => r.orderId)).toEqual([old]);
    expect([statusOf(cod!), statusOf(bank!), statusOf(old!)]).toEqual(['paid', 'stock_confirmed', 'paid']);
  });

  it('records the paid date, the tracking number and the ship date along the way', async () => {
    const [id] = insertOrders(sqlite(), [{ initial: { status: 'stock_confirmed' } }]);
    await t.call('operations:confirmPayment', { orderIds: [id!], paidOn: '2026-11-25' });
    await t.call('operations:registerTracking', {
      entries: [{ orderId: id!, trackingNo: '123456789012', carrier: 'yamato' }],
    });
    await t.call('operations:confirmShipment', { orderIds: [id!] });
    const row = sqlite()
      .prepare('SELECT status, paid_at, tracking_no, carrier, shipped_at FROM orders WHERE id = ?')
      .get(id);
    expect(row).toEqual({
      status: 'shipped',
      paid_at: '2026-11-24T15:00:00.000Z',
      tracking_no: '123456789012',
      carrier: 'yamato',
      shipped_at: t.clock.now().toISOString(),
    });
  });

  it('refuses tracking registration without a number', async () => {
    const [id] = insertOrders(sqlite(), [{ initial: { status: 'paid' } }]);
    await expect(
      t.call('operations:registerTracking', { entries: [{ orderId: id!, trackingNo: '', carrier: 'yamato' }] }),
    ).rejects.toThrow(/送り状番号は半角英数字/);
    expect(statusOf(id!)).toBe('paid');
  });

  it('changes nothing at all when the transaction fails half-way', async () => {
    const ids = insertOrders(
      sqlite(),
      Array.from({ length: 5 }, () => ({})),
    );
    // Make the fourth update fail inside the engine's transaction.
    sqlite().exec(
      `CREATE TRIGGER boom BEFORE UPDATE OF status ON orders WHEN NEW.id = ${ids[3]} BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    await expect(t.call('operations:cancel', { orderIds: ids, reason: 'お客様都合' })).rejects.toThrow(
      /予期しないエラー/,
    );
    expect(ids.map(statusOf)).toEqual(['new', 'new', 'new', 'new', 'new']);
    expect(countOf('order_history')).toBe(0);
    expect(countOf('sync_outbox')).toBe(0);
    expect((await t.call('orders:counts', {})).new).toBe(5);
  });

  it('rejects malformed input with a Japanese message and changes nothing', async () => {
    const [id] = insertOrders(sqlite(), [{}]);
    await expect(t.call('operations:cancel', { orderIds: [], reason: 'お客様都合' })).rejects.toThrow(
      /注文を選択してください/,
    );
    await expect(t.call('bulk:setStatus', { orderIds: [id!], target: 'explode' as never })).rejects.toThrow(
      /入力内容に誤りがあります/,
    );
    await expect(t.call('bulk:setStatus', { orderIds: [id!], target: 'new' as never })).rejects.toThrow(
      /「新規」以外から選んでください/,
    );
    await expect(t.call('operations:confirmPayment', { orderIds: [id!], paidOn: '25/11/2026' })).rejects.toThrow(
      /YYYY-MM-DD/,
    );
    expect(statusOf(id!)).toBe('new');
    expect(countOf('order_history')).toBe(0);
  });

  it('E11 to キャンセル済 needs the reason, as 注文取消 does; with it the order is cancelled with that reason', async () => {
    const [id] = insertOrders(sqlite(), [{}]);
    await expect(t.call('bulk:setStatus', { orderIds: [id!], target: 'cancelled', reason: ' ' })).rejects.toThrow(
      '取消理由を入力してください。',
    );
    expect(statusOf(id!)).toBe('new');
    expect(countOf('order_history')).toBe(0);
    expect((await t.call('bulk:setStatus', { orderIds: [id!], target: 'cancelled', reason: '重複注文' })).applied).toBe(
      1,
    );
    expect(sqlite().prepare('SELECT status, cancel_reason FROM orders WHERE id = ?').get(id)).toEqual({
      status: 'cancelled',
      cancel_reason: '重複注文',
    });
  });

  it('reports unknown order ids instead of failing the batch', async () => {
    const [id] = insertOrders(sqlite(), [{}]);
    const result = await t.call('operations:cancel', { orderIds: [id!, 99999], reason: 'お客様都合' });
    expect(result.applied).toBe(1);
    expect(result.refused[0]).toMatchObject({ orderId: 99999, reason: expect.stringContaining('見つかりません') });
  });
});

describe('order list queries', () => {
  it('counts every tab, including the mail-unsent and reminder tabs', async () => {
    insertOrders(sqlite(), [
      {},
      { initial: { status: 'paid', mailSent: false } },
      { initial: { status: 'paid', mailSent: true } },
      { order: { orderedAt: '2026-10-01T00:00:00.000Z' } },
      { order: { orderedAt: '2026-11-26T00:00:00.000Z', paymentMethod: 'credit_card' } },
      { order: { orderNo: 'JST-1121', orderedAt: '2026-11-20T15:30:00.000Z' } },
    ]);
    const counts = await t.call('orders:counts', {});
    expect(counts).toMatchObject({ new: 4, paid: 2, mail_unsent: 1, shipped: 0 });
    // Unpaid reminders count JST calendar days (today is 11-27 in Japan): the bank transfers of
    // 10-01 and of 11-20 (7 days, though only 6 days 22 hours ago) are due; the one of 11-21
    // 00:30 JST (11-20 in UTC) is not yet; the card order needs no payment confirmation.
    expect(counts.reminder).toBe(2);
    t.clock.advanceDays(1);
    expect((await t.call('orders:counts', {})).reminder).toBe(3);
  });

  it('lists a tab newest first in pages, with the total', async () => {
    insertOrders(sqlite(), [
      { order: { orderNo: 'OLD', orderedAt: '2026-11-01T00:00:00.000Z' } },
      { order: { orderNo: 'NEW', orderedAt: '2026-11-26T00:00:00.000Z' } },
      { order: { orderNo: 'MID', orderedAt: '2026-11-10T00:00:00.000Z' } },
    ]);
    const page = await t.call('orders:list', { tab: 'new', offset: 0, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.orderNo)).toEqual(['NEW', 'MID']);
    const next = await t.call('orders:list', { tab: 'new', offset: 2, limit: 2 });
    expect(next.rows.map((r) => r.orderNo)).toEqual(['OLD']);
    const byTotal = await t.call('orders:list', { tab: 'new', sort: { column: 'orderNo', direction: 'asc' } });
    expect(byTotal.rows.map((r) => r.orderNo)).toEqual(['MID', 'NEW', 'OLD']);
  });

  it('gives the detail of an order with its history, and a clear error for a missing one', async () => {
    const [id] = insertOrders(sqlite(), [{}]);
    await t.call('stock:registerShortage', { orderIds: [id!] });
    const detail = await t.call('orders:get', { id: id! });
    expect(detail.order).toMatchObject({ status: 'out_of_stock', subtotal: 3300, shippingFee: 550, total: 3850 });
    expect(detail.history).toEqual([
      expect.objectContaining({ kind: 'status', from: 'new', to: 'out_of_stock', actor: 'テスト担当' }),
    ]);
    await expect(t.call('orders:get', { id: 424242 })).rejects.toThrow(/注文が見つかりません/);
  });
});
