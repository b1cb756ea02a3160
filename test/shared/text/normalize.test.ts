import { describe, expect, it } from 'vitest';
import { nfkc, normalizeAddress, normalizeForSearch, normalizePostalCode } from '../../../src-shared/text/normalize.js';

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

describe('nfkc (NFKC without the ICU call where it changes nothing)', () => {
  it('agrees with String.normalize on every code point of the BMP', () => {
    for (let cp = 0x20; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (nfkc(ch) !== ch.normalize('NFKC')) throw new Error(`U+${cp.toString(16)} differs`);
    }
  });
  it('agrees on mixed strings, composing marks and width variants included', () => {
    const parts = [
      '山田',
      'たろう',
      'タロウ',
      'ﾀﾛｳ',
      'ﾀﾞ',
      'か',
      '\u3099',
      '\u309a',
      'ＡＢ',
      'ab',
      '１２',
      '①',
      '㈱',
      '々',
      'ヴ',
      'ー',
      '・',
      '豈',
      ' ',
      '　',
      '-',
    ];
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let k = 0; k < 6; k++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += parts[seed % parts.length];
      }
      expect(nfkc(text)).toBe(text.normalize('NFKC'));
    }
  });
});
