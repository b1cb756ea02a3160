import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createClient } from '../../../src-server/auth.js';
import type { ChannelOrder } from '../../../src-server/channels/connector.js';
import { createConnector } from '../../../src-server/channels/registry.js';
import { openServerDatabase } from '../../../src-server/db/open.js';
import type { RunResult } from '../../../src-server/channels/scheduler.js';
import type { WireOpOf } from '../../../src-shared/sync/protocol.js';

type StatusOp = WireOpOf<'status'>;
import { RakutenFake } from '../../fakes/rakuten-fake.js';
import type { Fault } from '../../fakes/fake-kit.js';
import { startServerProcess } from '../../helpers/server-process.js';
import type { BenchSection, Measurement } from '../harness.js';
import { ensureServerDatabase } from '../server-db.js';

const ORDERS = 10_000;
const LATENCY_MS = 50;
/** The fake 楽天's own limit for updateOrderShipping in the drain (a seller's agreed pace). */
const NOTICE_RATE = 250;
const SHOP = '900001';
const NOTICE_PLANS = { updateOrderShipping: { rate: NOTICE_RATE, burst: 10 }, getOrder: { rate: 50, burst: 10 } };
const CONCURRENCY = 24;

/**
 * The floors, measured in the same run: the connector alone (no server, no database) reading
 * as many new orders from a second fake with the same latency and plans, then confirming a
 * shipment for each at the drain's pace and concurrency.
 */
async function measureFloors(): Promise<{ fetch: number; drain: number }> {
  const fake = await new RakutenFake({ seed: 72, shopId: SHOP, latencyMs: LATENCY_MS }).start();
  try {
    fake.addOrders(ORDERS);
    const settings = { endpoint: `${fake.url}/es/2.0/order` };
    const credentials = { serviceSecret: fake.serviceSecret, licenseKey: fake.licenseKey };
    let start = performance.now();
    const read: ChannelOrder[] = [];
    const reader = createConnector('rakuten', settings, credentials);
    for await (const page of reader.fetchOrders(null, { now: new Date(), known: async () => new Map() }))
      read.push(...page.orders);
    const fetch = (performance.now() - start) / 1000;
    if (read.length !== ORDERS) throw new Error(`the floor read ${read.length} of ${ORDERS}`);
    for (const [op, plan] of Object.entries(NOTICE_PLANS)) fake.setPlan(op, plan);
    const writer = createConnector('rakuten', { ...settings, rates: NOTICE_PLANS }, credentials);
    start = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < read.length) {
        const { order, shipmentRef } = read[next++]!;
        const request = { orderNo: order.orderNo, carrier: 'yamato', trackingNo: String(600_000_000_000 + next) };
        const at = { shippedAt: new Date().toISOString(), shipmentRef, paymentMethod: order.paymentMethod };
        const shipment = { ...request, ...at };
        let result = await writer.confirmShipment(shipment);
        while (result.kind === 'retry') result = await writer.confirmShipment(shipment);
        if (result.kind !== 'accepted') throw new Error(`the floor's notice for ${order.orderNo}: ${result.kind}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { fetch, drain: (performance.now() - start) / 1000 };
  } finally {
    await fake.close();
  }
}

/** The server database back as seeded: the bench's orders, accounts and notices go; an admin token is made. */
async function reset(dir: string): Promise<string> {
  const { db, close } = await openServerDatabase({ dataDir: dir });
  const ids = `(SELECT id FROM orders WHERE channel = 'rakuten' AND order_no LIKE '${SHOP}-%')`;
  await db.execute(sql.raw(`DELETE FROM order_history WHERE order_id IN ${ids}`));
  await db.execute(sql.raw(`DELETE FROM orders WHERE id IN ${ids}`));
  for (const table of ['shipment_notices', 'channel_orders', 'channel_conflicts', 'channel_accounts'])
    await db.execute(sql.raw(`DELETE FROM ${table}`));
  await db.execute(sql`DELETE FROM clients WHERE name LIKE 'ベンチ%'`);
  await db.execute(sql`DELETE FROM applied_ops WHERE op_id LIKE 'bench-%'`);
  const { token } = await createClient(db, { kind: 'admin', name: 'ベンチ管理', storeId: null }, new Date());
  await close();
  return token;
}

/**
 * Issue 15's targets, against a 楽天 fake answering every request in 50 ms, with a central
 * server process on a database of a million orders: 10,000 new orders fetched (bounded by
 * the pace 楽天 allows: searchOrder pages of 1,000, getOrder 100 at a time, five requests a
 * second), and 10,000 shipment notices drained at the fake's limit, with lost answers and
 * throttling on the way, none lost and none sent twice.
 */
export const channelsSection: BenchSection = {
  name: 'channels',
  async run(env) {
    const out: Measurement[] = [];
    const { dir, seed } = await ensureServerDatabase(env.orders, env.fresh);
    out.push(seed);
    const adminToken = await reset(dir);
    const fake = await new RakutenFake({ seed: 71, shopId: SHOP, latencyMs: LATENCY_MS }).start();
    const numbers = fake.addOrders(ORDERS);
    process.env.CHUMON_SERVER_KEY_FILE = path.join(env.scratch, 'channels.key');
    const server = await startServerProcess({ dataDir: dir });
    const call = async <T>(token: string, method: string, route: string, body?: unknown): Promise<T> => {
      const r = await fetch(`${server.url}${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`${route}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    };
    try {
      const account = await call<{ id: number }>(adminToken, 'POST', '/admin/channels/accounts', {
        channel: 'rakuten',
        name: 'ベンチ 楽天',
        storeId: 'bench',
        // Off until measured: the server's own timer would otherwise start it first.
        enabled: false,
        settings: { endpoint: `${fake.url}/es/2.0/order` },
        credentials: { serviceSecret: fake.serviceSecret, licenseKey: fake.licenseKey },
      });

      const floor = await measureFloors();
      const accountPath = `/admin/channels/accounts/${account.id}`;
      let start = performance.now();
      await call(adminToken, 'PATCH', accountPath, { enabled: true });
      const fetched = await call<RunResult>(adminToken, 'POST', `${accountPath}/run`);
      const seconds = (performance.now() - start) / 1000;
      out.push({
        name: `fetch ${ORDERS.toLocaleString()} new 楽天 orders (50 ms a request) into ${env.orders.toLocaleString()}`,
        value: seconds,
        unit: 's',
        target: { op: '<', value: 30 },
        note: `${fetched.fetched.created.toLocaleString()} stored; ${(seconds / floor.fetch).toFixed(2)}× the floor (the connector alone reading the same orders from a second fake: ${floor.fetch.toFixed(1)} s); ${fake.throttled.size ? 'throttled by the fake' : 'never throttled'}`,
      });
      if (fetched.fetched.created !== ORDERS) throw new Error(`fetched ${fetched.fetched.created} of ${ORDERS}`);

      await call(adminToken, 'PATCH', accountPath, { enabled: false });
      // A store PC ships all of them (入金済 → 送り状番号 → 出荷確定), as sync pushes it.
      const { token: pc } = await call<{ token: string }>(adminToken, 'POST', '/admin/clients', {
        kind: 'pc',
        name: 'ベンチPC',
        storeId: 'bench',
      });
      const run = Date.now().toString(36);
      const op = (orderNo: string, operation: StatusOp['operation'], extra: Partial<StatusOp> = {}): StatusOp => ({
        opId: `bench-${run}-${orderNo}-${operation}`,
        channel: 'rakuten',
        orderNo,
        kind: 'status',
        at: new Date().toISOString(),
        actor: { operator: 'ベンチ', pcId: 'ベンチPC', storeId: 'bench' },
        reason: '',
        from: null,
        to: null,
        operation,
        ...extra,
      });
      const ops = numbers.flatMap((no, n) => [
        op(no, 'bulk_set_status', { target: 'paid' }),
        op(no, 'register_tracking', { carrier: 'yamato', trackingNo: String(500_000_000_000 + n) }),
        op(no, 'confirm_shipment'),
      ]);
      for (let i = 0; i < ops.length; i += 4998) await call(pc, 'POST', '/sync/push', { ops: ops.slice(i, i + 4998) });

      // The drain: the seller's pace for updateOrderShipping, lost answers and throttling on the way.
      for (const [op, plan] of Object.entries(NOTICE_PLANS)) fake.setPlan(op, plan);
      const faults: Fault[] = Array.from({ length: ORDERS }, (_, i) =>
        i % 500 === 250 ? { kind: 'drop-after' } : i % 2000 === 1000 ? { kind: 'throttle' } : { kind: 'slow', ms: 0 },
      );
      fake.inject('updateOrderShipping', ...faults);
      start = performance.now();
      await call(adminToken, 'PATCH', accountPath, {
        enabled: true,
        settings: {
          rates: NOTICE_PLANS,
          noticeConcurrency: CONCURRENCY,
        },
      });
      const drained = await call<RunResult>(adminToken, 'POST', `${accountPath}/run`);
      const drainSeconds = (performance.now() - start) / 1000;
      const sent = [...fake.shipments.values()];
      const lost = numbers.filter((no) => !fake.shipments.has(no)).length;
      const twice = sent.filter((s) => s.length > 1).length;
      out.push({
        name: `drain ${ORDERS.toLocaleString()} shipment notices at the fake's limit (${NOTICE_RATE}/s, 50 ms)`,
        value: ORDERS / drainSeconds,
        unit: '/s',
        note: `${drainSeconds.toFixed(1)} s, ${(drainSeconds / floor.drain).toFixed(2)}× the floor (the connector alone confirming as many at the same pace, no faults: ${floor.drain.toFixed(1)} s; the limit alone allows ${(ORDERS / NOTICE_RATE).toFixed(0)} s); ${drained.notices.sent.toLocaleString()} sent, ${lost} lost, ${twice} sent twice; ${ORDERS / 500} answers lost on the way, ${fake.throttled.get('updateOrderShipping') ?? 0} refused for pace`,
      });
      out.push({ name: 'shipment notices lost', value: lost, unit: 'count', target: { op: '<', value: 1 } });
      out.push({ name: 'shipment notices sent twice', value: twice, unit: 'count', target: { op: '<', value: 1 } });
    } finally {
      await server.stop();
      await fake.close();
      delete process.env.CHUMON_SERVER_KEY_FILE;
      await reset(dir);
    }
    return out;
  },
};
