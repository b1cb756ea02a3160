import { describe, expect, it } from 'vitest';
import { compareNatural } from '../../../src-shared/text/natural-order.js';

const sorted = (texts: string[]) => [...texts].sort(compareNatural);

describe('compareNatural (棚番)', () => {
  it('puts A-2 before A-10 and keeps letters in their order', () => {
    expect(sorted(['A-10', 'B-1', 'A-2', 'A-1'])).toEqual(['A-1', 'A-2', 'A-10', 'B-1']);
  });
  it('compares every run of digits by value, at any depth', () => {
    expect(sorted(['B-02-10', 'B-02-9', 'B-2-01', 'B-10-1'])).toEqual(['B-2-01', 'B-02-9', 'B-02-10', 'B-10-1']);
  });
  it('reads full-width digits as digits and kanji labels as text', () => {
    expect(sorted(['棚10', '棚９', '棚2'])).toEqual(['棚2', '棚９', '棚10']);
  });
  it('orders texts of equal value the same way every time (A-2 then A-02)', () => {
    expect(sorted(['A-2', 'A-02'])).toEqual(sorted(['A-02', 'A-2']));
    expect(compareNatural('A-2', 'A-2')).toBe(0);
  });
  it('handles numbers longer than a double can hold', () => {
    expect(compareNatural('X12345678901234567890', 'X9')).toBeGreaterThan(0);
  });
});
