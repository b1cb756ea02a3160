import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withDeferredIndexes, withDeferredIndexesAsync } from '../../../src-main/db/bulk-load.js';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { checkInvariants } from './invariants.js';

let dir: string;
let t: TestApp;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-deferred-'));
  t = createTestApp({ dir });
});
afterEach(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

const indexNames = () =>
  t.app.ctx.database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' ORDER BY name").pluck().all();

describe('bulk load with deferred indexes', () => {
  it('gets its dropped indexes back at the next start when the process died mid-load', () => {
    const before = indexNames();
    const { sqlite } = t.app.ctx.database;
    // Simulate the kill: the load never returns, so its own clean-up never runs.
    const killed = new Error('killed');
    const original = sqlite.transaction.bind(sqlite);
    let calls = 0;
    sqlite.transaction = ((fn: () => unknown) => {
      calls += 1;
      if (calls === 2) throw killed; // the rebuild transaction, after the load
      return original(fn);
    }) as typeof sqlite.transaction;
    expect(() => withDeferredIndexes(sqlite, ['orders', 'order_items'], () => undefined)).toThrow(killed);
    sqlite.transaction = original;
    expect(indexNames().length).toBeLessThan(before.length);
    t.close();
    t = createTestApp({ dir });
    expect(indexNames()).toEqual(before);
    expect(checkInvariants(t.app.ctx.database.sqlite)).toEqual([]);
  });

  it('keeps the screen answering while a first sync has the indexes dropped', async () => {
    const { sqlite } = t.app.ctx.database;
    await withDeferredIndexesAsync(sqlite, ['orders', 'order_items'], async () => {
      expect(indexNames()).not.toContain('orders_unpaid_idx');
      insertOrders(sqlite, [
        { order: { orderNo: 'FIRST-1', orderedAt: '2026-10-01T00:00:00.000Z' } },
        { order: { orderNo: 'FIRST-2' }, initial: { status: 'awaiting_shipment', carrier: 'sagawa', trackingNo: '123456785678' } },
      ]);
      // What the screen asks between two pages of the first sync: every hinted query.
      const counts = await t.call('orders:counts', {});
      expect(counts.new + counts.reminder).toBeGreaterThanOrEqual(2);
      const reminder = await t.call('orders:list', { tab: 'reminder', offset: 0, limit: 100 });
      expect(reminder.rows.map((r) => r.orderNo)).toContain('FIRST-1');
      const found = await t.call('orders:list', { criteria: { orderNo: 'FIRST', trackingNo: '5678' }, offset: 0, limit: 100 });
      expect(found.rows.map((r) => r.orderNo)).toEqual(['FIRST-2']);
      // The two share a buyer and address: one bundle candidate.
      expect((await t.call('bundle:candidates', {})).groups).toHaveLength(1);
    });
    expect(indexNames()).toContain('orders_unpaid_idx');
  });
});
