import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { ledgerOf, reservationViolations } from '../../helpers/stock.js';
import { closePc, connectedPc } from '../../helpers/sync-pcs.js';
import type { TestApp } from '../../helpers/test-app.js';
import { checkInvariants } from '../../crash/invariants.js';

/** Stock as one truth: the central server's rows reach the store PCs, each its own store's. */
describe('stock across PCs', () => {
  let server: TestServer;
  let tokyo: TestApp;
  let head: TestApp;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    await server.addStore('honbu', '本部', true);
    await server.addStore('tokyo', '東京店');
    await server.addStore('osaka', '大阪店');
    tokyo = await connectedPc(server, 'tokyo', '東京PC');
    head = await connectedPc(server, 'honbu', '本部PC');
  }, 60_000);
  afterAll(async () => {
    for (const pc of [tokyo, head]) if (pc) closePc(pc);
    await server?.close();
  });

  const stockOn = (pc: TestApp) =>
    pc.app.ctx.database.sqlite
      .prepare(
        "SELECT store_id AS storeId, sku, on_hand AS onHand, reserved FROM stock WHERE sku LIKE 'SY-%' ORDER BY store_id, sku",
      )
      .all();

  it("a PC gets its store's stock on first sync (head office every store's), and changes after that with who made them", async () => {
    await server.intakeStock([
      ['SY-A', 'tokyo', 5],
      ['SY-B', 'tokyo', 2],
      ['SY-A', 'osaka', 9],
    ]);
    await tokyo.call('sync:now', {});
    await head.call('sync:now', {});
    expect(stockOn(tokyo)).toEqual([
      { storeId: 'tokyo', sku: 'SY-A', onHand: 5, reserved: 0 },
      { storeId: 'tokyo', sku: 'SY-B', onHand: 2, reserved: 0 },
    ]);
    expect(stockOn(head)).toHaveLength(3);

    await server.intakeStock([['SY-A', 'tokyo', 3]], 'receive');
    await tokyo.call('sync:now', {});
    expect(stockOn(tokyo)[0]).toEqual({ storeId: 'tokyo', sku: 'SY-A', onHand: 8, reserved: 0 });
    expect(ledgerOf(tokyo.app.ctx.database.sqlite, 'SY-A').at(-1)).toMatchObject({
      kind: 'receive',
      onHandBefore: 5,
      onHandAfter: 8,
      operator: '管理者',
      reason: '入荷取込「stock.csv」2行目（他の端末）',
    });
    for (const pc of [tokyo, head]) {
      expect(reservationViolations(pc.app.ctx.database.sqlite)).toEqual([]);
      expect(checkInvariants(pc.app.ctx.database.sqlite)).toEqual([]);
    }
  });
});
