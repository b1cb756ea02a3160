/**
 * Load on the central server: 50 store PCs syncing every 10 s (push of their
 * local changes, then pull from their cursor until nothing is left) while a channel
 * connector takes in 100 orders/s, for 5 minutes on loopback. The server runs as its own
 * process (src-server/cli.ts, PGlite), exactly as deployed. Stops by itself; prints p50/p95/
 * p99/max latency per request kind and every error. Not part of `npm test`:
 *   npx tsx test/load/central-load.ts [--seconds 300] [--pcs 50] [--rate 100]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PullResponse, PushResponse, WireOp } from '../../src-shared/sync/protocol.js';
import { makeOrder } from '../helpers/orders.js';
import { stockIntakeBody } from '../helpers/stock.js';
import { startServerProcess } from '../helpers/server-process.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '300' },
    pcs: { type: 'string', default: '50' },
    rate: { type: 'string', default: '100' },
  },
});
const SECONDS = Number(values.seconds);
const PCS = Number(values.pcs);
const RATE = Number(values.rate);
const SYNC_EVERY_MS = 10_000;

const latencies = new Map<string, number[]>();
const errors: string[] = [];

async function timed<T>(kind: string, task: () => Promise<T>): Promise<T | null> {
  const start = performance.now();
  try {
    return await task();
  } catch (err) {
    errors.push(`${kind}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  } finally {
    const list = latencies.get(kind) ?? [];
    list.push(performance.now() - start);
    latencies.set(kind, list);
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chumon-load-'));
  // PostgreSQL when DATABASE_URL is set, else the embedded PGlite, as `npm run server` does.
  const server = await startServerProcess(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir });
  const adminToken = server.adminToken!;
  const request = async <T>(token: string, method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${route} → ${res.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  };
  const stores = Array.from({ length: PCS }, (_, i) => `s${String(i).padStart(2, '0')}`);
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
  /** 100 orders/s in ten batches of 10 a second, each order to one of the stores. */
  const intake = async () => {
    const perBatch = Math.max(1, Math.round(RATE / 10));
    for (let next = Date.now(); Date.now() < deadline; next += 100) {
      const orders = Array.from({ length: perBatch }, () =>
        makeOrder({
          orderNo: `LOAD-${++serial}`,
          storeId: stores[serial % stores.length]!,
          orderedAt: new Date().toISOString(),
        }),
      );
      const done = await timed('intake (10 orders)', () =>
        request<{ created: number }>(connector, 'POST', '/intake/orders', { orders }),
      );
      intaken += done?.created ?? 0;
      await new Promise((r) => setTimeout(r, Math.max(0, next + 100 - Date.now())));
    }
  };
  /** One PC: every 10 s, push a stock check of its newest orders, then pull everything new. */
  const pcLoop = async (pc: (typeof pcs)[number], offset: number) => {
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
        const pushed = await timed('push', () => request<PushResponse>(pc.token, 'POST', '/sync/push', { ops }));
        for (const r of pushed?.results ?? []) if (!r.accepted) errors.push(`push refused ${r.opId}: ${r.reason}`);
      }
      for (let more = true; more && Date.now() < deadline;) {
        const page = await timed('pull', () =>
          request<PullResponse>(pc.token, 'GET', `/sync/pull?cursor=${pc.cursor}&limit=2000`),
        );
        if (!page) break;
        pc.cursor = page.cursor;
        for (const o of page.orders) if (o.status === 'new') pc.known.push(o.orderNo);
        more = page.hasMore;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, started + SYNC_EVERY_MS - Date.now())));
    }
  };
  console.log(
    `load: ${PCS} PCs syncing every ${SYNC_EVERY_MS / 1000} s, ${RATE} orders/s, ${SECONDS} s, server ${server.url}`,
  );
  await Promise.all([intake(), ...pcs.map((pc, i) => pcLoop(pc, (i * SYNC_EVERY_MS) / PCS))]);
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });

  const pct = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  console.log(`orders taken in: ${intaken} (${(intaken / SECONDS).toFixed(1)}/s)`);
  for (const [kind, list] of latencies) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(20)} n=${String(sorted.length).padStart(6)}  p50 ${pct(sorted, 50).toFixed(1)} ms  p95 ${pct(sorted, 95).toFixed(1)} ms  p99 ${pct(sorted, 99).toFixed(1)} ms  max ${sorted[sorted.length - 1]!.toFixed(1)} ms`,
    );
  }
  console.log(`errors: ${errors.length}`);
  for (const e of errors.slice(0, 20)) console.log(`  ${e}`);
  process.exit(errors.length ? 1 : 0);
}

void main();
