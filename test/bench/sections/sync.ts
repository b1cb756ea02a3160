import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DemoGenerator } from '../../../src-main/demo/generate.js';
import { dispatch } from '../../../src-main/core/dispatch.js';
import { handlers } from '../../../src-main/core/registry.js';
import type { BenchSection, Measurement } from '../harness.js';
import { openApp } from '../harness.js';
import { startServerProcess } from '../../helpers/server-process.js';
import { stockIntakeBody } from '../../helpers/stock.js';
import { CpuSplit } from '../conditions.js';

const ORDERS = 100_000;

const stockRowsOf = (app: ReturnType<typeof openApp>) =>
  (app.ctx.database.sqlite.prepare('SELECT count(*) AS n FROM stock').get() as { n: number }).n;
const OPS = 10_000;
/** The stock issue's size: 100,000 SKUs at each of three stores, all seen by a head-office PC. */
const SKUS = 100_000;
const STOCK_STORES = ['tokyo', 'osaka', 'fukuoka'] as const;
const STOCK_CHUNK = 50_000;

/**
 * The sync targets: the first sync of 100,000 orders and 300,000 stock rows to an empty
 * head-office PC, an F6 with nothing new, and pushing 10,000 queued operations — a real
 * central server process over loopback HTTP and a real store database, as in the field.
 */
export const syncSection: BenchSection = {
  name: 'sync',
  async run(env) {
    const out: Measurement[] = [];
    const server = await startServerProcess({ dataDir: path.join(env.scratch, 'server') });
    const admin = async <T>(route: string, body: unknown): Promise<T> => {
      const r = await fetch(`${server.url}${route}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`${route}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    };
    await admin('/admin/stores', { id: 'tokyo', name: '東京店', isHeadOffice: true });
    await admin('/admin/stores', { id: 'osaka', name: '大阪店' });
    await admin('/admin/stores', { id: 'fukuoka', name: '福岡店' });
    const { token } = await admin<{ token: string }>('/admin/clients', {
      kind: 'pc',
      name: '東京PC',
      storeId: 'tokyo',
    });
    const generator = new DemoGenerator(7, new Date(), 60);
    const intakeStart = performance.now();
    for (let done = 0; done < ORDERS; done += 5000) {
      const orders = Array.from({ length: 5000 }, (_, i) => ({
        ...generator.next(done + i + 1).order,
        storeId: 'tokyo',
      }));
      await admin('/intake/orders', { orders });
    }
    const intakeSeconds = (performance.now() - intakeStart) / 1000;
    out.push({
      name: `intake of ${ORDERS.toLocaleString()} orders over HTTP (5,000 per call)`,
      value: ORDERS / intakeSeconds,
      unit: '/s',
    });
    for (const store of STOCK_STORES) {
      for (let from = 0; from < SKUS; from += STOCK_CHUNK) {
        const lines = Array.from({ length: STOCK_CHUNK }, (_, i): [string, string, number] => [
          `SK-${String(from + i).padStart(6, '0')}`,
          store,
          (from + i) % 50,
        ]);
        await admin('/intake/stock', stockIntakeBody(lines));
      }
    }

    const dir = path.join(env.scratch, 'store-pc');
    mkdirSync(dir, { recursive: true });
    const app = openApp(dir);
    const call = async (method: 'sync:saveSettings' | 'sync:now', input: object) => {
      const r = await dispatch(handlers, app.ctx, method, input, () => undefined);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as { received: number; sent: number };
    };
    await call('sync:saveSettings', { serverUrl: server.url, token });
    app.ctx.services.sync.stopLive();

    let cpu = new CpuSplit(server.child.pid);
    let start = performance.now();
    const first = await call('sync:now', {});
    out.push({
      name: `first sync of ${ORDERS.toLocaleString()} orders + ${(SKUS * STOCK_STORES.length).toLocaleString()} stock rows to an empty head-office PC`,
      value: (performance.now() - start) / 1000,
      unit: 's',
      target: { op: '<', value: 15 },
      note: `${first.received.toLocaleString()} received; ${stockRowsOf(app).toLocaleString()} stock rows on the PC; ${cpu.describe()}`,
    });

    const idle: number[] = [];
    for (let i = 0; i < 9; i++) {
      start = performance.now();
      await call('sync:now', {});
      idle.push(performance.now() - start);
    }
    idle.sort((a, b) => a - b);
    out.push({
      name: 'F6 with nothing new (median of 9)',
      value: idle[4]!,
      unit: 'ms',
      target: { op: '<', value: 100 },
    });

    const sqlite = app.ctx.database.sqlite;
    const ids = sqlite.prepare("SELECT id FROM orders WHERE status = 'new' LIMIT ?").pluck().all(OPS) as number[];
    const more = sqlite
      .prepare("SELECT id FROM orders WHERE status = 'stock_confirmed' LIMIT ?")
      .pluck()
      .all(OPS - ids.length) as number[];
    app.ctx.services.status.apply({ orderIds: ids, operation: 'cancel', reason: 'bench' }, app.ctx.actor(), new Date());
    if (more.length)
      app.ctx.services.status.apply(
        { orderIds: more, operation: 'cancel', reason: 'bench' },
        app.ctx.actor(),
        new Date(),
      );
    const queued = sqlite.prepare("SELECT count(*) FROM sync_outbox WHERE state = 'pending'").pluck().get() as number;
    cpu = new CpuSplit(server.child.pid);
    start = performance.now();
    const pushed = await call('sync:now', {});
    out.push({
      name: `pushing ${queued.toLocaleString()} queued operations (round incl. pulling them back)`,
      value: (performance.now() - start) / 1000,
      unit: 's',
      target: { op: '<', value: 5 },
      note: `${pushed.sent.toLocaleString()} accepted; ${cpu.describe()}`,
    });
    app.close();
    await server.stop();
    return out;
  },
};
