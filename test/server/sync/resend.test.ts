import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRows } from '../../../src-server/db/open.js';
import type { TestServer } from '../../helpers/central-server.js';
import { serverOrders } from '../../helpers/channels.js';
import { makeOrder, TWO_LINES } from '../../helpers/orders.js';
import { closeStoreAndHeadOffice, localId, startStoreAndHeadOffice } from '../../helpers/sync-pcs.js';
import type { TestApp } from '../../helpers/test-app.js';

describe('再送注文 on a store PC reaches the central server and head office', () => {
  let server: TestServer;
  let tokyo: TestApp;
  let head: TestApp;

  beforeAll(async () => {
    ({ server, tokyo, head } = await startStoreAndHeadOffice());
  }, 60_000);
  afterAll(() => closeStoreAndHeadOffice({ server, tokyo, head }));

  it('the ¥0 order arrives by create, reserved at the server; the shipped order records it', async () => {
    await server.intakeStock([
      ['MG-010', 'tokyo', 10],
      ['PL-020', 'tokyo', 5],
    ]);
    await server.intake([
      makeOrder({
        orderNo: 'RESEND-1',
        storeId: 'tokyo',
        items: TWO_LINES,
        shippingFee: 550,
        paymentMethod: 'bank_transfer',
      }),
    ]);
    await tokyo.call('sync:now', {});
    const id = localId(tokyo, 'RESEND-1')!;
    await tokyo.call('stock:check', { orderIds: [id] });
    await tokyo.call('operations:confirmPayment', { orderIds: [id], paidOn: '2026-11-21' });
    await tokyo.call('operations:registerTracking', {
      entries: [{ orderId: id, carrier: 'yamato', trackingNo: '1111-2222-3333' }],
    });
    expect((await tokyo.call('operations:confirmShipment', { orderIds: [id] })).applied).toBe(1);
    await tokyo.call('sync:now', {});

    const result = await tokyo.call('resend:order', { orderId: id, lines: [{ lineNo: 1, quantity: 1 }] });
    expect(result).toMatchObject({ newOrderNo: 'RESEND-1-R1', reserved: true });
    const sent = await tokyo.call('sync:now', {});
    expect(sent.sent).toBe(3);

    const orders = await serverOrders(server, 'yahoo_shopping');
    expect(orders.get('RESEND-1')).toMatchObject({ status: 'shipped', total: 3500 + 550 });
    expect(orders.get('RESEND-1-R1')).toMatchObject({ status: 'paid', total: 0, shippingFee: 0, storeId: 'tokyo' });
    const db = server.server.database.db;
    const links = await jsonRows<{ channelOrderNo: string | null; splitFrom: string | null; needsPayment: boolean }>(
      db,
      sql`SELECT channel_order_no AS "channelOrderNo", split_from AS "splitFrom", needs_payment AS "needsPayment"
          FROM orders WHERE order_no = 'RESEND-1-R1'`,
    );
    expect(links).toEqual([{ channelOrderNo: 'RESEND-1', splitFrom: 'RESEND-1', needsPayment: false }]);
    const held = await jsonRows<{ sku: string; quantity: number }>(
      db,
      sql`SELECT r.sku, r.quantity FROM stock_reservations r JOIN orders o ON o.id = r.order_id
          WHERE o.order_no = 'RESEND-1-R1'`,
    );
    expect(held).toEqual([{ sku: 'MG-010', quantity: 1 }]);
    const history = await jsonRows<{ kind: string; reason: string }>(
      db,
      sql`SELECT h.kind, h.reason FROM order_history h JOIN orders o ON o.id = h.order_id
          WHERE o.order_no = 'RESEND-1' AND h.kind = 'resend'`,
    );
    expect(history).toEqual([{ kind: 'resend', reason: '再送注文を作成: RESEND-1-R1（MG-010×1）' }]);

    await head.call('sync:now', {});
    const resent = head.app.ctx.services.orders.get(localId(head, 'RESEND-1-R1')!)!;
    expect(resent).toMatchObject({ channelOrderNo: 'RESEND-1', splitFrom: 'RESEND-1', total: 0, status: 'paid' });
    expect(resent.items.map((i) => [i.sku, i.quantity, i.unitPrice])).toEqual([['MG-010', 1, 0]]);
  });
});
