import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src-shared/sync/protocol.js';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { addAccount, runAccount, serverOrders, shipFromPc } from '../../helpers/channels.js';
import { RakutenFake } from '../../fakes/rakuten-fake.js';
import { makeOrder } from '../../helpers/orders.js';
import { TestClock } from '../../helpers/test-app.js';

describe('出荷通知ファイル from a store PC reaches the central server', () => {
  let server: TestServer;
  let pc: string;

  beforeAll(async () => {
    server = await startTestServer('pglite', { clock: new TestClock(new Date()) });
    await server.addStore('tokyo', '東京店');
    pc = await server.addPc('tokyo', '東京PC');
  }, 60_000);
  afterAll(async () => server?.close());

  const fileMark = (opId: string, channel: string, orderNo: string) =>
    server.request<PushResponse>(pc, 'POST', '/sync/push', {
      ops: [
        {
          opId,
          channel,
          orderNo,
          kind: 'ship_notice_file',
          at: new Date().toISOString(),
          actor: { operator: '出荷担当', pcId: 'PC1', storeId: 'tokyo' },
          reason: 'F4 出荷通知ファイル',
          from: null,
          to: 'file',
        },
      ],
    });

  it('the pushed mark sets 出荷通知 to 送信済（ファイル） on the server', async () => {
    await server.intake([makeOrder({ channel: 'amazon', orderNo: '503-0000001-0000001', storeId: 'tokyo' })]);
    const shipped = await shipFromPc(server, pc, 'amazon', '503-0000001-0000001', {
      carrier: 'yamato',
      trackingNo: '123456789012',
    });
    expect(shipped.results.every((x) => x.accepted)).toBe(true);
    const r = await fileMark('test-ship-notice-file-1', 'amazon', '503-0000001-0000001');
    expect(r.status).toBe(200);
    expect(r.body.results.map((x) => x.accepted)).toEqual([true]);
    expect((await serverOrders(server, 'amazon')).get('503-0000001-0000001')?.shipNotice).toBe('file');
  });

  it('a notice queued for the channel API is withdrawn when the store reports the shipment by file: the channel hears once', async () => {
    const fake = await new RakutenFake({ seed: 7 }).start();
    try {
      const account = await addAccount(server, {
        channel: 'rakuten',
        settings: { endpoint: `${fake.url}/es/2.0/order`, pageSize: 100 },
        credentials: { serviceSecret: fake.serviceSecret, licenseKey: fake.licenseKey },
      });
      const [orderNo] = fake.addOrders(1);
      await runAccount(server, account.id);
      await shipFromPc(server, pc, 'rakuten', orderNo!, { carrier: 'japanpost', trackingNo: '223412341234' });
      expect((await serverOrders(server, 'rakuten')).get(orderNo!)?.shipNotice).toBe('pending');

      const r = await fileMark('test-ship-notice-file-2', 'rakuten', orderNo!);
      expect(r.body.results.map((x) => x.accepted)).toEqual([true]);
      expect((await serverOrders(server, 'rakuten')).get(orderNo!)?.shipNotice).toBe('file');
      const run = await runAccount(server, account.id);
      expect(run.notices.sent).toBe(0);
      expect(fake.count('updateOrderShipping')).toBe(0);
      expect(fake.shipments.get(orderNo!)).toBeUndefined();
    } finally {
      await fake.close();
    }
  });
});
