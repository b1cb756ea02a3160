import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rows } from '../../../src-server/db/open.js';
import { describeOnBackends, type TestServer } from '../../helpers/central-server.js';
import { amazonReport, fileOrder, sjis, upload, type FileOrder } from '../../helpers/order-files.js';
import { closeStoreAndHeadOffice, localId, startStoreAndHeadOffice } from '../../helpers/sync-pcs.js';
import type { TestApp } from '../../helpers/test-app.js';

/** 2 × ¥1,650 + ¥2,200 + 送料 ¥550. */
const PRICED_TOTAL = 2 * 1650 + 2200 + 550;

const report = (order: FileOrder, prices: boolean) =>
  upload('unshipped.txt', sjis(amazonReport([order], new Set(), { prices })));

async function importOnPc(pc: TestApp, order: FileOrder, prices: boolean): Promise<void> {
  const preview = await pc.call('imports:preview', { files: [report(order, prices)], channel: 'yahoo_shopping' });
  if (preview.kind !== 'preview') throw new Error(`expected a preview, got ${preview.kind}`);
  await pc.call('imports:commit', { previewId: preview.previewId });
}

function amountsAt(pc: TestApp, orderNo: string) {
  const order = pc.app.ctx.services.orders.get(localId(pc, orderNo)!)!;
  return { amountsUnknown: order.amountsUnknown, total: order.total };
}

describeOnBackends('金額未取得 travels between the PCs and the central server', (backend) => {
  let server: TestServer;
  let tokyo: TestApp;
  let head: TestApp;

  const onServer = async (orderNo: string) => {
    const [row] = await rows<{ amountsUnknown: boolean; total: number }>(
      server.server.database.db,
      sql`SELECT amounts_unknown AS "amountsUnknown", total FROM orders WHERE order_no = ${orderNo}`,
    );
    return row;
  };

  beforeAll(async () => {
    ({ server, tokyo, head } = await startStoreAndHeadOffice(backend));
  }, 60_000);
  afterAll(() => closeStoreAndHeadOffice({ server, tokyo, head }));

  it('a store PC’s F1 import without prices, then with them: marked, then filled, on the server and at head office', async () => {
    tokyo.app.ctx.settings.set('storeId', 'tokyo');
    const order = fileOrder({ orderNo: '249-5555555-0000001', payment: 'Other' });
    await importOnPc(tokyo, order, false);
    await tokyo.call('sync:now', {});
    expect(await onServer(order.orderNo)).toEqual({ amountsUnknown: true, total: 0 });
    await head.call('sync:now', {});
    expect(amountsAt(head, order.orderNo)).toEqual({ amountsUnknown: true, total: 0 });

    await importOnPc(tokyo, order, true);
    await tokyo.call('sync:now', {});
    expect(await onServer(order.orderNo)).toEqual({ amountsUnknown: false, total: PRICED_TOTAL });
    await head.call('sync:now', {});
    expect(amountsAt(head, order.orderNo)).toEqual({ amountsUnknown: false, total: PRICED_TOTAL });
  });

  it('the server’s /intake/csv: a report without prices marks, a priced one fills what the store PC then pulls', async () => {
    const order = fileOrder({ orderNo: '249-5555555-0000002', payment: 'Other' });
    const intake = (prices: boolean) =>
      server.request<{ created: number; duplicates: string[]; filled: string[] }>(
        server.adminToken,
        'POST',
        '/intake/csv',
        { files: [report(order, prices)], storeId: 'tokyo' },
      );
    expect((await intake(false)).body).toMatchObject({ created: 1 });
    await tokyo.call('sync:now', {});
    expect(amountsAt(tokyo, order.orderNo)).toEqual({ amountsUnknown: true, total: 0 });

    // The same report without prices again changes nothing; the priced one fills the amounts.
    expect((await intake(false)).body).toMatchObject({ created: 0, filled: [] });
    expect((await intake(true)).body).toMatchObject({ created: 0, filled: [order.orderNo] });
    expect(await onServer(order.orderNo)).toEqual({ amountsUnknown: false, total: PRICED_TOTAL });
    await tokyo.call('sync:now', {});
    expect(amountsAt(tokyo, order.orderNo)).toEqual({ amountsUnknown: false, total: PRICED_TOTAL });
    const history = tokyo.app.ctx.services.orders.history(localId(tokyo, order.orderNo)!);
    expect(history.some((h) => h.from === '金額未取得')).toBe(true);
    // Known now: a priced report again fills nothing.
    expect((await intake(true)).body).toMatchObject({ filled: [] });
  });

  it('a store PC’s priced F1 import fills an order the server took in without prices (not imported on that PC)', async () => {
    const order = fileOrder({ orderNo: '249-5555555-0000003', payment: 'Other' });
    await server.request(server.adminToken, 'POST', '/intake/csv', { files: [report(order, false)], storeId: 'tokyo' });
    await tokyo.call('sync:now', {});
    expect(amountsAt(tokyo, order.orderNo)).toEqual({ amountsUnknown: true, total: 0 });
    await importOnPc(tokyo, order, true);
    expect(amountsAt(tokyo, order.orderNo)).toEqual({ amountsUnknown: false, total: PRICED_TOTAL });
    await tokyo.call('sync:now', {});
    expect(await onServer(order.orderNo)).toEqual({ amountsUnknown: false, total: PRICED_TOTAL });
  });
});
