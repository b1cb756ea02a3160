import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { TestClock } from '../../helpers/test-app.js';
import { accountView, addAccount, runAccount, serverOrders, shipFromPc } from '../../helpers/channels.js';
import { AmazonFake } from '../../fakes/amazon-fake.js';

describe('Amazon connector against its fake (SP-API Orders v0 + LWA)', () => {
  let server: TestServer;
  let fake: AmazonFake;
  let pc: string;
  let accountId: number;

  const settings = () => ({ endpoint: fake.url, tokenUrl: `${fake.url}/auth/o2/token` });
  const credentials = () => ({
    clientId: fake.tokens.clientId,
    clientSecret: fake.tokens.clientSecret,
    refreshToken: fake.tokens.refreshToken,
  });

  beforeAll(async () => {
    server = await startTestServer('pglite', { clock: new TestClock(new Date()) });
    await server.addStore('tokyo', '東京店');
    pc = await server.addPc('tokyo', '東京PC');
    fake = await new AmazonFake({ seed: 11 }).start();
    // This seller's usage plan is higher than the documented default; Amazon says so in
    // x-amzn-RateLimit-Limit, which the connector follows.
    fake.setPlan('getOrderItems', { rate: 200, burst: 30 });
    accountId = (await addAccount(server, { channel: 'amazon', settings: settings(), credentials: credentials() })).id;
  }, 60_000);
  afterAll(async () => {
    await fake?.close();
    await server?.close();
  });

  it('fetches new MFN orders page by page with their items, and leaves FBA orders to Amazon', async () => {
    const ids = fake.addOrders(230);
    fake.addOrders(3, { fulfillment: 'AFN' });
    const run = await runAccount(server, accountId);
    expect(run.state).toBe('ok');
    expect(run.fetched.pages).toBe(3);
    expect(run.fetched.created).toBe(230);
    const orders = await serverOrders(server, 'amazon');
    expect(orders.size).toBe(230);
    const first = fake.orders.get(ids[0]!)!;
    const stored = orders.get(ids[0]!)!;
    expect(stored.shipName).toBe(first.order.ShippingAddress!.Name);
    expect(stored.storeId).toBe('tokyo');
    const items = first.items.reduce((t, i) => t + Number(i.ItemPrice!.Amount), 0);
    const promotion = Number(first.items[0]!.PromotionDiscount!.Amount);
    expect(stored.total).toBe(items + 500 + stored.codFee - promotion);
    expect(fake.count('getOrderItems')).toBe(230);
    expect(fake.tokens.refreshes).toBe(1);
  });

  it('fetches nothing twice: a second run asks only what changed since the cursor', async () => {
    const before = fake.count('getOrderItems');
    const run = await runAccount(server, accountId);
    expect(run.fetched.created).toBe(0);
    expect(fake.count('getOrderItems')).toBe(before);
  });

  it('sends 出荷確定 back as confirmShipment with the carrier code, once', async () => {
    const orderNo = [...(await serverOrders(server, 'amazon')).keys()][0]!;
    const pushed = await shipFromPc(server, pc, 'amazon', orderNo, { carrier: 'yamato', trackingNo: '123456789012' });
    expect(pushed.results.at(-1)!.accepted).toBe(true);
    expect((await serverOrders(server, 'amazon')).get(orderNo)!.shipNotice).toBe('pending');
    const run = await runAccount(server, accountId);
    expect(run.notices.sent).toBe(1);
    expect(fake.shipments.get(orderNo)).toEqual([
      expect.objectContaining({ carrierCode: 'Yamato Transport', trackingNumber: '123456789012' }),
    ]);
    expect((await serverOrders(server, 'amazon')).get(orderNo)!.shipNotice).toBe('sent');
    await runAccount(server, accountId);
    expect(fake.shipments.get(orderNo)).toHaveLength(1);
    expect((await accountView(server, accountId)).notices).toMatchObject({ sent: 1, pending: 0 });
  });
});
