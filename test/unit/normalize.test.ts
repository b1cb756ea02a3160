import { describe, expect, it } from 'vitest';
import { normalizeAddress, normalizeForSearch, normalizePostalCode } from '../../src-shared/text/normalize.js';

describe('normalizeForSearch', () => {
  it('treats half-width, full-width katakana and hiragana alike', () => {
    const keys = ['ｶﾀｶﾅ', 'カタカナ', 'かたかな'].map(normalizeForSearch);
    expect(new Set(keys).size).toBe(1);
  });
  it('treats full- and half-width letters and digits alike, ignoring case and spaces', () => {
    expect(normalizeForSearch('ＡＢＣ　１２３')).toBe(normalizeForSearch('abc123'));
  });
  it('keeps kanji as they are', () => {
    expect(normalizeForSearch('山田 太郎')).toBe('山田太郎');
  });
  it('handles voiced half-width kana (ﾀﾞ → ダ)', () => {
    expect(normalizeForSearch('ﾔﾏﾀﾞ')).toBe(normalizeForSearch('やまだ'));
  });
});

describe('normalizeAddress', () => {
  it('makes 丁目/番/号 and dashes of every width the same', () => {
    const a = normalizeAddress('千代田区丸の内1丁目2番3号');
    expect(normalizeAddress('千代田区丸の内１－２－３')).toBe(a);
    expect(normalizeAddress('千代田区丸の内 1-2-3')).toBe(a);
    expect(normalizeAddress('千代田区丸の内1ー2ー3')).toBe(a);
    expect(normalizeAddress('コーポ緑ヶ丘')).toContain('コーポ');
    expect(normalizeAddress('丸の内1-2-3')).not.toBe(normalizeAddress('丸の内1-2-4'));
  });
});

describe('normalizePostalCode', () => {
  it('keeps only the digits', () => {
    expect(normalizePostalCode('〒１００－０００５')).toBe('1000005');
  });
});
