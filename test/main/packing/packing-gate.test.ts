import { describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { useTwoStoreApp } from '../../helpers/use-test-app.js';

const t = useTwoStoreApp();

const sqlite = () => t.app.ctx.database.sqlite;
const status = (id: number) => sqlite().prepare('SELECT status FROM orders WHERE id = ?').pluck().get(id);

function ready(orderNo: string, trackingNo: string, storeId = 'tokyo'): number {
  const [id] = insertOrders(sqlite(), [
    {
      order: {
        orderNo,
        storeId,
        items: [{ lineNo: 1, sku: 'MG-010', title: 'マグカップ', quantity: 1, unitPrice: 1650, location: '' }],
      },
      initial: { status: 'awaiting_shipment', carrier: 'yamato', trackingNo },
    },
  ]);
  return id!;
}

describe('「検品してから出荷確定する」', () => {
  it('is off until turned on for a store, and an unknown store is refused', async () => {
    expect(await t.call('packing:settings', {})).toEqual({ requiredStores: [] });
    expect(await t.call('packing:saveSettings', { storeId: 'tokyo', required: true })).toEqual({
      requiredStores: ['tokyo'],
    });
    await expect(t.call('packing:saveSettings', { storeId: 'nowhere', required: true })).rejects.toThrow(
      /店舗が見つかりません/,
    );
    expect(await t.call('packing:saveSettings', { storeId: 'tokyo', required: false })).toEqual({
      requiredStores: [],
    });
  });

  it('when on, 出荷確定 refuses an order not yet 検品済 and ships it once packed', async () => {
    const id = ready('GATE-1', '111122223333');
    const free = ready('FREE-1', '444455556666', 'osaka');
    await t.call('packing:saveSettings', { storeId: 'tokyo', required: true });

    const result = await t.call('operations:confirmShipment', { orderIds: [id, free] });
    expect(result.applied).toBe(1);
    expect(result.refused).toEqual([
      { orderId: id, orderNo: 'GATE-1', reason: expect.stringContaining('検品が済んでいないため出荷確定できません') },
    ]);
    expect(status(id)).toBe('awaiting_shipment');
    expect(status(free)).toBe('shipped');

    expect((await t.call('packing:scan', { orderId: id, code: 'MG-010' })).outcome).toBe('complete');
    expect((await t.call('operations:confirmShipment', { orderIds: [id] })).applied).toBe(1);
    expect(status(id)).toBe('shipped');
  });

  it('when on, the ship scan refuses an order not yet 検品済 and ships it once packed', async () => {
    const id = ready('GATE-2', '777788889999');
    await t.call('packing:saveSettings', { storeId: 'tokyo', required: true });
    const refused = await t.call('operations:scan', { code: '777788889999' });
    expect(refused.outcome).toBe('wrong_status');
    expect(refused.message).toMatch(/検品が済んでいないため出荷確定できません.*GATE-2/);
    expect(status(id)).toBe('awaiting_shipment');

    await t.call('packing:scan', { orderId: id, code: 'MG-010' });
    expect((await t.call('operations:scan', { code: '777788889999' })).outcome).toBe('shipped');
  });

  it('when off, 出荷確定 does not ask for 検品', async () => {
    const id = ready('OFF-1', '121212121212');
    expect((await t.call('operations:scan', { code: '121212121212' })).outcome).toBe('shipped');
    expect(status(id)).toBe('shipped');
  });
});
