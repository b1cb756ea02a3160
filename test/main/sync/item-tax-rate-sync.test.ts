import { afterAll, beforeAll, expect, it } from 'vitest';
import { Journal } from '../../../src-main/core/journal.js';
import { describeOnBackends, type TestServer } from '../../helpers/central-server.js';
import { insertOrders, makeOrder } from '../../helpers/orders.js';
import { closeStoreAndHeadOffice, localId, startStoreAndHeadOffice } from '../../helpers/sync-pcs.js';
import type { TestApp } from '../../helpers/test-app.js';

const TEA = {
  lineNo: 1,
  sku: 'TEA-01',
  title: '深蒸し煎茶',
  quantity: 1,
  unitPrice: 1080,
  location: '',
  taxRate: 8 as const,
};
const MUG = { lineNo: 2, sku: 'MG-010', title: 'マグカップ', quantity: 1, unitPrice: 1650, location: '' };

function ratesAt(pc: TestApp, orderNo: string): number[] {
  const id = localId(pc, orderNo)!;
  return pc.app.ctx.services.orders.get(id)!.items.map((i) => i.taxRate ?? 10);
}

describeOnBackends('an order line’s 税率 travels with the order', (backend) => {
  let server: TestServer;
  let tokyo: TestApp;
  let head: TestApp;

  beforeAll(async () => {
    ({ server, tokyo, head } = await startStoreAndHeadOffice(backend));
  }, 60_000);
  afterAll(() => closeStoreAndHeadOffice({ server, tokyo, head }));

  it('from a central import down to the store PC', async () => {
    await server.intake([makeOrder({ orderNo: 'TAX-C1', storeId: 'tokyo', items: [TEA, MUG] })]);
    await tokyo.call('sync:now', {});
    expect(ratesAt(tokyo, 'TAX-C1')).toEqual([8, 10]);
  });

  it('from a store PC’s own import up to head office', async () => {
    const sqlite = tokyo.app.ctx.database.sqlite;
    sqlite.transaction(() => {
      const [id] = insertOrders(sqlite, [{ order: { orderNo: 'TAX-L1', storeId: null, items: [TEA, MUG] } }]);
      new Journal(sqlite).record(
        {
          orderId: id!,
          orderNo: 'TAX-L1',
          change: { kind: 'create', channel: 'yahoo_shopping' },
          from: null,
          to: 'new',
          reason: 'F1 取込',
        },
        tokyo.app.ctx.actor(),
        tokyo.app.ctx.clock.now().toISOString(),
      );
    })();
    expect((await tokyo.call('sync:now', {})).sent).toBe(1);
    await head.call('sync:now', {});
    expect(ratesAt(head, 'TAX-L1')).toEqual([8, 10]);
  });
});
