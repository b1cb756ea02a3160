import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../helpers/central-server.js';
import { runAccount, serverOrders, shipFromPc, stockUp } from '../../helpers/channels.js';
import { closeOAuthConnector, startOAuthConnector } from '../../helpers/oauth-connector.js';
import { YahooFake } from '../../fakes/yahoo-fake.js';

/** This test seller's agreed pace: faster than one query a second, so the suite stays short. */
const PACE = { rate: 100, burst: 5 };

describe('Yahoo!ショッピング connector against its fake (注文検索 / 注文詳細 / 出荷ステータス変更)', () => {
  let server: TestServer;
  let fake: YahooFake;
  let pc: string;
  let accountId: number;

  const orders = () => serverOrders(server, 'yahoo_shopping');

  beforeAll(async () => {
    const yahoo = new YahooFake({ seed: 21 });
    for (const op of ['orderList', 'orderInfo', 'orderShipStatusChange']) yahoo.setPlan(op, PACE);
    const suite = await startOAuthConnector(
      yahoo,
      {
        channel: 'yahoo_shopping',
        settings: ({ url, sellerId }) => ({
          endpoint: `${url}/ShoppingWebService/V1`,
          tokenUrl: `${url}/yconnect/v2/token`,
          sellerId,
          pageSize: 50,
          rates: { orderList: PACE, orderInfo: PACE, orderShipStatusChange: PACE },
        }),
      },
      { pc: true },
    );
    ({ server, fake, accountId } = suite);
    pc = suite.pc!;
  }, 60_000);
  afterAll(() => closeOAuthConnector({ server, fake }));

  it('searches by order time page by page and reads each new order in detail', async () => {
    const ids = fake.addOrders(120);
    const run = await runAccount(server, accountId);
    expect(run).toMatchObject({ state: 'ok', fetched: { pages: 3, created: 120 } });
    const source = fake.orders.get(ids[0]!)!;
    const order = (await orders()).get(ids[0]!)!;
    expect(order.shipName).toBe(`${source.Ship!.ShipLastName} ${source.Ship!.ShipFirstName}`);
    expect(order.shipPostalCode).toMatch(/^\d{3}-\d{4}$/);
    expect(order.total).toBe(Number(source.Detail!.TotalPrice));
    expect(fake.count('orderInfo') - (fake.throttled.get('orderInfo') ?? 0)).toBe(120);
  });

  it('maps payments, points, fees and gift wishes onto the order', async () => {
    const all = [...fake.orders.values()];
    const cod = all.find((o) => o.Pay?.PayMethod === 'payment_d1')!;
    const gift = all.find((o) => o.Ship?.NeedGiftWrap === 'true')!;
    const stored = await orders();
    expect(stored.get(cod.OrderId)).toMatchObject({ paymentMethod: 'cod', codFee: 330 });
    const withPoints = all.find((o) => Number(o.Detail!.UsePoint) > 0)!;
    expect(stored.get(withPoints.OrderId)!.discount).toBe(Number(withPoints.Detail!.UsePoint));
    expect(stored.get(gift.OrderId)!.orderComment).toContain('【ギフト】包装: ギフトボックス');
    const wished = all.find((o) => o.Ship?.ShipRequestDate)!;
    const day = wished.Ship!.ShipRequestDate!;
    expect(stored.get(wished.OrderId)).toMatchObject({
      deliveryDate: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`,
      deliveryTimeSlot: '14-16',
      deliveryMethod: '宅急便',
    });
  });

  it('reads again only orders whose LastUpdateTime moved', async () => {
    const before = fake.count('orderInfo');
    expect((await runAccount(server, accountId)).fetched.created).toBe(0);
    expect(fake.count('orderInfo')).toBe(before);
    expect(fake.count('orderList')).toBeGreaterThan(0);
  });

  it('waits out one-query-a-second refusals (429) without losing an order', async () => {
    fake.setPlan('orderInfo', { rate: 1, burst: 1 });
    fake.addOrders(3);
    const run = await runAccount(server, accountId);
    expect(run).toMatchObject({ state: 'ok', fetched: { created: 3 } });
    expect(fake.throttled.get('orderInfo') ?? 0).toBeGreaterThan(0);
    fake.setPlan('orderInfo', PACE);
  });

  it('renews an expired access token (401 invalid_token) once', async () => {
    fake.addOrders(2);
    const refreshes = fake.tokens.refreshes;
    fake.tokens.expireAll();
    expect((await runAccount(server, accountId)).fetched.created).toBe(2);
    expect(fake.tokens.refreshes).toBe(refreshes + 1);
  });

  it('rides out 5xx, a dropped connection and a page served twice', async () => {
    fake.addOrders(80);
    fake.inject('orderList', { kind: 'status', status: 502 }, { kind: 'slow', ms: 0 }, { kind: 'repeat-page' });
    fake.inject('orderInfo', { kind: 'drop' }, { kind: 'slow', ms: 200 });
    expect((await runAccount(server, accountId)).state).toBe('ok');
    expect((await orders()).size).toBe(205);
  });

  it('a cancellation of an untouched order cancels it; of an order the store moved on, is a conflict', async () => {
    const [untouched, started] = [...(await orders()).keys()];
    await stockUp(server, 'yahoo_shopping', started!);
    await server.request(pc, 'POST', '/sync/push', {
      ops: [
        {
          opId: `op-stock-${started}`,
          channel: 'yahoo_shopping',
          orderNo: started,
          kind: 'status',
          at: new Date().toISOString(),
          actor: { operator: '店員', pcId: 'PC1', storeId: 'tokyo' },
          operation: 'stock_ok',
        },
      ],
    });
    fake.update(untouched!, (o) => (o.OrderStatus = '4'));
    fake.update(started!, (o) => (o.OrderStatus = '4'));
    const run = await runAccount(server, accountId);
    expect(run.fetched).toMatchObject({ changed: 1, conflicts: 1 });
    const stored = await orders();
    expect(stored.get(untouched!)!.status).toBe('cancelled');
    expect(stored.get(started!)!.status).not.toBe('cancelled');
    expect(stored.get(started!)!.channelNote).toMatch(/Yahoo!ショッピングで注文がキャンセルされました/);
    const conflicts = await server.request<{ orderNo: string }[]>(
      server.adminToken,
      'GET',
      '/admin/channels/conflicts',
    );
    expect(conflicts.body.map((c) => c.orderNo)).toEqual([started]);
  });

  it('an address edit before the label follows; after the label it is a conflict', async () => {
    const keys = [...(await orders()).keys()];
    const [before, after] = [keys[5]!, keys[6]!];
    await shipFromPc(server, pc, 'yahoo_shopping', after, { carrier: 'yamato', trackingNo: '987654321098' });
    const move = (o: Parameters<Parameters<YahooFake['update']>[1]>[0]) => {
      o.Ship = {
        ...o.Ship,
        ShipCity: '札幌市中央区',
        ShipAddress1: '北一条西2丁目1番地',
        ShipPrefecture: '北海道',
        ShipZipCode: '0600001',
      };
    };
    fake.update(before, move);
    fake.update(after, move);
    await runAccount(server, accountId);
    const stored = await orders();
    expect(stored.get(before)).toMatchObject({
      shipAddress1: '札幌市中央区北一条西2丁目1番地',
      shipPostalCode: '060-0001',
    });
    expect(stored.get(after)!.shipAddress1).not.toContain('札幌');
    expect(stored.get(after)!.channelNote).toMatch(/送り先が変更されました/);
  });

  it('sends 出荷確定 with ShipCompanyCode, 送り状番号 and 出荷日 once, even when the answer is lost', async () => {
    const shipped = [...(await orders()).keys()][10]!;
    await shipFromPc(server, pc, 'yahoo_shopping', shipped, { carrier: 'sagawa', trackingNo: '400098765432' });
    fake.inject('orderShipStatusChange', { kind: 'drop-after' });
    expect((await runAccount(server, accountId)).notices.sent).toBe(1);
    expect(fake.shipments.get(shipped)).toEqual([
      expect.objectContaining({ shipCompanyCode: '1002', invoiceNumber: '400098765432' }),
    ]);
    expect((await orders()).get(shipped)!.shipNotice).toBe('sent');
  });

  it('a refused notice keeps Yahoo!’s message and shows エラー', async () => {
    const cancelled = [...(await orders()).keys()][11]!;
    fake.orders.get(cancelled)!.OrderStatus = '4';
    await shipFromPc(server, pc, 'yahoo_shopping', cancelled, { carrier: 'yamato', trackingNo: '400098765433' });
    expect((await runAccount(server, accountId)).notices.refused).toBe(1);
    const order = (await orders()).get(cancelled)!;
    expect(order.shipNotice).toBe('error');
    expect(order.channelNote).toContain('Cannot Be Operated');
  });

  it('px-04102 (authorization to be done again) stops the connector with a Japanese message', async () => {
    fake.addOrders(1);
    fake.inject('orderList', {
      kind: 'status',
      status: 401,
      body: '<Error><Message>AccessToken has been expired. This API session is shorter than another API.</Message><Code>px-04102</Code></Error>',
    });
    const run = await runAccount(server, accountId);
    expect(run.state).toBe('stopped');
    expect(run.message).toMatch(/px-04102.*Yahoo! ID連携の認可をやり直し/);
  });
});
