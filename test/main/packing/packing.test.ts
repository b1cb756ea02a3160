import { describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { useTestApp } from '../../helpers/use-test-app.js';

const t = useTestApp();

const sqlite = () => t.app.ctx.database.sqlite;
const history = (id: number) =>
  sqlite()
    .prepare(
      "SELECT from_value AS sku, to_value AS value FROM order_history WHERE order_id = ? AND kind = 'packing' ORDER BY id",
    )
    .all(id);
const outbox = () => sqlite().prepare("SELECT count(*) FROM sync_outbox WHERE kind = 'packing'").pluck().get();

function packable(
  orderNo = 'PACK-1',
  status: 'paid' | 'awaiting_shipment' | 'shipped' | 'cancelled' = 'awaiting_shipment',
) {
  sqlite()
    .prepare(
      `INSERT INTO stock (sku, store_id, on_hand, reserved, jan, title) VALUES
       ('MG-010', 'tokyo', 5, 0, '4901234567894', 'マグ'), ('SR-001', 'tokyo', 5, 0, '4909876543213', '皿'),
       ('MG-010', 'osaka', 5, 0, '4500000000001', 'マグ')
       ON CONFLICT DO NOTHING`,
    )
    .run();
  const [id] = insertOrders(sqlite(), [
    {
      order: {
        orderNo,
        items: [
          { lineNo: 1, sku: 'MG-010', title: '有田焼 マグカップ 藍', quantity: 2, unitPrice: 1650, location: 'B-02' },
          { lineNo: 2, sku: 'SR-001', title: '小皿', quantity: 1, unitPrice: 800, location: 'B-03' },
        ],
      },
      initial: status === 'awaiting_shipment' ? { status, carrier: 'yamato', trackingNo: '123456789012' } : { status },
    },
  ]);
  return id!;
}

describe('検品: opening an order by its barcode', () => {
  it('lists the lines with 商品名, quantity and the JAN of the order’s store', async () => {
    const id = packable();
    const order = await t.call('packing:open', { code: 'ＰＡＣＫ－１ ' });
    expect(order).toMatchObject({ orderId: id, orderNo: 'PACK-1', packed: false });
    expect(order.lines).toEqual([
      { sku: 'MG-010', jan: '4901234567894', title: '有田焼 マグカップ 藍', ordered: 2, scanned: 0 },
      { sku: 'SR-001', jan: '4909876543213', title: '小皿', ordered: 1, scanned: 0 },
    ]);
  });

  it('refuses an unknown code, a cancelled order and a shipped one in Japanese', async () => {
    packable('CXL-1', 'cancelled');
    await expect(t.call('packing:open', { code: 'NOPE-9' })).rejects.toThrow(/該当する注文がありません/);
    await expect(t.call('packing:open', { code: 'CXL-1' })).rejects.toThrow(/キャンセル済の注文です/);
  });
});

describe('検品: scanning items', () => {
  it('ticks by JAN or 商品コード, refuses a wrong item and one too many, and completes', async () => {
    const id = packable();
    const first = await t.call('packing:scan', { orderId: id, code: '4901234567894' });
    expect(first.outcome).toBe('ticked');
    expect(first.order.lines.map((l) => l.scanned)).toEqual([1, 0]);

    const wrong = await t.call('packing:scan', { orderId: id, code: '4500000000001' });
    expect(wrong.outcome).toBe('wrong_item');
    expect(wrong.message).toMatch(/この注文の商品ではありません/);

    await t.call('packing:scan', { orderId: id, code: 'mg-010'.toUpperCase() });
    const extra = await t.call('packing:scan', { orderId: id, code: 'MG-010' });
    expect(extra.outcome).toBe('too_many');
    expect(extra.message).toMatch(/すでに検品済です/);
    expect(extra.order.lines.map((l) => l.scanned)).toEqual([2, 0]);

    const done = await t.call('packing:scan', { orderId: id, code: 'SR-001' });
    expect(done.outcome).toBe('complete');
    expect(done.order.packed).toBe(true);
    expect(history(id)).toEqual([
      { sku: 'MG-010', value: '1/2' },
      { sku: 'MG-010', value: '2/2' },
      { sku: 'SR-001', value: '1/1' },
      { sku: null, value: '検品済' },
    ]);
    expect(outbox()).toBe(4);

    // Opening the order again (another PC, a restart) reads the counts back from its history.
    const reopened = await t.call('packing:open', { code: 'PACK-1' });
    expect(reopened.packed).toBe(true);
    expect(reopened.lines.map((l) => l.scanned)).toEqual([2, 1]);
  });

  it('writes nothing for a refused scan', async () => {
    const id = packable();
    await t.call('packing:scan', { orderId: id, code: '0000000000000' });
    expect(history(id)).toEqual([]);
    expect(outbox()).toBe(0);
  });
});
