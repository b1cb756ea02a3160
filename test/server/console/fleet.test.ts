import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSetupString } from '../../../src-shared/sync/setup-string.js';
import { PROTOCOL_VERSION } from '../../../src-shared/sync/versions.js';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { ConsoleSessionClient } from '../../helpers/console-client.js';
import { makeOrder } from '../../helpers/orders.js';
import { closePc } from '../../helpers/sync-pcs.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';

let s: TestServer;
let admin: ConsoleSessionClient;
const pcs: TestApp[] = [];

beforeAll(async () => {
  s = await startTestServer('pglite');
  admin = new ConsoleSessionClient(s.url);
  await admin.signIn('admin', s.firstPassword);
}, 120_000);
afterAll(async () => {
  for (const pc of pcs) closePc(pc);
  await s?.close();
});

async function pcWith(setup: string): Promise<TestApp> {
  const pc = createTestApp({ clock: new TestClock(s.clock.now()) });
  pcs.push(pc);
  // Stock of the test orders' SKU, so that 在庫確認 passes.
  pc.app.ctx.database.sqlite
    .prepare(
      "INSERT INTO stock (sku, store_id, on_hand, reserved, location) VALUES ('MG-010', 'tokyo', 100, 0, 'B-02-01')",
    )
    .run();
  const { serverUrl, token } = readSetupString(setup)!;
  await pc.call('sync:saveSettings', { serverUrl, token });
  return pc;
}

describe('console: stores and PCs', () => {
  it('adds and renames a store and flags head office, without losing its other fields', async () => {
    await admin.call('console:putStore', { id: 'tokyo', name: '東京店', isHeadOffice: false });
    await admin.call('console:putStore', { id: 'honbu', name: '本部', isHeadOffice: true });
    const renamed = await admin.call('console:putStore', { id: 'tokyo', name: '東京本店', isHeadOffice: false });
    expect(renamed).toEqual({ id: 'tokyo', name: '東京本店', isHeadOffice: false, pcs: 0 });
    const masters = await admin.call('console:masters', {});
    expect(masters.stores.map((x) => [x.id, x.name, x.isHeadOffice])).toEqual([
      ['honbu', '本部', true],
      ['tokyo', '東京本店', false],
    ]);
  });

  it('issues a token once with a setup string a PC connects with, and shows what the PC reports after a round', async () => {
    const issued = await admin.call('console:issueClient', {
      kind: 'pc',
      name: '東京PC-1',
      storeId: 'tokyo',
      serverUrl: s.url,
    });
    expect(readSetupString(issued.setup)).toEqual({ serverUrl: s.url, token: issued.token });
    await s.intake([
      makeOrder({ orderNo: 'FLEET-1', storeId: 'tokyo' }),
      makeOrder({ orderNo: 'FLEET-2', storeId: 'tokyo' }),
    ]);
    const pc = await pcWith(issued.setup);
    await pc.call('sync:now', {});
    const [row] = (await admin.call('console:clients', {})).filter((c) => c.id === issued.id);
    expect(row).toMatchObject({
      name: '東京PC-1',
      storeName: '東京本店',
      online: true,
      offlineSince: null,
      appVersion: 'test',
      protocol: PROTOCOL_VERSION,
      tooOld: false,
      lagChanges: 0,
    });
    expect(row!.report).toMatchObject({ appVersion: 'test', orders: 2, pendingOps: 0, printer: '' });
    expect(row!.report!.dbBytes).toBeGreaterThan(10_000);
    expect(row!.report!.os.length).toBeGreaterThan(3);
    // The token itself is never listed again.
    expect(JSON.stringify(await admin.call('console:clients', {}))).not.toContain(issued.token);
    // A PC unheard for minutes shows as offline since it was last seen.
    s.clock.set(new Date(s.clock.now().getTime() + 10 * 60_000).toISOString());
    const [later] = (await admin.call('console:clients', {})).filter((c) => c.id === issued.id);
    expect(later).toMatchObject({ online: false, offlineSince: row!.lastSeenAt });
  });

  it('tells a PC below the minimum version to update, in Japanese, and takes none of its changes', async () => {
    const issued = await admin.call('console:issueClient', {
      kind: 'pc',
      name: '東京PC-2',
      storeId: 'tokyo',
      serverUrl: s.url,
    });
    const pc = await pcWith(issued.setup);
    await pc.call('sync:now', {});
    const id = pc.app.ctx.database.sqlite
      .prepare("SELECT id FROM orders WHERE order_no = 'FLEET-1'")
      .pluck()
      .get() as number;
    await admin.call('console:saveFleetSettings', { minAppVersion: '0.2.0' });
    expect((await pc.call('stock:check', { orderIds: [id] })).applied).toBe(1);
    await expect(pc.call('sync:now', {})).rejects.toThrow(
      /古いため、中央サーバーと同期できません。バージョン 0\.2\.0 以降に更新してください/,
    );
    expect((await pc.call('sync:status', {})).pending).toBe(1);
    const server = await s.request<{ error: string }>(issued.token, 'POST', '/sync/push', { ops: [] });
    expect(server.status).toBe(426);
    const hello = await s.request<{ update?: { message: string } }>(issued.token, 'GET', '/sync/hello');
    expect(hello.body.update?.message).toMatch(/更新してください/);
    const [row] = (await admin.call('console:clients', {})).filter((c) => c.id === issued.id);
    expect(row!.tooOld).toBe(true);
    // Back to any version: the queued change goes up.
    await admin.call('console:saveFleetSettings', { minAppVersion: '' });
    await pc.call('sync:now', {});
    expect((await pc.call('sync:status', {})).pending).toBe(0);
  });

  it('revokes a token: the PC is refused at once and told what to do', async () => {
    const issued = await admin.call('console:issueClient', {
      kind: 'pc',
      name: '東京PC-3',
      storeId: 'tokyo',
      serverUrl: s.url,
    });
    const pc = await pcWith(issued.setup);
    await pc.call('sync:now', {});
    await admin.call('console:revokeClient', { id: issued.id });
    await expect(pc.call('sync:now', {})).rejects.toThrow(/トークンを受け付けません/);
    const [row] = (await admin.call('console:clients', {})).filter((c) => c.id === issued.id);
    expect(row!.revokedAt).not.toBeNull();
  });
});

describe('console: staff (担当者) of a store', () => {
  it('keeps each store its staff with 管理者 flags and PINs as hashes only, and sends them to the PCs as a master', async () => {
    const taro = await admin.call('console:saveStaff', {
      storeId: 'tokyo',
      name: '山田',
      isManager: true,
      pin: '4321',
    });
    await admin.call('console:saveStaff', { storeId: 'tokyo', name: '佐藤' });
    await admin.call('console:saveStaff', { storeId: 'honbu', name: '本部 鈴木', isManager: true });
    expect(await admin.call('console:staff', { storeId: 'tokyo' })).toEqual([
      { id: taro.id, storeId: 'tokyo', name: '山田', isManager: true, hasPin: true, retired: false },
      { id: taro.id + 1, storeId: 'tokyo', name: '佐藤', isManager: false, hasPin: false, retired: false },
    ]);
    // A rename keeps the PIN; an empty PIN removes it.
    await admin.call('console:saveStaff', { storeId: 'tokyo', id: taro.id, name: '山田 太郎', isManager: true });
    expect((await admin.call('console:staff', { storeId: 'tokyo' }))[0]).toMatchObject({
      name: '山田 太郎',
      hasPin: true,
    });
    await admin.call('console:saveStaff', {
      storeId: 'tokyo',
      id: taro.id,
      name: '山田 太郎',
      isManager: true,
      pin: '',
    });
    expect((await admin.call('console:staff', { storeId: 'tokyo' }))[0]!.hasPin).toBe(false);
    await expect(admin.call('console:saveStaff', { storeId: 'tokyo', name: 'x', pin: '12' })).rejects.toThrow(/4〜8桁/);
    const token = await s.addPc('tokyo', '東京PC-staff');
    const page = await s.request<{ masters: { kind: string; data: Record<string, unknown> }[] }>(
      token,
      'GET',
      '/sync/pull?cursor=0&limit=5000',
    );
    const staff = page.body.masters.filter((m) => m.kind === 'staff').map((m) => m.data.name);
    expect(staff).toEqual(expect.arrayContaining(['山田 太郎', '佐藤']));
    expect(JSON.stringify(await admin.call('console:audit', { limit: 10 }))).not.toContain('4321');
  });
});
