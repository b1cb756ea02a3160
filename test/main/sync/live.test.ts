import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { makeOrder } from '../../helpers/orders.js';
import { closePc, connectedPc, localId, localStatus } from '../../helpers/sync-pcs.js';
import type { TestApp } from '../../helpers/test-app.js';

async function within<T>(ms: number, probe: () => T | Promise<T>, ok: (v: T) => boolean): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (ok(await probe())) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('live sync: changes reach the other PCs within 2 seconds', () => {
  let server: TestServer;
  let tokyo: TestApp;
  let head: TestApp;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    await server.addStore('honbu', '本部', true);
    await server.addStore('tokyo', '東京店');
    tokyo = await connectedPc(server, 'tokyo', '東京PC', { live: true });
    head = await connectedPc(server, 'honbu', '本部PC', { live: true });
    // Both have connected and caught up.
    await within(
      5000,
      () => tokyo.call('sync:status', {}),
      (s) => s.online,
    );
    await within(
      5000,
      () => head.call('sync:status', {}),
      (s) => s.online,
    );
  }, 60_000);
  afterAll(async () => {
    closePc(tokyo);
    closePc(head);
    await server.close();
  });

  it('an order taken in centrally appears at its store without F6', async () => {
    await server.intake([makeOrder({ orderNo: 'LIVE-1', storeId: 'tokyo', paymentMethod: 'cod' })]);
    const ms = await within(
      2500,
      () => localId(tokyo, 'LIVE-1'),
      (id) => id !== undefined,
    );
    expect(ms).toBeLessThan(2000);
  });

  it('a status change at the store reaches head office without F6', async () => {
    await tokyo.call('stock:check', { orderIds: [localId(tokyo, 'LIVE-1')!] });
    const ms = await within(
      4500,
      () => localStatus(head, 'LIVE-1'),
      (s) => s === 'paid',
    );
    // Up within 2 s, then down within 2 s.
    expect(ms).toBeLessThan(4000);
  });

  it('shows the store offline with its waiting changes, and sends them when the server is back', async () => {
    await server.stop();
    await tokyo.call('operations:registerTracking', {
      entries: [{ orderId: localId(tokyo, 'LIVE-1')!, trackingNo: '1111-2222-3333', carrier: 'yamato' }],
    });
    await within(
      8000,
      () => tokyo.call('sync:status', {}),
      (s) => !s.online && s.pending === 1,
    );
    await server.start();
    await within(
      15000,
      () => localStatus(head, 'LIVE-1'),
      (s) => s === 'awaiting_shipment',
    );
    expect((await tokyo.call('sync:status', {})).pending).toBe(0);
  });
});
