import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { accountView, addAccount, runAccount, serverOrders, shipFromPc } from '../../helpers/channels.js';
import { TestClock } from '../../helpers/test-app.js';
import { RakutenFake, rakutenTime } from '../../fakes/rakuten-fake.js';

describe('楽天 connector against its fake (RMS 楽天ペイ受注API)', () => {
  let server: TestServer;
  let fake: RakutenFake;
  let pc: string;
  let accountId: number;

  const orders = () => serverOrders(server, 'rakuten');
  const credentials = () => ({ serviceSecret: fake.serviceSecret, licenseKey: fake.licenseKey });

  beforeAll(async () => {
    server = await startTestServer('pglite', { clock: new TestClock(new Date()) });
    await server.addStore('tokyo', '東京店');
    pc = await server.addPc('tokyo', '東京PC');
    fake = await new RakutenFake({ seed: 31 }).start();
    for (const op of ['searchOrder', 'getOrder', 'updateOrderShipping']) fake.setPlan(op, { rate: 200, burst: 10 });
    const rates = { searchOrder: { rate: 200, burst: 10 }, getOrder: { rate: 200, burst: 10 } };
    accountId = (
      await addAccount(server, {
        channel: 'rakuten',
        settings: { endpoint: `${fake.url}/es/2.0/order`, pageSize: 100, rates },
        credentials: credentials(),
      })
    ).id;
  }, 60_000);
  afterAll(async () => {
    await fake?.close();
    await server?.close();
  });

  it('searches by 注文日 in pages and reads orders 100 at a time with the ESA header', async () => {
    const numbers = fake.addOrders(250);
    const run = await runAccount(server, accountId);
    expect(run).toMatchObject({ state: 'ok', fetched: { pages: 3, created: 250 } });
    expect(fake.count('getOrder')).toBe(3);
    const source = fake.orders.get(numbers[0]!)!;
    const order = (await orders()).get(numbers[0]!)!;
    expect(order.total).toBe(source.requestPrice);
    expect(order.shipName).toBe(`${source.OrdererModel!.familyName} ${source.OrdererModel!.firstName}`);
  });

  it('maps coupons and points to the discount, 代引料 to the COD fee, gift wishes to the comment', async () => {
    const all = [...fake.orders.values()];
    const stored = await orders();
    const cod = all.find((o) => o.SettlementModel?.settlementMethod === '代金引換')!;
    expect(stored.get(cod.orderNumber)).toMatchObject({ paymentMethod: 'cod', codFee: 330 });
    const discounted = all.find((o) => (o.couponAllTotalPrice ?? 0) > 0)!;
    expect(stored.get(discounted.orderNumber)!.discount).toBe(
      discounted.couponAllTotalPrice! + discounted.PointModel!.usedPoint!,
    );
    const gift = all.find((o) => o.giftCheckFlag === 1)!;
    expect(stored.get(gift.orderNumber)!.orderComment).toMatch(/【ギフト】ラッピング: 包装紙.*のし: 御祝/);
  });

  it('an order fetched twice is one order', async () => {
    const run = await runAccount(server, accountId);
    expect(run.fetched.created).toBe(0);
    expect((await orders()).size).toBe(250);
  });

  it('takes お届け日指定, お届け時間帯 and 配送方法 as the 配送希望; 午後, クール and あす楽 go to the comment', async () => {
    const [slot] = fake.addOrders(1, 1, {
      deliveryDate: '2026-12-24',
      shippingTerm: 1416,
      deliveryName: 'ヤマト宅急便',
    });
    const [morning] = fake.addOrders(1, 1, { deliveryDate: '2026-12-25', shippingTerm: 1 });
    const [afternoon] = fake.addOrders(1, 1, {
      shippingTerm: 2,
      deliveryName: 'クール便',
      deliveryClass: 3,
      asuraku: true,
    });
    expect((await runAccount(server, accountId)).fetched.created).toBe(3);
    const stored = await orders();
    expect(stored.get(slot!)).toMatchObject({
      deliveryDate: '2026-12-24',
      deliveryTimeSlot: '14-16',
      deliveryMethod: 'ヤマト宅急便',
    });
    expect(stored.get(morning!)).toMatchObject({
      deliveryDate: '2026-12-25',
      deliveryTimeSlot: 'am',
      deliveryMethod: '宅配便',
    });
    expect(stored.get(afternoon!)).toMatchObject({
      deliveryDate: '',
      deliveryTimeSlot: '',
      deliveryMethod: 'クール便',
    });
    expect(stored.get(afternoon!)!.orderComment).toContain('【配送希望】お届け時間帯: 午後 配送区分: 冷凍 あす楽希望');
    // An order without a wish has none.
    expect(stored.get([...fake.orders.keys()][0]!)).toMatchObject({ deliveryDate: '', deliveryTimeSlot: '' });
  });

  it('waits out 429, rides out 5xx and dropped connections', async () => {
    fake.addOrders(30);
    fake.inject('searchOrder', { kind: 'throttle' }, { kind: 'status', status: 500 });
    fake.inject('getOrder', { kind: 'drop' }, { kind: 'slow', ms: 300 }, { kind: 'throttle' });
    const run = await runAccount(server, accountId);
    expect(run).toMatchObject({ state: 'ok', fetched: { created: 30 } });
    expect((await orders()).size).toBe(283);
  });

  it('an old cursor is caught up in windows of 63 days', async () => {
    const old = new Date(Date.now() - 100 * 86_400_000).toISOString();
    await server.server.database.db.execute(
      sql`UPDATE channel_accounts SET cursor = ${JSON.stringify({ checkedThrough: old })}::jsonb WHERE id = ${accountId}`,
    );
    const numbers = fake.addOrders(1, 80 * 24 * 60);
    const searches = fake.count('searchOrder');
    const run = await runAccount(server, accountId);
    expect(run.fetched.created).toBe(1);
    expect(fake.count('searchOrder') - searches).toBeGreaterThanOrEqual(2);
    expect((await orders()).has(numbers[0]!)).toBe(true);
    expect(rakutenTime(Date.now())).toMatch(/\+0900$/);
  });

  it('sends 出荷確定 as updateOrderShipping with 配送会社 and お荷物伝票番号 on the basket, once', async () => {
    const orderNo = [...(await orders()).keys()][3]!;
    await shipFromPc(server, pc, 'rakuten', orderNo, { carrier: 'japanpost', trackingNo: '123412341234' });
    fake.inject('updateOrderShipping', { kind: 'status', status: 503 });
    const first = await runAccount(server, accountId);
    expect(first.notices.retried).toBe(1);
    expect((await orders()).get(orderNo)!.shipNotice).toBe('pending');
    // An hour later the notice is due again (the first wait is a minute).
    server.clock.set(new Date(Date.now() + 3_600_000).toISOString());
    const second = await runAccount(server, accountId);
    expect(second.notices.sent).toBe(1);
    const basket = fake.orders.get(orderNo)!.PackageModelList![0]!.basketId;
    expect(fake.shipments.get(orderNo)).toEqual([
      expect.objectContaining({ basketId: basket, deliveryCompany: '1003', shippingNumber: '123412341234' }),
    ]);
    expect((await orders()).get(orderNo)!.shipNotice).toBe('sent');
  });

  it('a wrong licenseKey stops this connector only, with RMS’s code in a Japanese message', async () => {
    fake.licenseKey = 'SL318822_renewed';
    fake.addOrders(1);
    const run = await runAccount(server, accountId);
    expect(run.state).toBe('stopped');
    expect(run.message).toMatch(/ES01-01.*licenseKey（90日ごとに更新が必要です）/);
    expect((await accountView(server, accountId)).state).toBe('stopped');
    await server.request(server.adminToken, 'PATCH', `/admin/channels/accounts/${accountId}`, {
      credentials: credentials(),
    });
    expect(await runAccount(server, accountId)).toMatchObject({ state: 'ok', fetched: { created: 1 } });
  });
});
