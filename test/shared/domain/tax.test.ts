import { describe, expect, it } from 'vitest';
import { documentRateTotals, normalizeRegistrationNumber, parseTaxRate } from '../../../src-shared/domain/tax.js';

describe('税率 as files give it', () => {
  it('reads 10 / 8 in the usual spellings, empty as 10%, and refuses other rates', () => {
    expect(['8', '8%', '８％', '0.08', '軽減', '軽減税率'].map(parseTaxRate)).toEqual([8, 8, 8, 8, 8, 8]);
    expect(['', '10', '10%', '0.1', '標準'].map(parseTaxRate)).toEqual([10, 10, 10, 10, 10]);
    expect(['5', '0', 'abc', '12%'].map(parseTaxRate)).toEqual([null, null, null, null]);
  });
});

describe('登録番号', () => {
  it('is T and 13 digits; full-width, lower-case t and hyphens are written plainly', () => {
    expect(normalizeRegistrationNumber('t1234567890123')).toBe('T1234567890123');
    expect(normalizeRegistrationNumber('')).toBe('');
    expect(normalizeRegistrationNumber('T123456789012')).toBeNull();
    expect(normalizeRegistrationNumber('X1234567890123')).toBeNull();
  });
});

describe('amounts per rate on one 納品書', () => {
  it('rounds the tax down once per rate, not per line, and the rates add up to the 合計', () => {
    // Three lines of ¥105 at 10%: per line 9.54… → 9 each = 27; once on ¥315 = 28.
    const order = {
      items: [1, 2, 3].map(() => ({ quantity: 1, unitPrice: 105 })),
      discount: 0,
      shippingFee: 0,
      codFee: 0,
    };
    expect(documentRateTotals([order])).toEqual([{ rate: 10, amount: 315, tax: 28 }]);
  });

  it('shares a 値引 between the rates in proportion to the items, fees at 10%', () => {
    const order = {
      items: [
        { quantity: 1, unitPrice: 3000, taxRate: 8 as const },
        { quantity: 1, unitPrice: 1000 },
      ],
      discount: 400,
      shippingFee: 500,
      codFee: 330,
    };
    const totals = documentRateTotals([order]);
    expect(totals).toEqual([
      { rate: 10, amount: 1000 - 100 + 500 + 330, tax: Math.floor((1730 * 10) / 110) },
      { rate: 8, amount: 3000 - 300, tax: 200 },
    ]);
    expect(totals.reduce((s, r) => s + r.amount, 0)).toBe(3000 + 1000 - 400 + 500 + 330);
  });
});
