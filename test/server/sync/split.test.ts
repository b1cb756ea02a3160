import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRows } from '../../../src-server/db/open.js';
import type { TestServer } from '../../helpers/central-server.js';
import { serverOrders } from '../../helpers/channels.js';
import { makeOrder, TWO_LINES } from '../../helpers/orders.js';
import { closeStoreAndHeadOffice, localId, startStoreAndHeadOffice } from '../../helpers/sync-pcs.js';
import type { TestApp } from '../../helpers/test-app.js';

describe('注文分割 on a store PC reaches the central server and head office', () => {
  let server: TestServer;
  let tokyo: TestApp;
  let head: TestApp;

  beforeAll(async () => {
    ({ server, tokyo, head } = await startStoreAndHeadOffice());
  }, 60_000);
  afterAll(() => closeStoreAndHeadOffice({ server, tokyo, head }));

  it('the new order arrives by create, the original takes its remaining lines; both keep the channel number', async () => {
    await server.intake([makeOrder({ orderNo: 'SPLIT-1', storeId: 'tokyo', items: TWO_LINES, shippingFee: 550 })]);
    await tokyo.call('sync:now', {});
    const id = localId(tokyo, 'SPLIT-1')!;
    await tokyo.call('split:order', { orderId: id, lines: [{ lineNo: 1, quantity: 2 }] });
    const sent = await tokyo.call('sync:now', {});
    expect(sent.sent).toBe(2);

    const orders = await serverOrders(server, 'yahoo_shopping');
    expect(orders.get('SPLIT-1')).toMatchObject({ total: 1500 + 550, shippingFee: 550 });
    expect(orders.get('SPLIT-1-2')).toMatchObject({ total: 2000, shippingFee: 0, storeId: 'tokyo' });
    const columns = await jsonRows<{ orderNo: string; channelOrderNo: string | null; splitFrom: string | null }>(
      server.server.database.db,
      sql`SELECT order_no AS "orderNo", channel_order_no AS "channelOrderNo", split_from AS "splitFrom"
          FROM orders WHERE order_no LIKE 'SPLIT-1%' ORDER BY order_no`,
    );
    expect(columns).toEqual([
      { orderNo: 'SPLIT-1', channelOrderNo: null, splitFrom: null },
      { orderNo: 'SPLIT-1-2', channelOrderNo: 'SPLIT-1', splitFrom: 'SPLIT-1' },
    ]);
    const history = await jsonRows<{ kind: string; to: string }>(
      server.server.database.db,
      sql`SELECT h.kind, h.to_value AS "to" FROM order_history h JOIN orders o ON o.id = h.order_id
          WHERE o.order_no = 'SPLIT-1' AND h.kind = 'split'`,
    );
    expect(history).toEqual([{ kind: 'split', to: 'SPLIT-1-2' }]);

    await head.call('sync:now', {});
    const part = head.app.ctx.services.orders.get(localId(head, 'SPLIT-1-2')!)!;
    expect(part).toMatchObject({ channelOrderNo: 'SPLIT-1', splitFrom: 'SPLIT-1', total: 2000 });
    const original = head.app.ctx.services.orders.get(localId(head, 'SPLIT-1')!)!;
    expect(original.items.map((i) => i.quantity)).toEqual([1, 1]);
  });
});
