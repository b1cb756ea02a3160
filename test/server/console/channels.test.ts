import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { addAccount, runAccount, serverOrders, shipFromPc } from '../../helpers/channels.js';
import { ConsoleSessionClient } from '../../helpers/console-client.js';
import { TestClock } from '../../helpers/test-app.js';
import { RakutenFake } from '../../fakes/rakuten-fake.js';

/**
 * The console's side of the channels against the 楽天 fake (a real HTTP server standing in
 * for RMS, which cannot be reached here): the 出荷通知 queue with the channel's refusal and
 * a 管理者's retry.
 */
let s: TestServer;
let fake: RakutenFake;
let admin: ConsoleSessionClient;
let pcToken: string;
let accountId: number;
let numbers: string[];

const REFUSAL = '配送会社・お荷物伝票番号・発送日を確認してください。';

beforeAll(async () => {
  s = await startTestServer('pglite', { clock: new TestClock(new Date()) });
  await s.addStore('tokyo', '東京店');
  pcToken = await s.addPc('tokyo', '東京PC');
  fake = await new RakutenFake({ seed: 61 }).start();
  numbers = fake.addOrders(3);
  accountId = (
    await addAccount(s, {
      channel: 'rakuten',
      name: '楽天 本店',
      settings: { endpoint: `${fake.url}/es/2.0/order` },
      credentials: { serviceSecret: fake.serviceSecret, licenseKey: fake.licenseKey },
    })
  ).id;
  admin = new ConsoleSessionClient(s.url);
  await admin.signIn('admin', s.firstPassword);
}, 120_000);
afterAll(async () => {
  await fake?.close();
  await s?.close();
});

describe('console: 出荷通知', () => {
  it('shows a notice 楽天 refused with 楽天’s message, and a 管理者’s retry sends it once', async () => {
    expect((await runAccount(s, accountId)).fetched.created).toBe(3);
    const orderNo = numbers[0]!;
    fake.inject('updateOrderShipping', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({
        MessageModelList: [
          { messageType: 'ERROR', messageCode: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_004', message: REFUSAL },
        ],
      }),
    });
    await shipFromPc(s, pcToken, 'rakuten', orderNo, { carrier: 'yamato', trackingNo: '111122223333' });
    expect((await runAccount(s, accountId)).notices.refused).toBe(1);

    const refused = await admin.call('console:notices', { state: 'refused' });
    expect(refused).toEqual([
      expect.objectContaining({
        orderNo,
        accountName: '楽天 本店',
        channel: 'rakuten',
        carrier: 'yamato',
        trackingNo: '111122223333',
        state: 'refused',
        channelMessage: expect.stringContaining(REFUSAL),
      }),
    ]);
    expect(await admin.call('console:notices', { state: 'sent' })).toEqual([]);

    await admin.call('console:retryNotice', { id: refused[0]!.id });
    expect((await serverOrders(s, 'rakuten')).get(orderNo)!.shipNotice).toBe('pending');
    expect((await runAccount(s, accountId)).notices.sent).toBe(1);
    expect(fake.shipments.get(orderNo)).toEqual([expect.objectContaining({ shippingNumber: '111122223333' })]);
    expect(await admin.call('console:notices', { state: 'refused' })).toEqual([]);
    expect(await admin.call('console:notices', { state: 'sent' })).toEqual([
      expect.objectContaining({ orderNo, state: 'sent', channelMessage: '' }),
    ]);

    // The order's history names who sent it again; the audit log has the retry.
    const order = (await admin.call('console:orders', { text: orderNo }))[0]!;
    const history = (await admin.call('console:order', { id: order.id })).history;
    expect(history).toContainEqual(expect.objectContaining({ kind: 'ship_notice', actor: '本部（管理者）' }));
    const [last] = await admin.call('console:audit', { limit: 1 });
    expect(last).toMatchObject({ login: 'admin', action: '出荷通知の再送' });
  });

  it('refuses to resend a notice that was not refused, in Japanese, and sends nothing again', async () => {
    const [sent] = await admin.call('console:notices', { state: 'sent' });
    const answer = await admin.raw('console:retryNotice', { id: sent!.id });
    expect(answer.result).toEqual({
      ok: false,
      error: expect.objectContaining({ message: expect.stringMatching(/^再送できません。エラーの出荷通知だけを/) }),
    });
    await runAccount(s, accountId);
    expect(fake.shipments.get(sent!.orderNo)).toHaveLength(1);
    expect((await admin.call('console:notices', {})).map((n) => n.state)).toEqual(['sent']);
  });
});
