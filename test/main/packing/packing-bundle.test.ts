import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  sqlite().exec(`INSERT INTO stores (id, name, sort_order) VALUES ('tokyo', '東京本店', 0)`);
});
afterEach(() => t.close());

const sqlite = () => t.app.ctx.database.sqlite;
const status = (id: number) => sqlite().prepare('SELECT status FROM orders WHERE id = ?').pluck().get(id);
const item = (sku: string) => [{ lineNo: 1, sku, title: sku, quantity: 1, unitPrice: 1000, location: '' }];

/** Two orders bundled (同梱) into one parcel with its 送り状番号, 出荷待ち, 検品 required. */
async function bundledParcel(): Promise<[number, number]> {
  const [a, b] = insertOrders(sqlite(), [
    { order: { orderNo: 'BD-1', storeId: 'tokyo', items: item('MG-010') }, initial: { status: 'paid' } },
    { order: { orderNo: 'BD-2', storeId: 'tokyo', items: item('TC-020') }, initial: { status: 'paid' } },
  ]);
  await t.call('bundle:create', { orderIds: [a!, b!] });
  await t.call('operations:registerTracking', {
    entries: [{ orderId: a!, carrier: 'yamato', trackingNo: '222233334444' }],
  });
  expect([status(a!), status(b!)]).toEqual(['awaiting_shipment', 'awaiting_shipment']);
  await t.call('packing:saveSettings', { storeId: 'tokyo', required: true });
  return [a!, b!];
}

describe('検品 of a bundle (同梱)', () => {
  it('出荷確定 of a packed order refuses while another order of its bundle is unchecked, naming it', async () => {
    const [a, b] = await bundledParcel();
    expect((await t.call('packing:scan', { orderId: a, code: 'MG-010' })).outcome).toBe('complete');

    const button = await t.call('operations:confirmShipment', { orderIds: [a] });
    expect(button.applied).toBe(0);
    expect(button.refused).toEqual([
      {
        orderId: a,
        orderNo: 'BD-1',
        reason:
          '同梱の注文 BD-2 の検品が済んでいないため出荷確定できません。同梱の注文も検品してから出荷確定してください。',
      },
    ]);
    const scan = await t.call('operations:scan', { code: '222233334444' });
    expect(scan.outcome).toBe('wrong_status');
    expect(scan.message).toContain('BD-2');
    expect([status(a), status(b)]).toEqual(['awaiting_shipment', 'awaiting_shipment']);

    expect((await t.call('packing:scan', { orderId: b, code: 'TC-020' })).outcome).toBe('complete');
    expect((await t.call('operations:scan', { code: '222233334444' })).outcome).toBe('shipped');
    expect([status(a), status(b)]).toEqual(['shipped', 'shipped']);
  });
});

describe('検品やり直し', () => {
  it('clears the scans and 検品済, keeps a history row, and 出荷確定 waits for the new 検品', async () => {
    const [a, b] = await bundledParcel();
    await t.call('packing:scan', { orderId: a, code: 'MG-010' });
    await t.call('packing:scan', { orderId: b, code: 'TC-020' });

    const reset = await t.call('packing:reset', { orderId: a });
    expect(reset.packed).toBe(false);
    expect(reset.lines.map((l) => l.scanned)).toEqual([0]);
    expect((await t.call('packing:open', { code: 'BD-1' })).packed).toBe(false);
    const history = sqlite()
      .prepare(
        "SELECT from_value AS f, to_value AS v FROM order_history WHERE order_id = ? AND kind = 'packing' ORDER BY id",
      )
      .all(a);
    expect(history).toEqual([
      { f: 'MG-010', v: '1/1' },
      { f: null, v: '検品済' },
      { f: null, v: '検品やり直し' },
    ]);
    const refused = await t.call('operations:confirmShipment', { orderIds: [a] });
    expect(refused.refused[0]!.reason).toContain('検品が済んでいないため');
    // The member still packed: its own 出荷確定 names the reset order.
    expect((await t.call('operations:confirmShipment', { orderIds: [b] })).refused[0]!.reason).toContain(
      '同梱の注文 BD-1',
    );

    expect((await t.call('packing:scan', { orderId: a, code: 'MG-010' })).outcome).toBe('complete');
    expect((await t.call('operations:confirmShipment', { orderIds: [a] })).applied).toBe(2);
  });

  it('refuses a shipped order and changes nothing', async () => {
    const [a] = await bundledParcel();
    sqlite().prepare("UPDATE orders SET status = 'shipped'").run();
    await expect(t.call('packing:reset', { orderId: a })).rejects.toThrow(/すでに出荷確定済みです/);
    expect(sqlite().prepare("SELECT count(*) FROM order_history WHERE kind = 'packing'").pluck().get()).toBe(0);
  });
});
