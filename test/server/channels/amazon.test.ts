import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../src-server/db/open.js';
import type { TestServer } from '../../helpers/central-server.js';
import { accountView, runAccount, serverOrders, shipFromPc } from '../../helpers/channels.js';
import { closeOAuthConnector, oauthLogin, startOAuthConnector } from '../../helpers/oauth-connector.js';
import { AmazonFake } from '../../fakes/amazon-fake.js';

describe('Amazon connector against its fake (SP-API Orders v0 + Login with Amazon)', () => {
  let server: TestServer;
  let fake: AmazonFake;
  let pc: string;
  let accountId: number;

  const credentials = () => oauthLogin(fake.tokens);
  const orders = () => serverOrders(server, 'amazon');

  beforeAll(async () => {
    const amazon = new AmazonFake({ seed: 11 });
    // This seller's usage plan is higher than the documented default; Amazon says so in
    // x-amzn-RateLimit-Limit, which the connector follows.
    amazon.setPlan('getOrderItems', { rate: 200, burst: 30 });
    amazon.setPlan('getOrder', { rate: 200, burst: 30 });
    amazon.setPlan('getOrders', { rate: 50, burst: 20 });
    const suite = await startOAuthConnector(
      amazon,
      { channel: 'amazon', settings: ({ url }) => ({ endpoint: url, tokenUrl: `${url}/auth/o2/token` }) },
      { pc: true },
    );
    ({ server, fake, accountId } = suite);
    pc = suite.pc!;
  }, 60_000);
  afterAll(() => closeOAuthConnector({ server, fake }));

  it('fetches new MFN orders page by page with their items, and leaves FBA orders to Amazon', async () => {
    const ids = fake.addOrders(230);
    fake.addOrders(3, { fulfillment: 'AFN' });
    const run = await runAccount(server, accountId);
    expect(run).toMatchObject({ state: 'ok', fetched: { pages: 3, created: 230 } });
    const stored = await orders();
    expect(stored.size).toBe(230);
    const first = fake.orders.get(ids[0]!)!;
    const order = stored.get(ids[0]!)!;
    expect(order).toMatchObject({ shipName: first.order.ShippingAddress!.Name, storeId: 'tokyo', shipNotice: null });
    const goods = first.items.reduce((t, i) => t + Number(i.ItemPrice!.Amount), 0);
    expect(order.total).toBe(goods + 500 + order.codFee - Number(first.items[0]!.PromotionDiscount!.Amount));
    expect(order.paymentMethod).toBe(first.order.PaymentMethod === 'COD' ? 'cod' : 'amazon_pay');
    expect(fake.count('getOrderItems') - (fake.throttled.get('getOrderItems') ?? 0)).toBe(230);
    expect(fake.tokens.refreshes).toBe(1);
  });

  it('asks a second run only what changed since the cursor', async () => {
    const items = fake.count('getOrderItems');
    expect((await runAccount(server, accountId)).fetched.created).toBe(0);
    expect(fake.count('getOrderItems')).toBe(items);
  });

  it('keeps to the usage plan: waits out 429 QuotaExceeded answers and loses no order', async () => {
    fake.addOrders(40);
    fake.inject('getOrders', { kind: 'throttle' }, { kind: 'throttle' });
    fake.inject('getOrderItems', { kind: 'throttle' }, { kind: 'throttle' }, { kind: 'throttle' });
    const run = await runAccount(server, accountId);
    expect(run).toMatchObject({ state: 'ok', fetched: { created: 40 } });
    expect(fake.throttled.get('getOrderItems')).toBeGreaterThanOrEqual(3);
    expect((await orders()).size).toBe(270);
  });

  it('renews an expired access token once and carries on', async () => {
    fake.addOrders(5);
    const refreshes = fake.tokens.refreshes;
    fake.tokens.expireAll();
    expect((await runAccount(server, accountId)).fetched.created).toBe(5);
    expect(fake.tokens.refreshes).toBe(refreshes + 1);
  });

  it('rides out 5xx, slow answers, dropped connections and a page served twice: each order stored once', async () => {
    fake.addOrders(150);
    // Page 1 after a 503; page 2 first answered with page 1 again, then as it should be.
    fake.inject('getOrders', { kind: 'status', status: 503 }, { kind: 'slow', ms: 0 }, { kind: 'repeat-page' });
    fake.inject('getOrderItems', { kind: 'drop' }, { kind: 'slow', ms: 300 }, { kind: 'status', status: 500 });
    const run = await runAccount(server, accountId);
    expect(run.state).toBe('ok');
    expect((await orders()).size).toBe(425);
    const [dupes] = await rows<{ n: number }>(
      server.server.database.db,
      sql`SELECT count(*)::int AS n FROM (SELECT order_no FROM orders GROUP BY channel, order_no HAVING count(*) > 1) d`,
    );
    expect(dupes!.n).toBe(0);
  });

  it('a page that keeps failing ends the run without moving the cursor; the next run gets everything', async () => {
    fake.addOrders(120);
    const cursor = async () =>
      (
        await rows<{ cursor: unknown }>(
          server.server.database.db,
          sql`SELECT cursor FROM channel_accounts WHERE id = ${accountId}`,
        )
      )[0]!.cursor;
    const before = await cursor();
    // The first page comes; the second keeps failing (500 on every try).
    fake.inject(
      'getOrders',
      { kind: 'slow', ms: 0 },
      ...Array.from({ length: 4 }, () => ({ kind: 'status' as const, status: 500 })),
    );
    const failed = await runAccount(server, accountId);
    expect(failed.state).toBe('failing');
    expect(failed.message).toMatch(/Amazon/);
    expect(await cursor()).toEqual(before);
    expect((await runAccount(server, accountId)).state).toBe('ok');
    expect((await orders()).size).toBe(545);
  });

  it('takes お届け日時指定便’s window as the 配送希望 in Japan time, お急ぎ便 as the 配送方法, gift wrapping to the comment', async () => {
    const [scheduled] = fake.addOrders(1, {
      delivery: { category: 'Scheduled', window: ['2026-12-24T14:00:00+09:00', '2026-12-24T16:00:00+09:00'] },
    });
    // Given in UTC: 8時～12時 on the 25th in Japan.
    const [morning] = fake.addOrders(1, {
      delivery: { category: 'Scheduled', window: ['2026-12-24T23:00:00Z', '2026-12-25T03:00:00Z'] },
    });
    const [odd] = fake.addOrders(1, {
      delivery: { category: 'Scheduled', window: ['2026-12-26T10:00:00+09:00', '2026-12-26T13:00:00+09:00'] },
    });
    const [expedited] = fake.addOrders(1, { delivery: { category: 'Expedited' } });
    expect((await runAccount(server, accountId)).fetched.created).toBe(4);
    const stored = await orders();
    expect(stored.get(scheduled!)).toMatchObject({
      deliveryDate: '2026-12-24',
      deliveryTimeSlot: '14-16',
      deliveryMethod: 'お届け日時指定便',
    });
    expect(stored.get(morning!)).toMatchObject({ deliveryDate: '2026-12-25', deliveryTimeSlot: 'am' });
    expect(stored.get(odd!)).toMatchObject({ deliveryDate: '2026-12-26', deliveryTimeSlot: '' });
    expect(stored.get(odd!)!.orderComment).toContain('【配送希望】お届け時間帯 10時～13時');
    // Amazon's committed delivery window (EarliestDeliveryDate …) is no wish of the buyer's.
    expect(stored.get(expedited!)).toMatchObject({
      deliveryDate: '',
      deliveryTimeSlot: '',
      deliveryMethod: 'お急ぎ便',
    });
    const gift = [...fake.orders.values()].find((o) => o.items[0]!.IsGift === 'true')!;
    expect(stored.get(gift.order.AmazonOrderId)!.orderComment).toBe(
      '【ギフト】包装: ギフト包装 メッセージ: お誕生日おめでとう',
    );
  });

  it('sends 出荷確定 back as confirmShipment with the carrier code, once', async () => {
    const orderNo = [...(await orders()).keys()][0]!;
    const pushed = await shipFromPc(server, pc, 'amazon', orderNo, { carrier: 'yamato', trackingNo: '123456789012' });
    expect(pushed.results.at(-1)!.accepted).toBe(true);
    expect((await orders()).get(orderNo)!.shipNotice).toBe('pending');
    const run = await runAccount(server, accountId);
    expect(run.notices.sent).toBe(1);
    expect(fake.shipments.get(orderNo)).toEqual([
      expect.objectContaining({ carrierCode: 'Yamato Transport', trackingNumber: '123456789012' }),
    ]);
    expect((await orders()).get(orderNo)!.shipNotice).toBe('sent');
    await runAccount(server, accountId);
    expect(fake.shipments.get(orderNo)).toHaveLength(1);
  });

  it('a lost answer is asked of Amazon before anything is resent: still once', async () => {
    const orderNo = [...(await orders()).keys()][1]!;
    await shipFromPc(server, pc, 'amazon', orderNo, { carrier: 'sagawa', trackingNo: '400012345678' });
    fake.inject('confirmShipment', { kind: 'drop-after' });
    const run = await runAccount(server, accountId);
    expect(run.notices.sent).toBe(1);
    expect(fake.shipments.get(orderNo)).toHaveLength(1);
    expect((await orders()).get(orderNo)!.shipNotice).toBe('sent');
  });

  it('keeps Amazon’s refusal with its message and shows エラー', async () => {
    const orderNo = [...(await orders()).keys()][2]!;
    // Cancelled at Amazon a moment ago: the notice is refused before any fetch saw it.
    fake.orders.get(orderNo)!.order.OrderStatus = 'Canceled';
    await shipFromPc(server, pc, 'amazon', orderNo, { carrier: 'japanpost', trackingNo: '123456789013' });
    const run = await runAccount(server, accountId);
    const order = (await orders()).get(orderNo)!;
    expect(order.shipNotice).toBe('error');
    expect(order.channelNote).toContain('canceled');
    expect(run.notices.refused).toBe(1);
    expect((await accountView(server, accountId)).notices.refused).toBe(1);
  });

  it('a revoked refresh token stops this connector with a Japanese message; new credentials start it again', async () => {
    fake.tokens.refreshToken = 'Atzr|rotated';
    fake.tokens.expireAll();
    fake.addOrders(2);
    const stopped = await runAccount(server, accountId);
    expect(stopped.state).toBe('stopped');
    expect(stopped.message).toMatch(/認証情報.*invalid_grant.*登録し直してください/);
    expect(stopped.message).not.toContain('Atzr|');
    expect((await runAccount(server, accountId)).skipped).toBe(true);
    const patched = await server.request(server.adminToken, 'PATCH', `/admin/channels/accounts/${accountId}`, {
      credentials: { ...credentials(), refreshToken: 'Atzr|rotated' },
    });
    expect(patched.status).toBe(200);
    expect(JSON.stringify(patched.body)).not.toContain('Atzr|rotated');
    expect(await runAccount(server, accountId)).toMatchObject({ state: 'ok', fetched: { created: 2 } });
  });
});
