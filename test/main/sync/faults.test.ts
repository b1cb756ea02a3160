import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../src-server/db/open.js';
import { OutboxReader } from '../../../src-main/sync/outbox.js';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { makeOrder } from '../../helpers/orders.js';
import { closePc, connectedPc, localId } from '../../helpers/sync-pcs.js';
import { TcpProxy, type Fault } from '../../helpers/tcp-proxy.js';
import type { TestApp } from '../../helpers/test-app.js';

/**
 * The line to the server drops before, during and after a push and a pull, the server
 * restarts mid-round, requests arrive twice: afterwards every local operation has been
 * applied on the server exactly once, and the PC's orders equal the server's.
 */
describe('sync under faults: nothing lost, nothing applied twice', () => {
  let server: TestServer;
  let proxy: TcpProxy;
  let pc: TestApp & { token: string };
  let made = 0;
  let next = 0;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    await server.addStore('tokyo', '東京店');
    proxy = new TcpProxy(server.server.port);
    await proxy.start();
    pc = await connectedPc(server, 'tokyo', '東京PC', { url: proxy.url });
    await server.intake(
      Array.from({ length: 400 }, (_, i) =>
        makeOrder({ orderNo: `F-${String(i).padStart(3, '0')}`, storeId: 'tokyo', paymentMethod: 'cod' }),
      ),
    );
    await pc.call('sync:now', {});
  }, 60_000);
  afterAll(async () => {
    closePc(pc);
    await proxy.close();
    await server.close();
  });

  /** Stock-checks the next `n` orders locally: n queued operations. */
  async function change(n: number): Promise<void> {
    const ids = Array.from({ length: n }, () => localId(pc, `F-${String(next++).padStart(3, '0')}`)!);
    made += (await pc.call('stock:check', { orderIds: ids })).applied;
  }

  /** Twice in a row: the PC's one quiet retry meets the fault too, so the round fails. */
  async function failThenRecover(match: string, fault: Fault): Promise<number> {
    proxy.arm(match, fault, 2);
    await expect(pc.call('sync:now', {})).rejects.toThrow(/接続できません/);
    const report = await pc.call('sync:now', {});
    return report.sent;
  }

  it.each<[Fault]>([['before'], ['during-request'], ['during-response'], ['after']])(
    'push: connection dropped %s',
    async (fault) => {
      await change(20);
      expect((await pc.call('sync:status', {})).pending).toBe(20);
      const fired = proxy.fired;
      await failThenRecover('POST /sync/push', fault);
      expect(proxy.fired).toBe(fired + 2);
      expect((await pc.call('sync:status', {})).pending).toBe(0);
    },
  );

  it.each<[Fault]>([['before'], ['during-request'], ['during-response'], ['after']])(
    'pull: connection dropped %s',
    async (fault) => {
      const no = 1000 + proxy.fired;
      await server.intake(
        Array.from({ length: 30 }, (_, i) =>
          makeOrder({ orderNo: `P-${no}-${i}`, storeId: 'tokyo', paymentMethod: 'cod' }),
        ),
      );
      const cursor = Number(
        pc.app.ctx.database.sqlite.prepare("SELECT value FROM meta WHERE key = 'sync_cursor'").pluck().get(),
      );
      proxy.arm('GET /sync/pull', fault, 2);
      await expect(pc.call('sync:now', {})).rejects.toThrow(/接続できません/);
      // Nothing half-applied: the cursor did not move.
      expect(
        Number(pc.app.ctx.database.sqlite.prepare("SELECT value FROM meta WHERE key = 'sync_cursor'").pluck().get()),
      ).toBe(cursor);
      await pc.call('sync:now', {});
      expect(
        pc.app.ctx.database.sqlite
          .prepare('SELECT count(*) FROM orders WHERE order_no LIKE ?')
          .pluck()
          .get(`P-${no}-%`),
      ).toBe(30);
    },
  );

  it.each<[Fault]>([['during-request'], ['after']])(
    'a single drop (%s) is absorbed by one quiet retry',
    async (fault) => {
      await change(10);
      proxy.arm('POST /sync/push', fault);
      expect((await pc.call('sync:now', {})).sent).toBe(10);
    },
  );

  it('the server restarts in the middle of a round', async () => {
    await change(150);
    const pushing = proxy.seen('POST /sync/push');
    const round = pc.call('sync:now', {}).catch((e: Error) => e);
    await pushing;
    await server.restart();
    await round;
    for (let i = 0; i < 10 && (await pc.call('sync:status', {})).pending > 0; i++)
      await pc.call('sync:now', {}).catch(() => undefined);
    expect((await pc.call('sync:status', {})).pending).toBe(0);
  });

  it('duplicated requests change nothing', async () => {
    await change(10);
    const ops = new OutboxReader(pc.app.ctx.database.sqlite).next(100).map((p) => p.op!);
    expect(ops).toHaveLength(10);
    for (let i = 0; i < 2; i++) {
      const r = await server.request<{ results: { accepted: boolean }[] }>(pc.token, 'POST', '/sync/push', { ops });
      expect(r.body.results.every((x) => x.accepted)).toBe(true);
    }
    expect((await pc.call('sync:now', {})).sent).toBe(10);
  });

  it('counts: every operation made here was applied on the server exactly once', async () => {
    expect(pc.app.ctx.services.sync.isLive()).toBe(false);
    const db = server.server.database.db;
    const [applied] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM applied_ops a JOIN clients c ON c.id = a.client_id WHERE c.name = '東京PC' AND a.accepted`,
    );
    const [history] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM order_history h JOIN clients c ON c.id = h.origin_client_id WHERE c.name = '東京PC' AND h.kind = 'status'`,
    );
    const [paid] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM orders WHERE status = 'paid'`);
    expect(made).toBe(20 * 4 + 10 * 2 + 150 + 10);
    expect(applied!.n).toBe(made);
    expect(history!.n).toBe(made);
    expect(paid!.n).toBe(made);
    const local = pc.app.ctx.database.sqlite;
    expect(local.prepare("SELECT count(*) FROM orders WHERE status = 'paid'").pluck().get()).toBe(made);
    const [serverOrders] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM orders`);
    expect(local.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(serverOrders!.n);
    expect(local.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
  });
});
