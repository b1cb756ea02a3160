import { describe, expect, it } from 'vitest';
import { isResendOrder, sourceLabel } from '../../../src-shared/domain/order-links.js';
import { reservationViolations, stockOf } from '../../helpers/stock.js';
import { useTwoLineOrderApp } from '../../helpers/two-line-order-app.js';

const { t, sqlite, orderOf, linesOf, historyOf, snapshot, addOrder, stockInTokyo } = useTwoLineOrderApp();

/** A bank-transfer order already shipped (a transfer would need 入金確認 if it asked for money). */
function shippedOrder(orderNo = 'S-100') {
  return addOrder(
    { orderNo, shippingFee: 550, paymentMethod: 'bank_transfer' },
    { status: 'shipped', trackingNo: '111122223333', carrier: 'yamato', mailSent: true },
  );
}

describe('再送注文', () => {
  it('makes a ¥0 order of the chosen lines for the same buyer, reserved and ready to ship', async () => {
    const id = shippedOrder();
    stockInTokyo({ 'MG-010': 10, 'PL-020': 5 });
    const before = orderOf(id);

    const result = await t.call('resend:order', {
      orderId: id,
      lines: [{ lineNo: 1, quantity: 2 }],
      reason: '破損',
    });
    expect(result).toMatchObject({ orderNo: 'S-100', newOrderNo: 'S-100-R1', units: 2, reserved: true, short: '' });

    const resent = orderOf(result.newOrderId);
    expect(linesOf(resent.id, { prices: true })).toEqual(['1:MG-010×2@0']);
    expect(resent).toMatchObject({
      status: 'paid',
      subtotal: 0,
      shippingFee: 0,
      codFee: 0,
      total: 0,
      channelOrderNo: 'S-100',
      splitFrom: 'S-100',
      trackingNo: null,
    });
    expect(resent.buyer).toEqual(before.buyer);
    expect(isResendOrder(resent)).toBe(true);
    expect(sourceLabel(resent)).toBe('再送元');
    // The shipped order keeps its lines, money and status.
    expect(orderOf(id)).toMatchObject({ status: 'shipped', total: before.total, items: before.items });

    // Reserved like any new order's stock check.
    expect(stockOf(sqlite(), 'MG-010')).toEqual({ onHand: 10, reserved: 2 });
    expect(reservationViolations(sqlite())).toEqual([]);

    // History on both orders, and the changes wait to go to the central server.
    const mark = historyOf(id).find((h) => h.kind === 'resend')!;
    expect(mark.reason).toContain('再送注文を作成: S-100-R1（MG-010×2）（理由: 破損）');
    expect(historyOf(resent.id).map((h) => h.kind)).toEqual(expect.arrayContaining(['create', 'status']));
    expect(historyOf(resent.id).find((h) => h.kind === 'create')!.reason).toContain('再送注文を作成（再送元 S-100）');
    const outbox = sqlite().prepare('SELECT entity_id AS entityId, kind FROM sync_outbox ORDER BY seq').all();
    expect(outbox).toEqual([
      { entityId: String(id), kind: 'resend' },
      { entityId: String(resent.id), kind: 'create' },
      { entityId: String(resent.id), kind: 'status' },
    ]);

    // It goes through 送り状番号登録 and 出荷確定 with no 入金確認, and the stock leaves with it.
    const entries = [{ orderId: resent.id, carrier: 'yamato' as const, trackingNo: '4444-5555-6666' }];
    expect((await t.call('operations:registerTracking', { entries })).applied).toBe(1);
    expect((await t.call('operations:confirmShipment', { orderIds: [resent.id] })).applied).toBe(1);
    expect(orderOf(resent.id)).toMatchObject({ status: 'shipped', trackingNo: '444455556666' });
    expect(stockOf(sqlite(), 'MG-010')).toEqual({ onHand: 8, reserved: 0 });

    // A second 再送 of the same order takes the next number.
    const again = await t.call('resend:order', { orderId: id, lines: [{ lineNo: 2, quantity: 1 }] });
    expect(again.newOrderNo).toBe('S-100-R2');
  });

  it('waits at 新規 with what is short when the store lacks the units', async () => {
    const id = shippedOrder();
    stockInTokyo({ 'MG-010': 1 });
    const result = await t.call('resend:order', { orderId: id, lines: [{ lineNo: 1, quantity: 3 }] });
    expect(result).toMatchObject({ reserved: false, short: 'MG-010（必要 3 / 在庫 1）' });
    expect(orderOf(result.newOrderId)).toMatchObject({ status: 'new', total: 0 });
    expect(stockOf(sqlite(), 'MG-010')).toEqual({ onHand: 1, reserved: 0 });
  });

  it('refuses in Japanese and changes nothing', async () => {
    const shipped = shippedOrder();
    const open = addOrder({ orderNo: 'N-1' });
    stockInTokyo({ 'MG-010': 10, 'PL-020': 5 });
    const before = snapshot();
    const refusals: [Parameters<typeof t.call<'resend:order'>>[1], string][] = [
      [
        { orderId: open, lines: [{ lineNo: 1, quantity: 1 }] },
        '再送注文は出荷済の注文からだけ作成できます（注文 N-1 は新規です）',
      ],
      [{ orderId: shipped, lines: [{ lineNo: 1, quantity: 0 }] }, '再送する商品の数量を1つ以上指定してください'],
      [{ orderId: shipped, lines: [{ lineNo: 1, quantity: 4 }] }, '1行目（MG-010）は3個までしか再送できません'],
      [
        {
          orderId: shipped,
          lines: [
            { lineNo: 1, quantity: 2 },
            { lineNo: 1, quantity: 2 },
          ],
        },
        '1行目（MG-010）は3個までしか再送できません',
      ],
      [{ orderId: shipped, lines: [{ lineNo: 9, quantity: 1 }] }, '9行目はありません'],
      [{ orderId: shipped, lines: [] }, '再送する数量を指定してください'],
    ];
    for (const [input, message] of refusals) await expect(t.call('resend:order', input)).rejects.toThrow(message);
    expect(snapshot()).toEqual(before);
  });

  it('F12 names the source 再送元 for a -R number and 分割元 for a split part', () => {
    expect(sourceLabel({ orderNo: 'S-100-R2', channelOrderNo: 'S-100', splitFrom: 'S-100-2' })).toBe('再送元');
    expect(sourceLabel({ orderNo: 'S-100-2', channelOrderNo: 'S-100', splitFrom: 'S-100' })).toBe('分割元');
    expect(sourceLabel({ orderNo: 'S-100-R', channelOrderNo: 'S-100', splitFrom: 'S-100' })).toBe('分割元');
    expect(sourceLabel({ orderNo: 'X-R1', channelOrderNo: null, splitFrom: null })).toBeNull();
  });
});
