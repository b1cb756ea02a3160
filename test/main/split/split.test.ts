import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ledgerOf, reservationViolations, stockOf } from '../../helpers/stock.js';
import { useTwoLineOrderApp } from '../../helpers/two-line-order-app.js';

const { t, sqlite, orderOf, linesOf, historyOf, snapshot, addOrder, stockInTokyo } = useTwoLineOrderApp();

function checkedOrder(orderNo = 'R-100') {
  const id = addOrder({ orderNo, shippingFee: 550, codFee: 330, paymentMethod: 'cod' });
  stockInTokyo({ 'MG-010': 10, 'PL-020': 5 });
  return id;
}

describe('注文分割', () => {
  it('moves chosen quantities to <no>-2 with its reservations; fees stay unless moved', async () => {
    const id = checkedOrder();
    await t.call('stock:check', { orderIds: [id] });
    expect(stockOf(sqlite(), 'MG-010').reserved).toBe(3);

    const result = await t.call('split:order', { orderId: id, lines: [{ lineNo: 1, quantity: 2 }] });
    expect(result).toMatchObject({ orderNo: 'R-100', newOrderNo: 'R-100-2', movedUnits: 2, movedReserved: 2 });

    const original = orderOf(id);
    const part = orderOf(result.newOrderId);
    expect(linesOf(id)).toEqual(['1:MG-010×1', '2:PL-020×1']);
    expect(linesOf(part.id)).toEqual(['1:MG-010×2']);
    expect(original).toMatchObject({ shippingFee: 550, codFee: 330, subtotal: 1500, total: 2380 });
    expect(part).toMatchObject({ shippingFee: 0, codFee: 0, subtotal: 2000, total: 2000 });
    expect(part).toMatchObject({ channelOrderNo: 'R-100', splitFrom: 'R-100', status: original.status });
    expect(part.buyer.name).toBe(original.buyer.name);

    // The store's reserved count is unchanged; the reservation moved, with a ledger row.
    expect(stockOf(sqlite(), 'MG-010')).toEqual({ onHand: 10, reserved: 3 });
    expect(reservationViolations(sqlite())).toEqual([]);
    const held = sqlite()
      .prepare("SELECT order_id AS orderId, quantity FROM stock_reservations WHERE sku = 'MG-010' ORDER BY order_id")
      .all();
    expect(held).toEqual([
      { orderId: id, quantity: 1 },
      { orderId: part.id, quantity: 2 },
    ]);
    const moved = ledgerOf(sqlite(), 'MG-010').at(-1)!;
    expect(moved).toMatchObject({ kind: 'split', reservedBefore: 3, reservedAfter: 3, orderNo: 'R-100-2' });

    // History on both orders; the original's change and the new order travel to the server.
    const kinds = (orderId: number) => historyOf(orderId).map((h) => h.kind);
    expect(kinds(id)).toContain('split');
    expect(kinds(part.id)).toEqual(['create']);
    const outbox = sqlite().prepare('SELECT entity_id AS entityId, kind FROM sync_outbox ORDER BY seq').all();
    expect(outbox).toEqual(
      expect.arrayContaining([
        { entityId: String(id), kind: 'split' },
        { entityId: String(part.id), kind: 'create' },
      ]),
    );

    // A second split of the same order takes the next number; the fees can move along.
    const again = await t.call('split:order', {
      orderId: id,
      lines: [{ lineNo: 2, quantity: 1 }],
      moveShippingFee: true,
    });
    expect(again.newOrderNo).toBe('R-100-3');
    expect(orderOf(again.newOrderId)).toMatchObject({ shippingFee: 550, total: 1050, channelOrderNo: 'R-100' });
    expect(orderOf(id)).toMatchObject({ shippingFee: 0, codFee: 330, total: 1330 });
  });

  it('refuses in Japanese and changes nothing', async () => {
    const id = checkedOrder();
    const shipped = addOrder({ orderNo: 'S-1' }, { status: 'shipped' });
    const before = snapshot();
    const refusals: [Parameters<typeof t.call<'split:order'>>[1], string][] = [
      [{ orderId: shipped, lines: [{ lineNo: 1, quantity: 1 }] }, '出荷済の注文は分割できません'],
      [{ orderId: id, lines: [{ lineNo: 1, quantity: 0 }] }, '新しい注文に移す商品の数量を1つ以上'],
      [
        {
          orderId: id,
          lines: [
            { lineNo: 1, quantity: 3 },
            { lineNo: 2, quantity: 1 },
          ],
        },
        '元の注文に商品を1つ以上残してください',
      ],
      [{ orderId: id, lines: [{ lineNo: 1, quantity: 4 }] }, '1行目（MG-010）は3個までしか移せません'],
      [{ orderId: id, lines: [{ lineNo: 9, quantity: 1 }] }, '9行目はありません'],
    ];
    for (const [input, message] of refusals) await expect(t.call('split:order', input)).rejects.toThrow(message);
    expect(snapshot()).toEqual(before);
  });

  it('lets both parts ship, each with its own tracking number', async () => {
    const id = checkedOrder();
    await t.call('stock:check', { orderIds: [id] });
    await t.call('operations:confirmPayment', { orderIds: [id], paidOn: '2026-11-21' });
    const { newOrderId } = await t.call('split:order', { orderId: id, lines: [{ lineNo: 2, quantity: 1 }] });
    const entries = [
      { orderId: id, carrier: 'yamato' as const, trackingNo: '1111-2222-3333' },
      { orderId: newOrderId, carrier: 'yamato' as const, trackingNo: '4444-5555-6666' },
    ];
    expect((await t.call('operations:registerTracking', { entries })).applied).toBe(2);
    expect((await t.call('operations:confirmShipment', { orderIds: [id, newOrderId] })).applied).toBe(2);
    expect(orderOf(id)).toMatchObject({ status: 'shipped', trackingNo: '111122223333' });
    expect(orderOf(newOrderId)).toMatchObject({ status: 'shipped', trackingNo: '444455556666' });
    expect(stockOf(sqlite(), 'MG-010')).toEqual({ onHand: 7, reserved: 0 });
    expect(stockOf(sqlite(), 'PL-020')).toEqual({ onHand: 4, reserved: 0 });
    expect(reservationViolations(sqlite())).toEqual([]);

    // The channel hears of both parcels under its own order number.
    const file = await t.call('shipFiles:export', { channel: 'yahoo_shopping', orderIds: [id, newOrderId] });
    const text = iconv.decode(Buffer.from(file.file!.base64, 'base64'), 'cp932');
    expect(text).not.toContain('R-100-2');
    expect(text.split('R-100').length - 1).toBe(2);
    expect(text).toContain('111122223333');
    expect(text).toContain('444455556666');
  });
});
