import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { makeOrder } from '../helpers/orders.js';
import { startPcProcess, type PcProcess } from '../helpers/pc-process.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { stockIntakeBody } from '../helpers/stock.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { newPgliteDir } from '../helpers/server-templates.js';

/**
 * One stock truth across store PCs (N2), every party its own process: the central server
 * (`npm run server` on PGlite) and two PCs of one store, each on its own SQLite file, one
 * of them behind a line the test cuts. Reservations, cancellations and shipments go up as
 * the PCs' sync operations and the server judges them with its stock; a third PC's first
 * sync shows what the server holds.
 */
let server: ServerProcess;
let dataDir: string;
let proxy: TcpProxy;
let a: PcProcess;
let b: PcProcess;
const tokens = { admin: '', a: '', b: '' };

async function admin<T>(route: string, body: unknown): Promise<T> {
  const res = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${route}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const stockFile = (lines: [string, string, number][]) => admin('/intake/stock', stockIntakeBody(lines));
const order = (orderNo: string, sku: string): NewOrder =>
  makeOrder({
    orderNo,
    paymentMethod: 'cod',
    items: [{ lineNo: 1, sku, title: `商品 ${sku}`, quantity: 1, unitPrice: 1000, location: '' }],
  });

async function connect(pcId: string, token: string, url: string): Promise<PcProcess> {
  const pc = await startPcProcess(pcId);
  await pc.call('sync:saveSettings', { serverUrl: url, token });
  await pc.call('sync:now', {});
  return pc;
}

const idsOf = async (pc: PcProcess, ...orderNos: string[]) =>
  (
    await pc.query<{ id: number }>(
      `SELECT id FROM orders WHERE order_no IN (${orderNos.map(() => '?').join(',')}) ORDER BY order_no`,
      ...orderNos,
    )
  ).map((r) => r.id);
const statusOf = async (pc: PcProcess, orderNo: string) =>
  (await pc.query<{ status: string }>('SELECT status FROM orders WHERE order_no = ?', orderNo))[0]?.status;
const stockOn = async (pc: PcProcess, sku: string) =>
  (
    await pc.query<{ onHand: number; reserved: number }>(
      "SELECT on_hand AS onHand, reserved FROM stock WHERE sku = ? AND store_id = 'tokyo'",
      sku,
    )
  )[0];
/** The ledger's invariants on a PC: reserved = Σ reservations, 0 ≤ reserved ≤ on hand. */
const violations = (pc: PcProcess) =>
  pc.query<{ sku: string }>(
    `SELECT s.sku FROM stock s WHERE s.reserved < 0 OR s.reserved > s.on_hand OR s.reserved <>
       coalesce((SELECT sum(quantity) FROM stock_reservations r WHERE r.sku = s.sku AND r.store_id = s.store_id), 0)`,
  );

/** What the server holds, as a new PC of the store gets it on its first sync. */
async function serverStock(sku: string): Promise<{ onHand: number; reserved: number } | undefined> {
  const { token } = await admin<{ token: string }>('/admin/clients', {
    kind: 'pc',
    name: `確認PC-${sku}`,
    storeId: 'tokyo',
  });
  const fresh = await connect(`確認PC-${sku}`, token, server.url);
  try {
    expect(await violations(fresh)).toEqual([]);
    return await stockOn(fresh, sku);
  } finally {
    await fresh.close();
  }
}

beforeAll(async () => {
  dataDir = newPgliteDir();
  server = await startServerProcess({ dataDir });
  tokens.admin = server.adminToken!;
  await admin('/admin/stores', { id: 'tokyo', name: '東京店', isHeadOffice: false });
  tokens.a = (
    await admin<{ token: string }>('/admin/clients', { kind: 'pc', name: '東京PC-A', storeId: 'tokyo' })
  ).token;
  tokens.b = (
    await admin<{ token: string }>('/admin/clients', { kind: 'pc', name: '東京PC-B', storeId: 'tokyo' })
  ).token;
  proxy = new TcpProxy(Number(new URL(server.url).port));
  await proxy.start();
  [a, b] = await Promise.all([connect('東京PC-A', tokens.a, server.url), connect('東京PC-B', tokens.b, proxy.url)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await proxy?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('stock across PC processes', () => {
  it('two PCs reserving the last unit at once: the server accepts one, the other PC is refused, shows it and gives the unit back', async () => {
    await stockFile([['LAST', 'tokyo', 1]]);
    await admin('/intake/orders', { orders: [order('R-1', 'LAST'), order('R-2', 'LAST')] });
    await Promise.all([a.call('sync:now', {}), b.call('sync:now', {})]);
    // Each PC takes the unit from its own copy: both succeed locally.
    const [onA] = await idsOf(a, 'R-1');
    const [onB] = await idsOf(b, 'R-2');
    expect((await a.call('stock:check', { orderIds: [onA!] })).applied).toBe(1);
    expect((await b.call('stock:check', { orderIds: [onB!] })).applied).toBe(1);

    const reports = await Promise.all([a.call('sync:now', {}), b.call('sync:now', {})]);
    expect(reports.map((r) => r.refused.length).sort()).toEqual([0, 1]);
    const loser = reports[0]!.refused.length === 1 ? { pc: a, no: 'R-1' } : { pc: b, no: 'R-2' };
    const winner = loser.pc === a ? { pc: b, no: 'R-2' } : { pc: a, no: 'R-1' };
    const refusal = reports.flatMap((r) => r.refused)[0]!;
    expect(refusal).toMatchObject({ orderNo: loser.no, attempted: '在庫確認', statusNow: '新規' });
    expect(refusal.reason).toContain('LAST（必要 1 / 在庫 0）');
    // Shown to the clerk as status conflicts are.
    expect((await loser.pc.call('sync:refusals', {})).map((r) => r.orderNo)).toContain(loser.no);
    expect(await statusOf(loser.pc, loser.no)).toBe('new');

    await Promise.all([a.call('sync:now', {}), b.call('sync:now', {})]);
    for (const pc of [a, b]) {
      expect(await statusOf(pc, winner.no)).toBe('paid');
      expect(await statusOf(pc, loser.no)).toBe('new');
      expect(await stockOn(pc, 'LAST')).toEqual({ onHand: 1, reserved: 1 });
      expect(await violations(pc)).toEqual([]);
    }
    expect(await serverStock('LAST')).toEqual({ onHand: 1, reserved: 1 });
  }, 120_000);

  it('no unit lost or counted twice when the line drops around pushes and requests arrive twice', async () => {
    await stockFile([['FLT', 'tokyo', 6]]);
    const nos = ['F-1', 'F-2', 'F-3', 'F-4', 'F-5', 'F-6'];
    await admin('/intake/orders', { orders: nos.map((no) => order(no, 'FLT')) });
    await b.call('sync:now', {});
    await b.call('stock:check', { orderIds: await idsOf(b, 'F-1', 'F-2', 'F-3') });
    // The server applies the push but its answer never arrives (twice: the quiet retry too).
    proxy.arm('POST /sync/push', 'after', 2);
    await expect(b.call('sync:now', {})).rejects.toThrow(/接続できません/);
    await b.call('sync:now', {});

    await a.call('sync:now', {});
    expect(await stockOn(a, 'FLT')).toEqual({ onHand: 6, reserved: 3 });
    await a.call('stock:check', { orderIds: await idsOf(a, 'F-4', 'F-5') });
    await a.call('sync:now', {});

    await b.call('sync:now', {});
    const [f1, f2] = await idsOf(b, 'F-1', 'F-2');
    await b.call('operations:cancel', { orderIds: [f1!], reason: 'お客様都合' });
    await b.call('operations:registerTracking', {
      entries: [{ orderId: f2!, carrier: 'yamato', trackingNo: '123456789012' }],
    });
    await b.call('operations:confirmShipment', { orderIds: [f2!] });
    for (const fault of ['before', 'during-request', 'during-response'] as const) {
      proxy.arm('POST /sync/push', fault, 2);
      await expect(b.call('sync:now', {})).rejects.toThrow(/接続できません/);
    }
    await b.call('sync:now', {});
    await a.call('sync:now', {});

    // 6 counted; F-2 shipped (5 left); F-3, F-4, F-5 hold 3; F-1 cancelled gave its unit back.
    for (const pc of [a, b]) {
      expect(await stockOn(pc, 'FLT')).toEqual({ onHand: 5, reserved: 3 });
      expect(await violations(pc)).toEqual([]);
      expect(await statusOf(pc, 'F-1')).toBe('cancelled');
      expect(await statusOf(pc, 'F-2')).toBe('shipped');
    }
    expect(await serverStock('FLT')).toEqual({ onHand: 5, reserved: 3 });
  }, 120_000);
});
