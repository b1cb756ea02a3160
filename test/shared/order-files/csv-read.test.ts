import { describe, expect, it } from 'vitest';
import { readCsv, readHeader } from '../../../src-shared/order-files/csv-read.js';
import { decodeText } from '../../../src-shared/order-files/text-decode.js';
import { neutralizeFormula } from '../../../src-main/files/csv-write.js';
import { sjisByteLength, toCp932Variants, unencodableChars } from '../../../src-main/files/cp932.js';
import {
  parseCount,
  parseOrderDate,
  parsePostalCode,
  parseYen,
  resolvePayment,
  splitPrefecture,
} from '../../../src-shared/order-files/values.js';
import { code128Values } from '../../../src-main/printing/code128.js';

describe('CSV reader', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, counting lines as the file does', () => {
    const table = readCsv('"a","b"\r\n"1,2","say ""hi"""\r\n"line\r\nbreak",x\n\r\n3,"4"', 'f');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.records).toEqual([
      { line: 2, fields: ['1,2', 'say "hi"'] },
      { line: 3, fields: ['line\r\nbreak', 'x'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });

  it('reads old Mac CR-only files and tab files without quoting (Amazon)', () => {
    expect(readCsv('a,b\r1,2\r', 'f').records).toEqual([{ line: 2, fields: ['1', '2'] }]);
    const tsv = readCsv('order-id\tproduct-name\n1\t12" LP "Blue"\n', 'f');
    expect(tsv.delimiter).toBe('\t');
    expect(tsv.records[0]!.fields).toEqual(['1', '12" LP "Blue"']);
  });

  it('names the line of an unclosed quote, stray text after a quote, and rows of the wrong width', () => {
    expect(() => readCsv('a,b\n1,"open\n2,3\n', 'f')).toThrow('fの2行目: 引用符（"）が閉じられていません');
    expect(() => readCsv('a,b\n"1"x,2\n', 'f')).toThrow(
      'fの2行目: 引用符（"）で囲まれた項目のあとに余分な文字があります',
    );
    expect(() => readCsv('a,b\n1,2\n3\n4,5,6\n', 'f')).toThrow('3行目（1項目）、4行目（3項目）');
    expect(() => readHeader('\n1,2', 'f')).toThrow('1行目（見出し）が空です');
  });

  it('reads tabs and line breaks as the file’s own, and refuses a direction override, a C1 control or a broken character, naming its line', () => {
    expect(readCsv('a\tb\r\n山田\t🍣\n', 'f').records).toEqual([{ line: 2, fields: ['山田', '🍣'] }]);
    expect(() => readCsv('a,b\n1,2\r\n3,\u202e逆\n', 'f')).toThrow(/fの3行目: 文字の向きを変える制御文字（U\+202E）/);
    expect(() => readCsv('a,b\n1,2\n"x\ny",\u0085\n', 'f')).toThrow(/fの4行目: 表示できない制御文字（U\+0085）/);
    expect(() => readCsv('a,b\n1,\ud800\n', 'f')).toThrow(/fの2行目: 壊れた文字（U\+D800）/);
  });

  it('scans a decoded file without searching it again, and still refuses any other text with an unsafe character', () => {
    const safe = decodeText(new TextEncoder().encode('a,b\n1,2\n'), 'f').text;
    // Another text after the decoded one: searched, refused.
    expect(() => readCsv('a,b\n1,\u202e\n', 'g')).toThrow(/gの2行目: 文字の向きを変える制御文字/);
    expect(readCsv(safe, 'f').records).toEqual([{ line: 2, fields: ['1', '2'] }]);
    // A file the decoder refused nothing in is remembered once: a text with a bidi control
    // (which the decoder leaves to the scanner) is still refused by the scan.
    const bidi = decodeText(new TextEncoder().encode('a,b\n1,\u202e\n'), 'h').text;
    expect(() => readCsv(bidi, 'h')).toThrow(/hの2行目: 文字の向きを変える制御文字/);
  });
});

describe('values in stores’ files', () => {
  it('parses yen, dates (Japan time unless a zone is given), postal codes and prefectures', () => {
    expect([parseYen('¥1,650'), parseYen('１６５０円'), parseYen(''), parseYen('12.5'), parseYen('abc')]).toEqual([
      1650,
      1650,
      0,
      null,
      null,
    ]);
    expect(parseOrderDate('2026/11/20 12:34:56')).toBe('2026-11-20T03:34:56.000Z');
    expect(parseOrderDate('2026-11-20T12:34:56+0900')).toBe('2026-11-20T03:34:56.000Z');
    expect(parseOrderDate('20261120123456')).toBe('2026-11-20T03:34:56.000Z');
    expect(parseOrderDate('2026/02/30')).toBeNull();
    expect([parsePostalCode('〒１００－０００５'), parsePostalCode('12345')]).toEqual(['100-0005', null]);
    expect(splitPrefecture('京都府京都市下京区')).toEqual({ prefecture: '京都府', rest: '京都市下京区' });
  });

  it('reads plain digits straight and everything else through NFKC; refuses dates and times the calendar has not', () => {
    expect([parseYen('0123'), parseYen('-1650'), parseYen('12345678901'), parseYen('1e3')]).toEqual([
      123,
      -1650,
      null,
      null,
    ]);
    expect([parseCount('7'), parseCount('１２'), parseCount('12345678'), parseCount('1.5')]).toEqual([
      7,
      12,
      null,
      null,
    ]);
    expect(parseOrderDate('２０２６／１１／２０ １２：３４')).toBe('2026-11-20T03:34:00.000Z');
    expect(parseOrderDate('2026-11-20T12:34:56.789-05:30')).toBe('2026-11-20T18:04:56.000Z');
    expect(parseOrderDate('2026-11-20T12:34:56Z')).toBe('2026-11-20T12:34:56.000Z');
    expect(parseOrderDate('2024/02/29')).toBe('2024-02-28T15:00:00.000Z');
    // Two-digit years stay years of the first century (not 1950), as in ISO dates.
    expect(parseOrderDate('0050/01/01 12:00')).toBe('0050-01-01T03:00:00.000Z');
    for (const impossible of [
      '2026/02/29',
      '1900/02/29',
      '2026/04/31',
      '2026/13/01',
      '2026/11/00',
      '2026/11/20 24:00',
      '2026/11/20 23:60',
      '2026/11/20 12:34:60',
      '2026-11-20T12:00:00+24:00',
      '2026-11-20T12:00:00+09:60',
    ]) {
      expect(parseOrderDate(impossible), impossible).toBeNull();
    }
  });

  it('maps channels’ payment wordings to the master and refuses what it does not know', () => {
    const methods = [
      { code: 'credit_card', name: 'クレジットカード' },
      { code: 'cod', name: '代金引換' },
      { code: 'yahoo_easy_payment', name: 'Yahoo!かんたん決済' },
      { code: 'amazon_pay', name: 'Amazon決済' },
    ];
    expect(resolvePayment('クレジットカード決済', 'yahoo_shopping', methods)).toBe('credit_card');
    expect(resolvePayment('代引き', 'yahoo_shopping', methods)).toBe('cod');
    expect(resolvePayment('PayPay残高払い', 'yahoo_shopping', methods)).toBe('yahoo_easy_payment');
    expect(resolvePayment('Other', 'amazon', methods)).toBe('amazon_pay');
    expect(resolvePayment('物々交換', 'yahoo_shopping', methods)).toBeNull();
  });
});

describe('CP932 and formula neutralising', () => {
  it('maps the JIS wave-dash family to CP932’s own characters and reports what CP932 cannot hold', () => {
    expect(toCp932Variants('〜−‖—')).toBe('～－∥―');
    expect(unencodableChars('髙橋①㈱ｱ～')).toEqual([]);
    expect(unencodableChars('𠮷野家🍣é')).toEqual(['𠮷', '🍣', 'é']);
    expect(sjisByteLength('ｱｲｳ東京ab')).toBe(9);
  });

  it('neutralises cells a spreadsheet would run', () => {
    expect(['=1+1', '+81', '-5', '@SUM(A1)', '\tx', '\rx', 'ok', '１=1'].map(neutralizeFormula)).toEqual([
      "'=1+1",
      "'+81",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'ok',
      '１=1',
    ]);
  });
});

describe('Code 128', () => {
  it('uses code set C for digit runs and checks with the mod-103 sum', () => {
    // Start B, "b", Code C, 10 00 00 01 23, checksum, stop.
    const values = code128Values('b1000000123');
    expect(values.slice(0, 3)).toEqual([104, 66, 99]);
    expect(values.slice(3, 8)).toEqual([10, 0, 0, 1, 23]);
    const sum = values.slice(0, -2).reduce((s, v, i) => s + (i === 0 ? v : v * i), 0);
    expect(values.at(-2)).toBe(sum % 103);
    expect(values.at(-1)).toBe(106);
    expect(code128Values('1234')).toEqual([105, 12, 34, (105 + 12 + 34 * 2) % 103, 106]);
    expect(() => code128Values('注文')).toThrow();
  });
});
