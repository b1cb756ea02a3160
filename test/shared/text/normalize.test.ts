import { describe, expect, it } from 'vitest';
import {
  nfkc,
  normalizeAddress,
  normalizeForSearch,
  normalizeName,
  normalizePostalCode,
} from '../../../src-shared/text/normalize.js';

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

describe('normalizeAddress folds before comparing (同梱)', () => {
  it('reads kanji numerals of 丁目/番地/番/号 as digits', () => {
    expect(normalizeAddress('港区芝公園三丁目5-1')).toBe(normalizeAddress('港区芝公園3-5-1'));
    expect(normalizeAddress('千代田区九段南二丁目十二番三号')).toBe(normalizeAddress('千代田区九段南2-12-3'));
    expect(normalizeAddress('某町二十三番地')).toBe(normalizeAddress('某町23'));
    expect(normalizeAddress('某町百五番地')).toBe(normalizeAddress('某町105'));
    expect(normalizeAddress('某町二〇番地')).toBe(normalizeAddress('某町20'));
    expect(normalizeAddress('港区芝公園三丁目5-1')).not.toBe(normalizeAddress('港区芝公園4-5-1'));
  });
  it('leaves kanji numerals of place names alone', () => {
    expect(normalizeAddress('三鷹市下連雀1-2-3')).toContain('三鷹');
    expect(normalizeAddress('百合ヶ丘1-2')).toContain('百合');
  });
  it('treats ヶ, ケ, ヵ and が between kanji as one', () => {
    const keys = ['麻生区百合ヶ丘1-2', '麻生区百合ケ丘1-2', '麻生区百合ヵ丘1-2', '麻生区百合が丘1-2'].map(
      normalizeAddress,
    );
    expect(new Set(keys).size).toBe(1);
    expect(normalizeAddress('ガーデンハウス')).toContain('ガーデン');
  });
  it('treats 丁目/番地/番/号 and dashes as one mark', () => {
    const keys = ['中央1丁目2番地3', '中央1丁目2番3号', '中央1-2-3', '中央１－２－３'].map(normalizeAddress);
    expect(new Set(keys).size).toBe(1);
  });
  it('treats common 異体字 as one', () => {
    expect(normalizeAddress('長\ufa11町1-2')).toBe(normalizeAddress('長崎町1-2'));
    expect(normalizeAddress('渡邊町1')).toBe(normalizeAddress('渡辺町1'));
    expect(normalizeAddress('渡邉町1')).toBe(normalizeAddress('渡辺町1'));
    expect(normalizeAddress('濱町1')).toBe(normalizeAddress('浜町1'));
  });
});

describe('normalizeName (同梱)', () => {
  it('treats common 異体字 of names as one', () => {
    expect(normalizeName('髙橋 太郎')).toBe(normalizeName('高橋太郎'));
    expect(normalizeName('山\ufa11花子')).toBe(normalizeName('山崎花子'));
    expect(normalizeName('齋藤')).toBe(normalizeName('斎藤'));
    expect(normalizeName('髙橋')).not.toBe(normalizeName('高田'));
  });
});
