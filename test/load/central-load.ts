/**
 * Load on the central server: store PCs syncing every 10 s (push of their local changes, then
 * pull from their cursor until nothing is left) while a channel connector takes in orders at a
 * steady rate, on loopback. The server runs as its own process (src-server/cli.ts), exactly as
 * deployed: on PostgreSQL when DATABASE_URL is set, else on a new embedded PGlite; `--servers 2`
 * runs two server processes on the one PostgreSQL, the PCs and the intake spread over them.
 * The database may already hold data and an admin token: pass it (`--admin-token` or
 * CHUMON_ADMIN_TOKEN), or on PostgreSQL the script issues its own admin token. Each run uses
 * stores and order numbers of its own, so runs do not meet. Prints a line every
 * `--report-every` seconds, then p50/p95/p99/max per request kind and every error. Not part of
 * `npm test`:
 *   npx tsx test/load/central-load.ts [--seconds 300] [--pcs 50] [--rate 100] [--servers 1]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PullResponse, PushResponse, WireOp } from '../../src-shared/sync/protocol.js';
import { unpackPage, type SentPage } from '../../src-shared/sync/packed-orders.js';
import { createClient } from '../../src-server/auth.js';
import { openServerDatabase } from '../../src-server/db/open.js';
import { makeOrder } from '../helpers/orders.js';
import { stockIntakeBody } from '../helpers/stock.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { Latencies } from './latencies.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '300' },
    pcs: { type: 'string', default: '50' },
    rate: { type: 'string', default: '100' },
    servers: { type: 'string', default: '1' },
    'admin-token': { type: 'string' },
    'report-every': { type: 'string', default: '10' },
  },
});
const SECONDS = Number(values.seconds);
const PCS = Number(values.pcs);
const RATE = Number(values.rate);
const SERVERS = Number(values.servers);
const REPORT_EVERY_MS = Number(values['report-every']) * 1000;
const SYNC_EVERY_MS = 10_000;
const DATABASE_URL = process.env.DATABASE_URL || undefined;
const RUN = Date.now().toString(36);

const measured = new Latencies();
const timed = measured.timed.bind(measured);

/** The admin token: given, made by this first start, or issued for this run on PostgreSQL. */
async function adminTokenFor(first: ServerProcess): Promise<string> {
  const given = values['admin-token'] ?? process.env.CHUMON_ADMIN_TOKEN;
  if (given) return given;
  if (first.adminToken) return first.adminToken;
  if (!DATABASE_URL)
    throw new Error('管理者トークンがありません: --admin-token か CHUMON_ADMIN_TOKEN で渡してください。');
  const database = await openServerDatabase({ databaseUrl: DATABASE_URL });
  try {
    return (await createClient(database.db, { kind: 'admin', name: `負荷試験 ${RUN}`, storeId: null }, new Date()))
      .token;
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  if (SERVERS > 1 && !DATABASE_URL) throw new Error('--servers 2 以上は DATABASE_URL（PostgreSQL）が必要です。');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chumon-load-'));
  const servers: ServerProcess[] = [];
  for (let i = 0; i < SERVERS; i++)
    servers.push(await startServerProcess(DATABASE_URL ? { url: DATABASE_URL } : { dataDir }));
  const adminToken = await adminTokenFor(servers[0]!);
  const request = async <T>(token: string, method: string, route: string, body?: unknown, via = 0): Promise<T> => {
    const res = await fetch(`${servers[via % servers.length]!.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${route} → ${res.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  };
  const stores = Array.from({ length: PCS }, (_, i) => `load-${RUN}-${String(i).padStart(3, '0')}`);
  for (const id of stores) await request(adminToken, 'POST', '/admin/stores', { id, name: `店舗${id}` });
  // The orders' SKU at every store: the server reserves pushed 在庫確認 from its own stock.
  await request(adminToken, 'POST', '/intake/stock', stockIntakeBody(stores.map((id) => ['MG-010', id, 1_000_000])));
  const pcs = await Promise.all(
    stores.map(async (storeId) => ({
      storeId,
      cursor: 0,
      known: [] as string[],
      token: (
        await request<{ token: string }>(adminToken, 'POST', '/admin/clients', {
          kind: 'pc',
          name: `PC-${storeId}`,
          storeId,
        })
      ).token,
    })),
  );
  const connector = (
    await request<{ token: string }>(adminToken, 'POST', '/admin/clients', { kind: 'connector', name: 'モール連携' })
  ).token;

  const deadline = Date.now() + SECONDS * 1000;
  let intaken = 0;
  let serial = 0;
  let batches = 0;
  /** RATE orders/s in ten batches a second, each order to one of the stores (and servers). */
  const intake = async () => {
    const perBatch = Math.max(1, Math.round(RATE / 10));
    for (let next = Date.now(); Date.now() < deadline; next += 100) {
      const orders = Array.from({ length: perBatch }, () =>
        makeOrder({
          orderNo: `LOAD-${RUN}-${++serial}`,
          storeId: stores[serial % stores.length]!,
          orderedAt: new Date().toISOString(),
        }),
      );
      const done = await timed(`intake (${perBatch} orders)`, () =>
        // Batch by batch over the servers (order numbers rise by a whole batch, often a multiple of their count).
        request<{ created: number }>(connector, 'POST', '/intake/orders', { orders }, batches++),
      );
      intaken += done?.created ?? 0;
      await new Promise((r) => setTimeout(r, Math.max(0, next + 100 - Date.now())));
    }
  };
  /** One PC: every 10 s, push a stock check of its newest orders, then pull everything new. */
  const pcLoop = async (pc: (typeof pcs)[number], offset: number, via: number) => {
    await new Promise((r) => setTimeout(r, offset));
    while (Date.now() < deadline) {
      const started = Date.now();
      const ops: WireOp[] = pc.known.splice(0, 5).map((orderNo) => ({
        opId: `${pc.storeId}-${orderNo}`,
        channel: 'yahoo_shopping',
        orderNo,
        kind: 'status',
        at: new Date().toISOString(),
        actor: { operator: '店員', pcId: `PC-${pc.storeId}`, storeId: pc.storeId },
        reason: '',
        from: null,
        to: null,
        operation: 'stock_ok',
      }));
      if (ops.length) {
        const pushed = await timed('push', () => request<PushResponse>(pc.token, 'POST', '/sync/push', { ops }, via));
        for (const r of pushed?.results ?? [])
          if (!r.accepted) measured.errors.push(`push refused ${r.opId}: ${r.reason}`);
      }
      for (let more = true; more && Date.now() < deadline;) {
        // Packed pages, as the store PCs ask for them.
        const sent = await timed('pull', () =>
          request<SentPage<PullResponse>>(
            pc.token,
            'GET',
            `/sync/pull?cursor=${pc.cursor}&limit=2000&packed=1&packedStock=1`,
            undefined,
            via,
          ),
        );
        if (!sent) break;
        const page = unpackPage(sent);
        pc.cursor = page.cursor;
        for (const o of page.orders) if (o.status === 'new') pc.known.push(o.orderNo);
        more = page.hasMore;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, started + SYNC_EVERY_MS - Date.now())));
    }
  };
  console.log(
    `load: ${PCS} PCs syncing every ${SYNC_EVERY_MS / 1000} s, ${RATE} orders/s, ${SECONDS} s, ${servers.length} server process(es) on ${DATABASE_URL ? 'PostgreSQL' : 'PGlite'}: ${servers.map((s) => s.url).join(' ')}`,
  );
  const began = Date.now();
  const reporter = setInterval(
    () => console.log(measured.windowLine(Math.round((Date.now() - began) / 1000), `orders in ${intaken}`)),
    REPORT_EVERY_MS,
  );
  await Promise.all([intake(), ...pcs.map((pc, i) => pcLoop(pc, (i * SYNC_EVERY_MS) / PCS, i))]);
  clearInterval(reporter);
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(dataDir, { recursive: true, force: true });

  console.log(`orders taken in: ${intaken} (${(intaken / SECONDS).toFixed(1)}/s)`);
  for (const line of measured.summary()) console.log(line);
  process.exit(measured.errors.length ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
