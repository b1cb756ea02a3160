import { expect, it } from 'vitest';
import { amountOf, formatYen, subtotalOf, totalOf } from '../../../src-shared/domain/money.js';

it('one formula for the line amount, the subtotal and the total (値引 off, 送料 and 代引手数料 on)', () => {
  const items = [
    { quantity: 2, unitPrice: 1_200 },
    { quantity: 1, unitPrice: 3_500 },
  ];
  expect(amountOf(items[0]!)).toBe(2_400);
  expect(subtotalOf(items)).toBe(5_900);
  expect(totalOf({ subtotal: 5_900, discount: 400, shippingFee: 600, codFee: 330 })).toBe(6_430);
  expect(formatYen(1_234_567)).toBe('¥1,234,567');
});
