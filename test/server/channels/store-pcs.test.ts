import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { addAccount, runAccount } from '../../helpers/channels.js';
import { closePc, connectedPc, localId } from '../../helpers/sync-pcs.js';
import { TestClock, type TestApp } from '../../helpers/test-app.js';
import { RakutenFake } from '../../fakes/rakuten-fake.js';

/**
 * 楽天 → server → two store PCs of one store (in this process, over real HTTP): 出荷確定 by scan
 * at one PC reaches 楽天 once per order (a bundle's members each), and both PCs show each
 * order's 出荷通知 in the list and in F12, and the 配送希望 the buyer chose at 楽天.
 */
describe('channel orders at the store PCs, and their 出荷通知 coming back', () => {
  let server: TestServer;
  let fake: RakutenFake;
  let pc1: TestApp & { token: string };
  let pc2: TestApp & { token: string };
  let accountId: number;
  let numbers: string[];

  beforeAll(async () => {
    server = await startTestServer('pglite', { clock: new TestClock(new Date()) });
    await server.addStore('tokyo', '東京店');
    fake = await new RakutenFake({ seed: 51 }).start();
    numbers = fake.addOrders(4);
    // The second order is the first buyer's again, to the same address: one parcel (F10).
    const [first, second] = [fake.orders.get(numbers[0]!)!, fake.orders.get(numbers[1]!)!];
    second.OrdererModel = { ...first.OrdererModel };
    second.PackageModelList![0]!.SenderModel = { ...first.PackageModelList![0]!.SenderModel };
    // The third buyer chose a day and 19時～21時 at checkout.
    Object.assign(fake.orders.get(numbers[2]!)!, { deliveryDate: '2026-12-24', shippingTerm: 1921 });
    accountId = (
      await addAccount(server, {
        channel: 'rakuten',
        settings: { endpoint: `${fake.url}/es/2.0/order` },
        credentials: { serviceSecret: fake.serviceSecret, licenseKey: fake.licenseKey },
      })
    ).id;
    pc1 = await connectedPc(server, 'tokyo', '東京PC1');
    pc2 = await connectedPc(server, 'tokyo', '東京PC2');
  }, 60_000);
  afterAll(async () => {
    if (pc1) closePc(pc1);
    if (pc2) closePc(pc2);
    await fake?.close();
    await server?.close();
  });

  const row = async (pc: TestApp, orderNo: string) => {
    const page = await pc.call('orders:list', { tab: 'shipped', offset: 0, limit: 100 });
    return page.rows.find((r) => r.orderNo === orderNo);
  };

  it('orders fetched from 楽天 reach both PCs without a 出荷通知 yet', async () => {
    expect((await runAccount(server, accountId)).fetched.created).toBe(4);
    await pc1.call('sync:now', {});
    await pc2.call('sync:now', {});
    for (const no of numbers) expect(localId(pc2, no)).toBeDefined();
    const detail = await pc2.call('detail:get', { id: localId(pc2, numbers[0]!)! });
    expect(detail.order.shipNotice).toBeNull();
    const wished = await pc2.call('detail:get', { id: localId(pc2, numbers[2]!)! });
    expect(wished.order).toMatchObject({
      deliveryDate: '2026-12-24',
      deliveryTimeSlot: '19-21',
      deliveryMethod: '宅配便',
    });
  });

  it('出荷確定 by scan at PC1 reaches 楽天 once per order, a bundle’s members each, and PC2 shows 送信済', async () => {
    const ids = numbers.slice(0, 3).map((no) => localId(pc1, no)!);
    await pc1.call('bulk:setStatus', { orderIds: ids, target: 'paid' });
    await pc1.call('bundle:create', { orderIds: [ids[0]!, ids[1]!] });
    await pc1.call('operations:registerTracking', {
      entries: [
        { orderId: ids[0]!, carrier: 'yamato', trackingNo: '111122223333' },
        { orderId: ids[2]!, carrier: 'sagawa', trackingNo: '444455556666' },
      ],
    });
    expect((await pc1.call('operations:scan', { code: '111122223333' })).applied).toBe(2);
    expect((await pc1.call('operations:scan', { code: '4444-5555-6666' })).applied).toBe(1);
    await pc1.call('sync:now', {});
    const run = await runAccount(server, accountId);
    expect(run.notices.sent).toBe(3);
    expect(fake.shipments.get(numbers[0]!)).toEqual([
      expect.objectContaining({ shippingNumber: '111122223333', deliveryCompany: '1001' }),
    ]);
    expect(fake.shipments.get(numbers[1]!)).toEqual([expect.objectContaining({ shippingNumber: '111122223333' })]);
    expect(fake.shipments.get(numbers[2]!)).toEqual([
      expect.objectContaining({ shippingNumber: '444455556666', deliveryCompany: '1002' }),
    ]);
    await pc2.call('sync:now', {});
    for (const no of numbers.slice(0, 3)) expect((await row(pc2, no))?.shipNotice).toBe('sent');
    await runAccount(server, accountId);
    expect([...fake.shipments.values()].flat()).toHaveLength(3);
  });

  it('a refusal shows エラー with 楽天’s message in F12 at the PCs', async () => {
    const orderNo = numbers[3]!;
    fake.inject('updateOrderShipping', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({
        MessageModelList: [
          {
            messageType: 'ERROR',
            messageCode: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_004',
            message: '配送会社・お荷物伝票番号・発送日を確認してください。',
          },
        ],
      }),
    });
    const id = localId(pc1, orderNo)!;
    await pc1.call('bulk:setStatus', { orderIds: [id], target: 'paid' });
    await pc1.call('operations:registerTracking', {
      entries: [{ orderId: id, carrier: 'japanpost', trackingNo: '777788889999' }],
    });
    await pc1.call('operations:scan', { code: '777788889999' });
    await pc1.call('sync:now', {});
    expect((await runAccount(server, accountId)).notices.refused).toBe(1);
    await pc2.call('sync:now', {});
    const detail = await pc2.call('detail:get', { id: localId(pc2, orderNo)! });
    expect(detail.order.shipNotice).toBe('error');
    expect(detail.order.channelNote).toMatch(/^出荷通知エラー: ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_004/);
    expect(detail.history.map((h) => h.kind)).toContain('ship_notice');
  });

  it('head office sends the refused notice again: 送信済, and the error leaves the note', async () => {
    const orderNo = numbers[3]!;
    const refused = await server.request<{ id: number; orderNo: string; channelMessage: string }[]>(
      server.adminToken,
      'GET',
      '/admin/channels/notices?state=refused',
    );
    expect(refused.body).toEqual([
      expect.objectContaining({ orderNo, channelMessage: expect.stringContaining('ERROR_004') }),
    ]);
    const retried = await server.request(
      server.adminToken,
      'POST',
      `/admin/channels/notices/${refused.body[0]!.id}/retry`,
    );
    expect(retried.status).toBe(200);
    expect((await runAccount(server, accountId)).notices.sent).toBe(1);
    expect(fake.shipments.get(orderNo)).toHaveLength(1);
    await pc2.call('sync:now', {});
    const detail = await pc2.call('detail:get', { id: localId(pc2, orderNo)! });
    expect(detail.order).toMatchObject({ shipNotice: 'sent', channelNote: '' });
  });
});
