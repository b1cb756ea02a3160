import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { reservationViolations, stockOf, stockUp } from '../../helpers/stock.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const sqlite = () => t.app.ctx.database.sqlite;
const statusOf = (id: number) => sqlite().prepare('SELECT status FROM orders WHERE id = ?').pluck().get(id);
const count = (sql: string, ...params: unknown[]) =>
  sqlite()
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const item = (sku: string, quantity: number) => ({
  lineNo: 1,
  sku,
  title: `商品 ${sku}`,
  quantity,
  unitPrice: 1000,
  location: 'A-01',
});

describe('F11 在庫確認', () => {
  it('gives the last unit to the older of two orders, whatever order they were checked in', async () => {
    stockUp(sqlite(), 'tokyo', { LAST: 1 });
    const [older, newer] = insertOrders(sqlite(), [
      { order: { orderNo: 'OLDER', orderedAt: '2026-11-20T01:00:00.000Z', items: [item('LAST', 1)] } },
      { order: { orderNo: 'NEWER', orderedAt: '2026-11-21T01:00:00.000Z', items: [item('LAST', 1)] } },
    ]);
    const result = await t.call('stock:check', { orderIds: [newer!, older!] });
    expect(result.applied).toBe(1);
    expect(result.refused).toEqual([]);
    expect(result.shortages).toEqual([
      {
        orderId: newer,
        orderNo: 'NEWER',
        buyerName: '山田 太郎',
        lines: [{ sku: 'LAST', title: '商品 LAST', needed: 1, available: 0 }],
        bundledWith: [],
      },
    ]);
    expect([statusOf(older!), statusOf(newer!)]).toEqual(['stock_confirmed', 'new']);
    expect(stockOf(sqlite(), 'LAST')).toEqual({ onHand: 1, reserved: 1 });
    expect(reservationViolations(sqlite())).toEqual([]);
  });

  it('never lets a later check take a unit an earlier check reserved', async () => {
    stockUp(sqlite(), 'tokyo', { LAST: 1 });
    const [first, second] = insertOrders(sqlite(), [
      { order: { items: [item('LAST', 1)] } },
      { order: { items: [item('LAST', 1)] } },
    ]);
    await t.call('stock:check', { orderIds: [first!] });
    const again = await t.call('stock:check', { orderIds: [second!] });
    expect(again.applied).toBe(0);
    expect(again.shortages[0]!.lines[0]).toMatchObject({ needed: 1, available: 0 });
    expect(stockOf(sqlite(), 'LAST')).toEqual({ onHand: 1, reserved: 1 });
  });

  it('reserves every line of an order or none of them', async () => {
    stockUp(sqlite(), 'tokyo', { A: 5, B: 1 });
    const [id] = insertOrders(sqlite(), [
      { order: { items: [item('A', 2), { ...item('B', 2), lineNo: 2 }, { ...item('A', 1), lineNo: 3 }] } },
    ]);
    const result = await t.call('stock:check', { orderIds: [id!] });
    expect(result.shortages[0]!.lines).toEqual([{ sku: 'B', title: '商品 B', needed: 2, available: 1 }]);
    expect(stockOf(sqlite(), 'A')).toEqual({ onHand: 5, reserved: 0 });
    expect(count('SELECT count(*) FROM stock_reservations')).toBe(0);
    stockUp(sqlite(), 'tokyo', { B: 2 });
    await t.call('stock:check', { orderIds: [id!] });
    // The same SKU on two lines is reserved as one need of 3.
    expect(stockOf(sqlite(), 'A')).toEqual({ onHand: 5, reserved: 3 });
    expect(sqlite().prepare('SELECT sku, quantity FROM stock_reservations ORDER BY sku').all()).toEqual([
      { sku: 'A', quantity: 3 },
      { sku: 'B', quantity: 2 },
    ]);
  });

  it('sends a card-paid order straight to 入金済 and a bank transfer to 在庫確認済', async () => {
    stockUp(sqlite(), 'tokyo', { MG: 10 });
    const [card, bank] = insertOrders(sqlite(), [
      { order: { paymentMethod: 'credit_card', items: [item('MG', 1)] } },
      { order: { paymentMethod: 'bank_transfer', items: [item('MG', 1)] } },
    ]);
    await t.call('stock:check', { orderIds: [card!, bank!] });
    expect([statusOf(card!), statusOf(bank!)]).toEqual(['paid', 'stock_confirmed']);
  });

  it('refuses orders without a shipping store with a clear reason, and changes nothing', async () => {
    stockUp(sqlite(), 'tokyo', { MG: 10 });
    const [id] = insertOrders(sqlite(), [{ order: { storeId: null, orderNo: 'NOSTORE', items: [item('MG', 1)] } }]);
    const result = await t.call('stock:check', { orderIds: [id!] });
    expect(result.refused).toEqual([
      { orderId: id, orderNo: 'NOSTORE', reason: expect.stringContaining('出荷店舗が指定されていない') },
    ]);
    expect(result.shortages).toEqual([]);
    expect(statusOf(id!)).toBe('new');
    expect(count('SELECT count(*) FROM order_history')).toBe(0);
    expect(stockOf(sqlite(), 'MG').reserved).toBe(0);
  });

  it('refuses orders past the stock check and lists them with the reason', async () => {
    const [id] = insertOrders(sqlite(), [{ order: { orderNo: 'PAID-1' }, initial: { status: 'paid' } }]);
    const result = await t.call('stock:check', { orderIds: [id!] });
    expect(result.refused[0]).toMatchObject({
      orderNo: 'PAID-1',
      reason: expect.stringContaining('「入金済」の注文には在庫確認はできません'),
    });
  });
});

describe('欠品登録', () => {
  it('moves the short orders to 欠品あり and records which SKU, how many were needed and available', async () => {
    stockUp(sqlite(), 'tokyo', { X: 1 });
    const [id] = insertOrders(sqlite(), [{ order: { items: [item('X', 3)] } }]);
    const check = await t.call('stock:check', { orderIds: [id!] });
    expect(check.shortages).toHaveLength(1);
    const result = await t.call('stock:registerShortage', { orderIds: [id!] });
    expect(result).toEqual({ applied: 1, refused: [] });
    expect(statusOf(id!)).toBe('out_of_stock');
    expect(sqlite().prepare('SELECT sku, store_id, needed, available, resolved_at FROM stock_shortages').all()).toEqual(
      [{ sku: 'X', store_id: 'tokyo', needed: 3, available: 1, resolved_at: null }],
    );
    expect(count("SELECT count(*) FROM order_history WHERE to_value = 'out_of_stock'")).toBe(1);
    expect(stockOf(sqlite(), 'X').reserved).toBe(0);

    // Stock arrives: the next check takes the order and marks the shortage resolved.
    stockUp(sqlite(), 'tokyo', { X: 5 });
    expect((await t.call('stock:check', { orderIds: [id!] })).applied).toBe(1);
    expect(statusOf(id!)).toBe('stock_confirmed');
    expect(count('SELECT count(*) FROM stock_shortages WHERE resolved_at IS NOT NULL')).toBe(1);
  });

  it('refuses to register a shortage for an order the store can cover, and changes nothing', async () => {
    stockUp(sqlite(), 'tokyo', { X: 5 });
    const [id] = insertOrders(sqlite(), [{ order: { orderNo: 'ENOUGH', items: [item('X', 1)] } }]);
    const result = await t.call('stock:registerShortage', { orderIds: [id!] });
    expect(result.refused).toEqual([
      { orderId: id, orderNo: 'ENOUGH', reason: expect.stringContaining('在庫が足りているため') },
    ]);
    expect(statusOf(id!)).toBe('new');
    expect(count('SELECT count(*) FROM stock_shortages')).toBe(0);
  });
});

describe('reservations follow the order', () => {
  it('are released on cancellation, so the next order gets the unit', async () => {
    stockUp(sqlite(), 'tokyo', { LAST: 1 });
    const [a, b] = insertOrders(sqlite(), [
      { order: { items: [item('LAST', 1)] } },
      { order: { items: [item('LAST', 1)] } },
    ]);
    await t.call('stock:check', { orderIds: [a!, b!] });
    await t.call('operations:cancel', { orderIds: [a!], reason: 'お客様都合' });
    expect(stockOf(sqlite(), 'LAST')).toEqual({ onHand: 1, reserved: 0 });
    expect(count('SELECT count(*) FROM stock_reservations WHERE order_id = ?', a)).toBe(0);
    expect((await t.call('stock:check', { orderIds: [b!] })).applied).toBe(1);
    expect(reservationViolations(sqlite())).toEqual([]);
  });

  it('are consumed on ship confirmation: the units leave on_hand', async () => {
    stockUp(sqlite(), 'tokyo', { MG: 4 });
    const [id] = insertOrders(sqlite(), [{ order: { paymentMethod: 'credit_card', items: [item('MG', 3)] } }]);
    await t.call('stock:check', { orderIds: [id!] });
    await t.call('operations:registerTracking', {
      entries: [{ orderId: id!, carrier: 'yamato', trackingNo: '123456789012' }],
    });
    expect(stockOf(sqlite(), 'MG')).toEqual({ onHand: 4, reserved: 3 });
    await t.call('operations:confirmShipment', { orderIds: [id!] });
    expect(stockOf(sqlite(), 'MG')).toEqual({ onHand: 1, reserved: 0 });
    expect(count('SELECT count(*) FROM stock_reservations')).toBe(0);
  });

  it('keep reserved equal to what the open orders hold through a mixed day', async () => {
    stockUp(sqlite(), 'tokyo', { A: 7, B: 4, C: 2 });
    stockUp(sqlite(), 'osaka', { A: 3 });
    const skus = ['A', 'B', 'C'];
    const ids = insertOrders(
      sqlite(),
      Array.from({ length: 30 }, (_, i) => ({
        order: {
          orderedAt: new Date(Date.UTC(2026, 10, 1 + (i % 20), i)).toISOString(),
          paymentMethod: i % 3 === 0 ? 'bank_transfer' : 'credit_card',
          storeId: i % 5 === 0 ? 'osaka' : 'tokyo',
          items: [item(skus[i % 3]!, 1 + (i % 2)), { ...item(skus[(i + 1) % 3]!, 1), lineNo: 2 }],
        },
      })),
    );
    const steps: [string, () => Promise<unknown>][] = [
      ['check the first ten', () => t.call('stock:check', { orderIds: ids.slice(0, 10) })],
      ['register their shortages', () => t.call('stock:registerShortage', { orderIds: ids.slice(0, 10) })],
      [
        'cancel two checked orders',
        () => t.call('operations:cancel', { orderIds: ids.slice(0, 4), reason: '取消テスト' }),
      ],
      ['check everything', () => t.call('stock:check', { orderIds: ids })],
      ['confirm payments', () => t.call('operations:confirmPayment', { orderIds: ids, paidOn: '2026-11-26' })],
      [
        'register tracking numbers',
        () =>
          t.call('operations:registerTracking', {
            entries: ids
              .slice(0, 20)
              .map((orderId, i) => ({ orderId, carrier: 'sagawa' as const, trackingNo: String(400000000000 + i) })),
          }),
      ],
      [
        'ship some',
        async () => {
          await t.call('operations:confirmShipment', { orderIds: ids.slice(0, 12) });
          const shippedUnits = count(
            `SELECT coalesce(sum(i.quantity), 0) FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.status = 'shipped'`,
          );
          expect(shippedUnits).toBeGreaterThan(0);
          expect(count('SELECT sum(on_hand) FROM stock')).toBe(7 + 4 + 2 + 3 - shippedUnits);
        },
      ],
      [
        'restock and check again',
        async () => {
          stockUp(sqlite(), 'tokyo', { A: 20, B: 20, C: 20 });
          return t.call('stock:check', { orderIds: ids });
        },
      ],
      ['cancel whatever is not shipped', () => t.call('operations:cancel', { orderIds: ids, reason: '在庫切れ' })],
    ];
    for (const [name, step] of steps) {
      await step();
      expect(reservationViolations(sqlite()), name).toEqual([]);
    }
    // By the end every order is shipped or cancelled: nothing may still be reserved.
    expect(count("SELECT count(*) FROM orders WHERE status NOT IN ('shipped', 'cancelled')")).toBe(0);
    expect(count('SELECT coalesce(sum(reserved), 0) FROM stock')).toBe(0);
  });
});

describe('two PCs on one database file', () => {
  it('hand the last unit to exactly one of two stock checks that both saw it free and ran at once', async () => {
    stockUp(sqlite(), 'tokyo', { LAST: 1 });
    const ids = insertOrders(sqlite(), [
      { order: { items: [item('LAST', 1)] } },
      { order: { items: [item('LAST', 1)] } },
    ]);
    const workers = ids.map((id) => {
      const settingsDir = mkdtempSync(path.join(os.tmpdir(), 'chumon-race-'));
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'race-worker.ts'), t.dir, settingsDir, String(id), 'LAST'],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      return {
        child,
        settingsDir,
        next: async () => (await lines.next()).value as string,
        send: (line: string) => child.stdin!.write(`${line}\n`),
      };
    });
    try {
      for (const w of workers) expect(await w.next()).toBe('ready');
      // Barrier 1: both PCs read the stock before either writes, and both see the last unit free.
      for (const w of workers) w.send('look');
      const seen = await Promise.all(workers.map((w) => w.next()));
      expect(seen).toEqual(Array(2).fill('saw {"onHand":1,"reserved":0,"status":"new"}'));
      // Barrier 2: the test holds the write lock until both have entered the stock check, so
      // both are waiting on the lock at once when it is released: the two checks race.
      sqlite().exec('BEGIN IMMEDIATE');
      for (const w of workers) w.send('go');
      expect(await Promise.all(workers.map((w) => w.next()))).toEqual(['checking', 'checking']);
      expect(stockOf(sqlite(), 'LAST')).toEqual({ onHand: 1, reserved: 0 });
      sqlite().exec('COMMIT');
      const results = await Promise.all(
        workers.map(
          async (w) => JSON.parse(await w.next()) as { ok: boolean; value: { applied: number; shortages: unknown[] } },
        ),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(results.map((r) => r.value.applied).sort()).toEqual([0, 1]);
      expect(results.map((r) => r.value.shortages.length).sort()).toEqual([0, 1]);
      expect(stockOf(sqlite(), 'LAST')).toEqual({ onHand: 1, reserved: 1 });
      expect(count("SELECT count(*) FROM orders WHERE status = 'stock_confirmed'")).toBe(1);
      expect(reservationViolations(sqlite())).toEqual([]);
    } finally {
      for (const w of workers) {
        w.child.kill();
        rmSync(w.settingsDir, { recursive: true, force: true });
      }
    }
  }, 30_000);
});
