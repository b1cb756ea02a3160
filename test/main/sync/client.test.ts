import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../src-server/db/open.js';
import { Journal } from '../../../src-main/core/journal.js';
import { BACKENDS, startTestServer, type TestServer } from '../../helpers/central-server.js';
import { makeOrder, insertOrders } from '../../helpers/orders.js';
import { closePc, connectedPc, localId, localStatus } from '../../helpers/sync-pcs.js';
import type { TestApp } from '../../helpers/test-app.js';

describe.each(BACKENDS)('store PCs syncing with the central server (%s)', (backend) => {
  let server: TestServer;
  let tokyo: TestApp;
  let osaka: TestApp;
  let head: TestApp;

  beforeAll(async () => {
    server = await startTestServer(backend);
    await server.addStore('honbu', '本部', true);
    await server.addStore('tokyo', '東京店');
    await server.addStore('osaka', '大阪店');
    tokyo = await connectedPc(server, 'tokyo', '東京PC');
    osaka = await connectedPc(server, 'osaka', '大阪PC');
    head = await connectedPc(server, 'honbu', '本部PC');
  }, 60_000);
  afterAll(async () => {
    for (const pc of [tokyo, osaka, head]) if (pc) closePc(pc);
    await server?.close();
  });

  it('keeps the token out of the settings file and away from the screen', async () => {
    const settings = await tokyo.call('sync:settings', {});
    expect(settings).toEqual({ serverUrl: server.url, hasToken: true, storeName: '東京店', isHeadOffice: false });
    const file = readFileSync(path.join(tokyo.dir, 'settings.json'), 'utf8');
    expect(file).not.toMatch(/chm_/);
    expect(tokyo.app.ctx.settings.get('storeId')).toBe('tokyo');
  });

  it('refuses a wrong token and saves nothing', async () => {
    await expect(osaka.call('sync:saveSettings', { serverUrl: server.url, token: 'chm_wrong' })).rejects.toThrow(
      /トークンを受け付けません/,
    );
    expect((await osaka.call('sync:settings', {})).storeName).toBe('大阪店');
  });

  it('F6 brings centrally imported orders to the right store only', async () => {
    await server.intake([
      makeOrder({ orderNo: 'C-1', storeId: 'tokyo' }),
      makeOrder({ orderNo: 'C-2', storeId: 'tokyo', paymentMethod: 'credit_card' }),
      makeOrder({ orderNo: 'C-3', storeId: 'osaka' }),
      makeOrder({ orderNo: 'C-4', storeId: null }),
    ]);
    const report = await tokyo.call('sync:now', {});
    expect(report.received).toBe(2);
    expect(localId(tokyo, 'C-1')).toBeDefined();
    expect(localId(tokyo, 'C-3')).toBeUndefined();
    expect((await osaka.call('sync:now', {})).received).toBe(1);
    expect((await head.call('sync:now', {})).received).toBe(4);
    expect(await tokyo.call('sync:now', {})).toEqual({ received: 0, removed: 0, sent: 0, refused: [], masters: 0 });
  });

  it('a status change at one PC reaches the others, with its history', async () => {
    const result = await tokyo.call('stock:check', { orderIds: [localId(tokyo, 'C-2')!] });
    expect(result.applied).toBe(1);
    expect((await tokyo.call('sync:status', {})).pending).toBe(1);
    const sent = await tokyo.call('sync:now', {});
    expect(sent.sent).toBe(1);
    expect((await tokyo.call('sync:status', {})).pending).toBe(0);
    await head.call('sync:now', {});
    expect(localStatus(head, 'C-2')).toBe('paid');
    const detail = await head.call('orders:get', { id: localId(head, 'C-2')! });
    expect(detail.history.some((h) => h.kind === 'status' && h.pcId === '東京PC' && h.to === 'paid')).toBe(true);
  });

  it('a cancellation at head office while the store confirms shipment ends the same on every PC', async () => {
    await tokyo.call('operations:registerTracking', {
      entries: [{ orderId: localId(tokyo, 'C-2')!, trackingNo: '4444-5555-6666', carrier: 'yamato' }],
    });
    await tokyo.call('sync:now', {});
    await head.call('sync:now', {});
    // Both act on 出荷待ち before either has heard of the other.
    await head.call('operations:cancel', { orderIds: [localId(head, 'C-2')!], reason: 'お客様都合' });
    await tokyo.call('operations:confirmShipment', { orderIds: [localId(tokyo, 'C-2')!] });
    expect((await head.call('sync:now', {})).sent).toBe(1);
    const report = await tokyo.call('sync:now', {});
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]).toMatchObject({ orderNo: 'C-2', attempted: '出荷確定', statusNow: 'キャンセル済' });
    expect(report.refused[0]!.reason).toContain('キャンセル済');
    expect(localStatus(tokyo, 'C-2')).toBe('cancelled');
    expect(localStatus(head, 'C-2')).toBe('cancelled');
    const listed = await tokyo.call('sync:refusals', {});
    expect(listed[0]).toMatchObject({ orderNo: 'C-2', seen: false });
    expect((await tokyo.call('sync:status', {})).unseenRefusals).toBe(1);
    await tokyo.call('sync:markRefusalsSeen', {});
    expect((await tokyo.call('sync:status', {})).unseenRefusals).toBe(0);
  });

  it('keeps working offline, then sends everything once', async () => {
    await server.intake(
      Array.from({ length: 5 }, (_, i) => makeOrder({ orderNo: `OFF-${i}`, storeId: 'osaka', paymentMethod: 'cod' })),
    );
    await osaka.call('sync:now', {});
    const ids = Array.from({ length: 5 }, (_, i) => localId(osaka, `OFF-${i}`)!);
    const port = server.server.port;
    await server.stop();
    await osaka.call('stock:check', { orderIds: ids });
    await expect(osaka.call('sync:now', {})).rejects.toThrow(/接続できません/);
    const status = await osaka.call('sync:status', {});
    expect(status).toMatchObject({ online: false, pending: 5 });
    expect(status.lastError).toContain('接続できません');
    await server.start();
    expect(server.server.port).toBe(port);
    expect((await osaka.call('sync:now', {})).sent).toBe(5);
    expect((await osaka.call('sync:now', {})).sent).toBe(0);
    const applied = await rows<{ n: number }>(
      server.server.database.db,
      sql`SELECT count(*)::int AS n FROM order_history h JOIN orders o ON o.id = h.order_id WHERE o.order_no LIKE 'OFF-%' AND h.kind = 'status'`,
    );
    expect(applied[0]!.n).toBe(5);
  });

  it('moves an order assigned to another store (E5) off the old store PC', async () => {
    // What E5 writes: the new store, its history row and outbox entry, in one transaction.
    const sqlite = head.app.ctx.database.sqlite;
    const id = localId(head, 'C-1')!;
    const journal = new Journal(sqlite);
    sqlite.transaction(() => {
      sqlite.prepare("UPDATE orders SET store_id = 'osaka' WHERE id = ?").run(id);
      journal.record(
        {
          orderId: id,
          orderNo: 'C-1',
          change: { kind: 'store', fields: { storeId: 'osaka' } },
          from: 'tokyo',
          to: 'osaka',
          reason: 'E5 出荷店舗一括指定',
        },
        head.app.ctx.actor(),
        head.app.ctx.clock.now().toISOString(),
      );
    })();
    expect((await head.call('sync:now', {})).sent).toBe(1);
    expect((await tokyo.call('sync:now', {})).removed).toBe(1);
    expect(localId(tokyo, 'C-1')).toBeUndefined();
    await osaka.call('sync:now', {});
    expect(localId(osaka, 'C-1')).toBeDefined();
  });

  it('sends head office masters down and mail-sent state across', async () => {
    const sqlite = head.app.ctx.database.sqlite;
    sqlite.prepare("UPDATE sub_statuses SET name = '要確認（本部）' WHERE id = 1").run();
    await head.call('sync:now', {});
    const report = await osaka.call('sync:now', {});
    expect(report.masters).toBeGreaterThan(0);
    expect(osaka.app.ctx.database.sqlite.prepare('SELECT name FROM sub_statuses WHERE id = 1').pluck().get()).toBe(
      '要確認（本部）',
    );
    // Mail for 入金済 sent at 大阪: the メール未送信 tab agrees at head office.
    const osakaDb = osaka.app.ctx.database.sqlite;
    expect(osakaDb.prepare("SELECT mail_pending FROM orders WHERE order_no = 'OFF-0'").pluck().get()).toBe(1);
    osakaDb.prepare("UPDATE orders SET mail_pending = 0 WHERE order_no = 'OFF-0'").run();
    expect((await osaka.call('sync:now', {})).sent).toBe(1);
    await head.call('sync:now', {});
    expect(
      head.app.ctx.database.sqlite.prepare("SELECT mail_pending FROM orders WHERE order_no = 'OFF-0'").pluck().get(),
    ).toBe(0);
  });

  it('sends orders made on a store PC (its own import) up to everyone who may see them', async () => {
    // What F1 import writes: the order and its 'create' entry, in one transaction.
    const sqlite = tokyo.app.ctx.database.sqlite;
    sqlite.transaction(() => {
      const [id] = insertOrders(sqlite, [{ order: { orderNo: 'LOCAL-1', storeId: null } }]);
      new Journal(sqlite).record(
        {
          orderId: id!,
          orderNo: 'LOCAL-1',
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
    expect(localId(head, 'LOCAL-1')).toBeDefined();
    expect(
      head.app.ctx.database.sqlite.prepare("SELECT store_id FROM orders WHERE order_no = 'LOCAL-1'").pluck().get(),
    ).toBe('tokyo');
  });

  it('refuses to sync with a clock that is off, and says so', async () => {
    tokyo.clock.advanceDays(0.01);
    await expect(tokyo.call('sync:now', {})).rejects.toThrow(/時計が中央サーバーより約14分進んで/);
    tokyo.clock.set(server.clock.now().toISOString());
    await tokyo.call('sync:now', {});
  });
});
