import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src-shared/api/events.js';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let events: { event: AppEvent; committedStatus: unknown }[];
let reader: Database.Database;
let watched = 0;

beforeEach(() => {
  t = createTestApp();
  // Another connection sees only what has committed: what a screen reading on the event sees.
  reader = new Database(t.app.ctx.database.file, { readonly: true });
  events = [];
  t.app.subscribe((event) =>
    events.push({
      event,
      committedStatus: reader.prepare('SELECT status FROM orders WHERE id = ?').pluck().get(watched),
    }),
  );
});
afterEach(() => {
  reader.close();
  t.close();
});

describe('dispatch announces a write once it has committed', () => {
  it('emits orders:changed after the change is visible to another connection, once', async () => {
    watched = insertOrders(t.app.ctx.database.sqlite, [{}])[0]!;
    await t.call('operations:cancel', { orderIds: [watched!], reason: 'お客様都合' });
    expect(events).toEqual([{ event: { type: 'orders:changed' }, committedStatus: 'cancelled' }]);
  });

  it('emits nothing for a write that changed nothing, a refused input or a read', async () => {
    watched = insertOrders(t.app.ctx.database.sqlite, [{ initial: { status: 'shipped' } }])[0]!;
    const refused = await t.call('operations:cancel', { orderIds: [watched!], reason: 'お客様都合' });
    expect(refused.applied).toBe(0);
    await expect(t.call('operations:cancel', { orderIds: [] as number[], reason: '' })).rejects.toThrow();
    await t.call('orders:counts', {});
    await t.call('orders:get', { id: watched! });
    expect(events).toEqual([]);
  });

  it('names the order a detail save changed, and a master change as such', async () => {
    watched = insertOrders(t.app.ctx.database.sqlite, [{}])[0]!;
    const { order, version } = await t.call('detail:get', { id: watched! });
    const unchanged = {
      id: watched!,
      version,
      unitPrices: order.items.map((i) => ({ lineNo: i.lineNo, unitPrice: i.unitPrice })),
      discount: order.discount,
      shippingFee: order.shippingFee,
      codFee: order.codFee,
      orderComment: order.orderComment,
      staffComment: order.staffComment,
      subStatusId: order.subStatusId,
    };
    await t.call('detail:save', unchanged);
    await t.call('detail:save', { ...unchanged, staffComment: '梱包注意' });
    await t.call('subStatus:add', { mainStatus: 'new', name: '確認中', color: '#336699' });
    expect(events.map((e) => e.event)).toEqual([
      { type: 'orders:changed', orderIds: [watched] },
      { type: 'masters:changed' },
    ]);
  });
});
