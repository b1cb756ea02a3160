import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  cp932Table,
  NOT_CP932,
  replaceUnencodable,
  toCp932Variants,
  unencodableChars,
} from '../../../src-main/files/cp932.js';
import {
  CsvWriter,
  neutralizeFormula,
  type CsvValue,
  type CsvWriteOptions,
} from '../../../src-main/files/csv-write.js';

/**
 * The Shift_JIS writer goes straight to bytes with a lookup table. These tests hold it to
 * the plain definition: each cell neutralised, variants mapped, unencodable characters
 * reported and replaced with 〓, quoted, the lines joined with CRLF and the whole text
 * encoded by iconv-lite.
 */
function reference(
  header: string[],
  rows: CsvValue[][],
  options: CsvWriteOptions,
): { bytes: Buffer; bad: { line: number; column: string; chars: string[] }[] } {
  const bad: { line: number; column: string; chars: string[] }[] = [];
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = [header, ...rows].map((values, line) =>
    values
      .map((value, i) => {
        if (typeof value === 'number') return options.quoteAll ? quote(String(value)) : String(value);
        let text = value ?? '';
        if (options.neutralizeFormulas) text = neutralizeFormula(text);
        if (text !== '') {
          text = toCp932Variants(text);
          const chars = unencodableChars(text);
          if (chars.length > 0) {
            bad.push({ line: line + 1, column: header[i]!, chars });
            text = replaceUnencodable(text, chars);
          }
        }
        return options.quoteAll || text !== '' ? quote(text) : '';
      })
      .join(','),
  );
  return { bytes: iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932'), bad };
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

const PIECES = [
  'a',
  'Z',
  '1',
  ' ',
  ',',
  '"',
  '\r',
  '\n',
  '\t',
  '=',
  '+',
  '-',
  '@',
  '東',
  '髙',
  '①',
  '㈱',
  'ｱ',
  'ﾞ',
  '¥',
  '～',
  '〜',
  '−',
  '‖',
  '—',
  '¢',
  '£',
  '¬',
  '\u00A0',
  '𠮷',
  '🍣',
  'é',
  '한',
  '\uFFFD',
  'ー',
  '～',
];

function randomCell(next: () => number): CsvValue {
  const pick = next();
  if (pick < 0.1) return Math.floor(next() * 20000) - 5000;
  if (pick < 0.15) return null;
  if (pick < 0.2) return '';
  let text = '';
  const length = 1 + Math.floor(next() * 12);
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)]!;
  return text;
}

describe('CsvWriter in Shift_JIS', () => {
  it('the CP932 table is iconv-lite’s own mapping, character by character', () => {
    const table = cp932Table();
    const variants = new Set([0x301c, 0x2212, 0x2016, 0x2014, 0xa2, 0xa3, 0xac, 0xa0]);
    const mismatches: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if ((c >= 0xd800 && c <= 0xdfff) || variants.has(c)) continue;
      const b = iconv.encode(String.fromCharCode(c), 'cp932');
      const want =
        b.length === 1 && b[0] === 0x3f && c !== 0x3f ? NOT_CP932 : b.length === 1 ? b[0]! : (b[0]! << 8) | b[1]!;
      if (table[c] !== want) mismatches.push(c);
    }
    expect(mismatches).toEqual([]);
    expect(table[0x301c]).toBe(table[0xff5e]);
    expect(table[0xd842]).toBe(NOT_CP932);
  });

  for (const options of [
    { encoding: 'shift_jis', neutralizeFormulas: true, quoteAll: false },
    { encoding: 'shift_jis', neutralizeFormulas: false, quoteAll: true },
  ] as const) {
    it(`writes the same bytes and reports as the plain definition (quoteAll ${options.quoteAll})`, () => {
      const next = random(options.quoteAll ? 7 : 3);
      const header = ['注文番号', '=式', '住所"1"', '商品', '合計'];
      const rows = Array.from({ length: 2000 }, () => header.map(() => randomCell(next)));
      const writer = new CsvWriter(header, options);
      rows.forEach((row, i) => writer.addRow(row, `R${i}`));
      const want = reference(header, rows, options);
      expect(writer.toBuffer().equals(want.bytes)).toBe(true);
      expect(writer.unencodable.map(({ line, column, chars }) => ({ line, column, chars }))).toEqual(want.bad);
      expect(writer.unencodable.length).toBeGreaterThan(100);
      expect(writer.unencodable[0]!.ref).toBe(`R${writer.unencodable[0]!.line - 2}`);
      expect(writer.rowCount).toBe(2000);
    });
  }

  it('spreads a large file over several chunks without a seam', () => {
    const long = '東京都千代田区丸の内'.repeat(40_000);
    const options = { encoding: 'shift_jis', neutralizeFormulas: true, quoteAll: false } as const;
    const writer = new CsvWriter(['a', 'b'], options);
    const rows = Array.from({ length: 6 }, (_, i) => [long, i]);
    for (const row of rows) writer.addRow(row, '');
    // 800 KB a row: more than one 1 MB chunk in all, and rows that do not fit the rest of one.
    expect(writer.toBuffer().equals(reference(['a', 'b'], rows, options).bytes)).toBe(true);
  });
});
