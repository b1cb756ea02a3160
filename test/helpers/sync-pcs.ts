import { createTestApp, type TestApp, TestClock } from './test-app.js';
import { startTestServer, type Backend, type TestServer } from './central-server.js';

/** A store PC (a real app on its own SQLite file) registered with and connected to `server`. */
export async function connectedPc(
  server: TestServer,
  storeId: string,
  name: string,
  options: { live?: boolean; clock?: TestClock; url?: string } = {},
): Promise<TestApp & { token: string }> {
  const token = await server.addPc(storeId, name);
  const pc = createTestApp({ clock: options.clock ?? new TestClock(server.clock.now()) });
  pc.app.ctx.settings.set('pcId', name);
  // Plenty of stock of the test orders' SKU, so that 在庫確認 passes at every store (the
  // server judges reservations with its own stock; the PC's copy is in place before its first sync).
  await server.intakeStock([['MG-010', storeId, 100_000]]);
  pc.app.ctx.database.sqlite
    .prepare(
      "INSERT OR REPLACE INTO stock (sku, store_id, on_hand, reserved, location) VALUES ('MG-010', ?, 100000, 0, 'B-02-01')",
    )
    .run(storeId);
  await pc.call('sync:saveSettings', { serverUrl: options.url ?? server.url, token });
  if (!options.live) pc.app.ctx.services.sync.stopLive();
  return Object.assign(pc, { token });
}

/** Local order id of an order number on a PC, or undefined when the PC does not have it. */
export function localId(pc: TestApp, orderNo: string): number | undefined {
  return pc.app.ctx.database.sqlite.prepare('SELECT id FROM orders WHERE order_no = ?').pluck().get(orderNo) as
    number | undefined;
}

export function localStatus(pc: TestApp, orderNo: string): string | undefined {
  return pc.app.ctx.database.sqlite.prepare('SELECT status FROM orders WHERE order_no = ?').pluck().get(orderNo) as
    string | undefined;
}

export function closePc(pc: TestApp): void {
  pc.app.ctx.services.sync.stopLive();
  pc.close();
}

/** A central server (PGlite unless told) with 東京店 and 本部, each with one connected PC. */
export interface StoreAndHeadOffice {
  server: TestServer;
  tokyo: TestApp;
  head: TestApp;
}

export async function startStoreAndHeadOffice(backend: Backend = 'pglite'): Promise<StoreAndHeadOffice> {
  const server = await startTestServer(backend, { clock: new TestClock(new Date()) });
  await server.addStore('honbu', '本部', true);
  await server.addStore('tokyo', '東京店');
  const tokyo = await connectedPc(server, 'tokyo', '東京PC');
  const head = await connectedPc(server, 'honbu', '本部PC');
  return { server, tokyo, head };
}

export async function closeStoreAndHeadOffice(parts: Partial<StoreAndHeadOffice>): Promise<void> {
  for (const pc of [parts.tokyo, parts.head]) if (pc) closePc(pc);
  await parts.server?.close();
}
