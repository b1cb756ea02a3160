import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultMasters } from '../../../src-main/db/defaults.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, MIGRATIONS, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const sqlite = () => t.app.ctx.database.sqlite;
const held = () => sqlite().prepare('SELECT tracking_no AS trackingNo, parcel FROM parcels ORDER BY 1').all();
const statusOf = (id: number) => sqlite().prepare('SELECT status FROM orders WHERE id = ?').pluck().get(id);
const register = (orderId: number, trackingNo: string) =>
  t.call('operations:registerTracking', { entries: [{ orderId, carrier: 'yamato', trackingNo }] });

describe('one tracking number, one parcel waiting to ship', () => {
  it('is held by the parcel it was registered for; another parcel cannot take it by any path', async () => {
    const [a, b] = insertOrders(sqlite(), [
      { order: { orderNo: 'A-1' }, initial: { status: 'paid' } },
      { order: { orderNo: 'B-1' }, initial: { status: 'paid' } },
    ]);
    expect((await register(a!, '1111-2222-3333')).applied).toBe(1);
    expect(held()).toEqual([{ trackingNo: '111122223333', parcel: `order:${a}` }]);
    // The door says whose it is; the engine behind it (what any other caller would reach) is held by the index.
    expect((await register(b!, '111122223333')).refused[0]!.reason).toContain('すでに注文 A-1 に登録されています');
    const past = t.app.ctx.services.status.apply(
      { orderIds: [b!], operation: 'register_tracking', trackingNo: '111122223333', carrier: 'yamato' },
      t.app.ctx.actor(),
      t.clock.now(),
    );
    expect(past.refused[0]!.reason).toContain('すでに別の荷物に登録されています');
    expect(() =>
      sqlite()
        .prepare("UPDATE orders SET status = 'awaiting_shipment', tracking_no = '111122223333' WHERE id = ?")
        .run(b),
    ).toThrow(/parcel_tracking_taken/);
    expect(statusOf(b!)).toBe('paid');
  });

  it('goes to the first parcel of one engine call; the next parcel is refused alone', () => {
    const [a, b, c] = insertOrders(sqlite(), [
      { order: { orderNo: 'A-2' }, initial: { status: 'paid' } },
      { order: { orderNo: 'B-2' }, initial: { status: 'paid' } },
      { order: { orderNo: 'C-2' }, initial: { status: 'shipped', trackingNo: '555566667777' } },
    ]);
    const result = t.app.ctx.services.status.apply(
      { orderIds: [a!, b!], operation: 'register_tracking', trackingNo: '5555-6666-7777', carrier: 'yamato' },
      t.app.ctx.actor(),
      t.clock.now(),
    );
    expect(result.applied).toBe(1);
    expect(result.refused).toEqual([
      { orderId: b, orderNo: 'B-2', reason: expect.stringContaining('すでに別の荷物に登録されています') },
    ]);
    expect([statusOf(a!), statusOf(b!)]).toEqual(['awaiting_shipment', 'paid']);
    // E11 back to 出荷待ち brings a shipped order's number with it: refused too, the order unchanged.
    sqlite().prepare("UPDATE orders SET status = 'new' WHERE id = ?").run(c);
    const back = t.app.ctx.services.status.apply(
      { orderIds: [c!], operation: 'bulk_set_status', target: 'awaiting_shipment' },
      t.app.ctx.actor(),
      t.clock.now(),
    );
    expect(back.refused[0]!.reason).toContain('送り状番号 555566667777 はすでに別の荷物');
    expect(statusOf(c!)).toBe('new');
  });

  it('is shared by the orders of a bundle, one parcel', async () => {
    const [a, b] = insertOrders(sqlite(), [{ initial: { status: 'paid' } }, { initial: { status: 'paid' } }]);
    await t.call('bundle:create', { orderIds: [a!, b!] });
    expect((await register(a!, '222233334444')).applied).toBe(2);
    const group = sqlite().prepare('SELECT bundle_group FROM orders WHERE id = ?').pluck().get(a) as string;
    expect(held()).toEqual([{ trackingNo: '222233334444', parcel: group }]);
    // Unbundling splits the parcel without failing: the label stays held by one of them.
    await t.call('bundle:dissolve', { bundleGroup: group });
    expect(held()).toEqual([{ trackingNo: '222233334444', parcel: expect.stringMatching(/^order:/) }]);
  });

  it('is released when its parcel is cancelled or ships', async () => {
    const [a, b, c] = insertOrders(sqlite(), [
      { initial: { status: 'paid' } },
      { initial: { status: 'paid' } },
      { initial: { status: 'paid' } },
    ]);
    await register(a!, '333344445555');
    await t.call('operations:cancel', { orderIds: [a!], reason: 'お客様都合' });
    expect(held()).toEqual([]);
    expect((await register(b!, '333344445555')).applied).toBe(1);
    await t.call('operations:confirmShipment', { orderIds: [b!] });
    expect(held()).toEqual([]);
    // The door still refuses a number on a shipped order (most likely a double scan), as before.
    expect((await register(c!, '333344445555')).refused[0]!.reason).toContain('すでに注文');
  });
});

describe('numbers held twice before the unique index', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-parcels-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are kept by the oldest order; the upgrade and the day’s work go on', () => {
    const before = path.join(dir, 'migrations');
    cpSync(MIGRATIONS, before, { recursive: true });
    const journalFile = path.join(before, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.endsWith('parcel_tracking_numbers'));
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
    const file = path.join(dir, 'chumon.sqlite');
    const old = openDatabase(file, before);
    ensureDefaultMasters(old.sqlite);
    const twice = { status: 'awaiting_shipment' as const, carrier: 'yamato', trackingNo: '444455556666' };
    const [first, second] = insertOrders(old.sqlite, [
      { order: { orderedAt: '2026-11-01T00:00:00.000Z' }, initial: twice },
      { order: { orderedAt: '2026-11-02T00:00:00.000Z' }, initial: { ...twice, trackingNo: '4444-5555-6666' } },
    ]);
    old.sqlite.close();
    const upgraded = openDatabase(file, MIGRATIONS);
    const { sqlite: db } = upgraded;
    expect(db.prepare('SELECT tracking_no AS t, parcel FROM parcels').all()).toEqual([
      { t: '444455556666', parcel: `order:${first}` },
    ]);
    db.prepare("UPDATE orders SET status = 'shipped' WHERE id IN (?, ?)").run(second, first);
    expect(db.prepare('SELECT count(*) FROM parcels').pluck().get()).toBe(0);
    upgraded.sqlite.close();
  });
});
