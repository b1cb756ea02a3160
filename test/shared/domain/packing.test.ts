import { describe, expect, it } from 'vitest';
import { isPacked, scanPackingItem, type PackingLine } from '../../../src-shared/domain/packing.js';

const order: PackingLine[] = [
  { sku: 'TSHIRT-M', jan: '4901234567894', title: 'Tシャツ M', ordered: 2, scanned: 0 },
  { sku: 'CAP-01', jan: null, title: 'キャップ', ordered: 1, scanned: 0 },
];

describe('検品 scan of one item', () => {
  it('ticks one unit of the line whose JAN was scanned, even typed full-width', () => {
    const r = scanPackingItem(order, '４９０１２３４５６７８９４\n');
    expect(r.outcome).toBe('ticked');
    expect(r.lines.map((l) => l.scanned)).toEqual([1, 0]);
    expect(r.message).toContain('1 / 2');
    expect(order[0]?.scanned).toBe(0);
  });

  it('matches by 商品コード when the item has no JAN', () => {
    expect(scanPackingItem(order, 'CAP-01').lines.map((l) => l.scanned)).toEqual([0, 1]);
  });

  it('a wrong item ticks nothing and says so in Japanese', () => {
    const r = scanPackingItem(order, '4900000000000');
    expect(r.outcome).toBe('wrong_item');
    expect(r.lines).toEqual(order);
    expect(r.message).toContain('この注文の商品ではありません');
  });

  it('one unit too many ticks nothing', () => {
    const full = scanPackingItem(order, 'CAP-01').lines;
    const r = scanPackingItem(full, 'CAP-01');
    expect(r.outcome).toBe('too_many');
    expect(r.lines).toEqual(full);
    expect(r.message).toContain('すでに検品済');
  });

  it('says complete when the last unit is scanned, and only then', () => {
    let lines = order;
    for (const code of ['TSHIRT-M', 'CAP-01']) lines = scanPackingItem(lines, code).lines;
    expect(isPacked(lines)).toBe(false);
    const last = scanPackingItem(lines, '4901234567894');
    expect(last.outcome).toBe('complete');
    expect(isPacked(last.lines)).toBe(true);
  });

  it('an empty scan changes nothing', () => {
    expect(scanPackingItem(order, '  ').outcome).toBe('empty');
  });
});
