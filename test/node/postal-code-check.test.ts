import { describe, expect, it } from 'vitest';
import { postalCodeWarning } from '../../src-node/postal-code-check.js';

describe('郵便番号 against the ship-to (Japan Post data shipped with the app)', () => {
  it('accepts a code that belongs to the prefecture and city', () => {
    expect(
      postalCodeWarning({ postalCode: '150-0001', prefecture: '東京都', address1: '渋谷区神宮前1-1-3' }),
    ).toBeNull();
    expect(
      postalCodeWarning({ postalCode: '0600001', prefecture: '北海道', address1: '札幌市中央区北一条西2' }),
    ).toBeNull();
    // The address line may repeat the prefecture, and a town may be written without its 郡.
    expect(
      postalCodeWarning({ postalCode: '907-1801', prefecture: '沖縄県', address1: '沖縄県与那国町与那国1' }),
    ).toBeNull();
  });

  it('warns when the code is another prefecture’s', () => {
    expect(postalCodeWarning({ postalCode: '150-0001', prefecture: '大阪府', address1: '大阪市北区梅田1-1' })).toBe(
      '郵便番号 150-0001 は東京都の番号です（お届け先都道府県は「大阪府」）。',
    );
  });

  it('warns when the code is another city’s in the same prefecture', () => {
    expect(postalCodeWarning({ postalCode: '150-0001', prefecture: '東京都', address1: '新宿区西新宿2-8-1' })).toBe(
      '郵便番号 150-0001 は東京都渋谷区の番号です（お届け先住所は「新宿区西新宿2-8-1」）。',
    );
  });

  it('warns when Japan Post has no such code', () => {
    expect(postalCodeWarning({ postalCode: '000-0000', prefecture: '東京都', address1: '渋谷区' })).toBe(
      '郵便番号 000-0000 は日本郵便の郵便番号データにありません。',
    );
  });
});
