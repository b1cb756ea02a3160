import { describe, expect, it } from 'vitest';
import {
  addressKey,
  addressTokens,
  characterPairs,
  contactTokens,
  emailKey,
  nameKey,
  nameTokens,
  phoneKey,
} from '../../../src-shared/text/search-tokens.js';

describe('search keys', () => {
  it('reduce half-width katakana, katakana and hiragana names to one key', () => {
    expect(nameKey('ｶﾀｶﾅ')).toBe('カタカナ');
    expect(nameKey('カタカナ')).toBe('カタカナ');
    expect(nameKey('かたかな')).toBe('カタカナ');
    expect(nameKey('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('ヤマダタロウ');
  });

  it('fold full-width letters and digits, case, spaces and punctuation', () => {
    expect(nameKey('ＡＢＣ　１２３')).toBe('abc123');
    expect(nameKey('O’Brien・John')).toBe('obrienjohn');
    expect(emailKey('Ｔａｒｏ＠Ｅｘａｍｐｌｅ.JP')).toBe('taro@example.jp');
    expect(phoneKey('０９０－１１１１－２２２２')).toBe('09011112222');
  });

  it('write addresses the same whatever the notation of the block number', () => {
    expect(addressKey('丸の内１丁目２番３号')).toBe(addressKey('丸ノ内1-2-3'));
    expect(addressKey('梅田 1ー2ー3')).toBe('梅田1-2-3');
  });
});

describe('index words', () => {
  it('hold every character and every pair of each distinct name, never a pair across two names', () => {
    const words = nameTokens('林 一', 'ハヤシ ハジメ', '林 一').split(' ');
    expect(words).toEqual([
      '林',
      '一',
      '林一',
      'ハ',
      'ヤ',
      'シ',
      'ハ',
      'ジ',
      'メ',
      'ハヤ',
      'ヤシ',
      'シハ',
      'ハジ',
      'ジメ',
    ]);
    expect(words).not.toContain('一ハ');
  });

  it('give a fragment of n characters as its n-1 consecutive pairs', () => {
    expect(characterPairs('ヤマダ')).toEqual(['ヤマ', 'マダ']);
    expect(characterPairs('林')).toEqual([]);
  });

  it('keep addresses as pairs and contacts whole, without empty words', () => {
    expect(addressTokens('東京都', '港区1-2', '')).toBe('東京 京都 都港 港区 区1 1- -2');
    expect(contactTokens('', '03-1234-5678', '03-1234-5678')).toBe('0312345678');
    expect(contactTokens('A@B.jp', '', '090')).toBe('a@b.jp 090');
  });
});
