import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRows } from '../../../src-server/db/open.js';
import type { PushResponse } from '../../../src-shared/sync/protocol.js';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { serverOrders } from '../../helpers/channels.js';
import { makeOrder } from '../../helpers/orders.js';
import { TestClock } from '../../helpers/test-app.js';

describe('送付先変更 from a store PC reaches the central server', () => {
  let server: TestServer;
  let pc: string;

  beforeAll(async () => {
    server = await startTestServer('pglite', { clock: new TestClock(new Date()) });
    await server.addStore('tokyo', '東京店');
    pc = await server.addPc('tokyo', '東京PC');
  }, 60_000);
  afterAll(async () => server?.close());

  const shipTo = {
    shipName: '山田 花子',
    shipPostalCode: '150-0001',
    shipPrefecture: '東京都',
    shipAddress1: '渋谷区神宮前1-1-3',
    shipAddress2: 'コーポ101',
    shipPhone: '03-1234-5678',
  };
  const push = (opId: string, orderNo: string, fields: object) =>
    server.request<PushResponse>(pc, 'POST', '/sync/push', {
      ops: [
        {
          opId,
          channel: 'yahoo_shopping',
          orderNo,
          kind: 'ship_to',
          at: new Date().toISOString(),
          actor: { operator: '受注担当', pcId: 'PC1', storeId: 'tokyo' },
          reason: '注文詳細で変更',
          from: 'お届け先住所 千代田区丸の内1丁目2番3号',
          to: 'お届け先住所 渋谷区神宮前1-1-3',
          fields,
        },
      ],
    });

  it('the server sets the same ship-to columns and keeps the history row', async () => {
    await server.intake([makeOrder({ orderNo: 'SHIP-TO-1', storeId: 'tokyo' })]);
    const r = await push('test-ship-to-1', 'SHIP-TO-1', shipTo);
    expect(r.status).toBe(200);
    expect(r.body.results.map((x) => x.accepted)).toEqual([true]);
    expect((await serverOrders(server, 'yahoo_shopping')).get('SHIP-TO-1')).toMatchObject({
      shipName: '山田 花子',
      shipPostalCode: '150-0001',
      shipAddress1: '渋谷区神宮前1-1-3',
    });
    const history = await jsonRows<{ from: string; to: string }>(
      server.server.database.db,
      sql`SELECT h.from_value AS "from", h.to_value AS "to" FROM order_history h JOIN orders o ON o.id = h.order_id
          WHERE o.order_no = 'SHIP-TO-1' AND h.kind = 'ship_to'`,
    );
    expect(history).toEqual([{ from: 'お届け先住所 千代田区丸の内1丁目2番3号', to: 'お届け先住所 渋谷区神宮前1-1-3' }]);
  });

  it('refuses a ship-to with a prefecture that is none, leaving the order as it was', async () => {
    await server.intake([makeOrder({ orderNo: 'SHIP-TO-2', storeId: 'tokyo' })]);
    const r = await push('test-ship-to-2', 'SHIP-TO-2', { ...shipTo, shipPrefecture: '東京' });
    const accepted = r.status === 200 ? r.body.results.map((x) => x.accepted) : [false];
    expect(accepted).toEqual([false]);
    expect((await serverOrders(server, 'yahoo_shopping')).get('SHIP-TO-2')?.shipAddress1).toBe(
      '千代田区丸の内1丁目2番3号',
    );
  });
});
