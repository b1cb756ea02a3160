import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src-shared/sync/protocol.js';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { serverOrders, shipFromPc } from '../../helpers/channels.js';
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

  it('the pushed mark sets 出荷通知 to 送信済（ファイル） on the server', async () => {
    await server.intake([makeOrder({ channel: 'amazon', orderNo: '503-0000001-0000001', storeId: 'tokyo' })]);
    const shipped = await shipFromPc(server, pc, 'amazon', '503-0000001-0000001', {
      carrier: 'yamato',
      trackingNo: '123456789012',
    });
    expect(shipped.results.every((x) => x.accepted)).toBe(true);
    const r = await server.request<PushResponse>(pc, 'POST', '/sync/push', {
      ops: [
        {
          opId: 'test-ship-notice-file-1',
          channel: 'amazon',
          orderNo: '503-0000001-0000001',
          kind: 'ship_notice_file',
          at: new Date().toISOString(),
          actor: { operator: '出荷担当', pcId: 'PC1', storeId: 'tokyo' },
          reason: 'F4 Amazon 出荷通知ファイル',
          from: null,
          to: 'file',
        },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.results.map((x) => x.accepted)).toEqual([true]);
    expect((await serverOrders(server, 'amazon')).get('503-0000001-0000001')?.shipNotice).toBe('file');
  });
});
