import { encodeCp932, replaceUnencodable, toCp932Variants, unencodableChars } from './cp932.js';

export type CsvEncoding = 'shift_jis' | 'utf8bom';

/** A cell whose characters Shift_JIS (CP932) cannot hold. */
export interface UnencodableCell {
  /** Line in the CSV file (the header is line 1). */
  line: number;
  /** What the row is about (an order number), to find it in the app. */
  ref: string;
  column: string;
  chars: string[];
}

export type CsvValue = string | number | null | undefined;

export interface CsvWriteOptions {
  encoding: CsvEncoding;
  /**
   * Prefix cells a spreadsheet would run as a formula (E9). Carrier files make their cells
   * inert themselves (carriers/label-layouts.ts inertText): an apostrophe would be printed.
   */
  neutralizeFormulas: boolean;
  /** Quote every field, numbers too (carrier files); else only text fields are quoted. */
  quoteAll: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Neutralises a cell against formula injection (OWASP "CSV injection"): a text cell that
 * begins with = + - @ tab or CR gets a leading apostrophe, which spreadsheets show as text.
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * Builds a CSV file for Japanese Excel: CRLF line ends, Shift_JIS (CP932) or UTF-8 with a
 * BOM. In Shift_JIS, characters CP932 cannot hold are replaced with 〓 and every such cell
 * is reported (line, row reference, column, characters) instead of being dropped silently.
 */
export class CsvWriter {
  private readonly lines: string[] = [];
  readonly unencodable: UnencodableCell[] = [];

  constructor(
    private readonly header: readonly string[],
    private readonly options: CsvWriteOptions,
  ) {
    this.lines.push(this.format(header, ''));
  }

  get rowCount(): number {
    return this.lines.length - 1;
  }

  addRow(values: readonly CsvValue[], ref: string): void {
    this.lines.push(this.format(values, ref));
  }

  private format(values: readonly CsvValue[], ref: string): string {
    const { encoding, neutralizeFormulas, quoteAll } = this.options;
    const out = new Array<string>(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value === 'number') {
        out[i] = quoteAll ? quote(String(value)) : String(value);
        continue;
      }
      let text = value ?? '';
      if (neutralizeFormulas) text = neutralizeFormula(text);
      if (encoding === 'shift_jis' && text !== '') {
        text = toCp932Variants(text);
        const bad = unencodableChars(text);
        if (bad.length > 0) {
          this.unencodable.push({ line: this.lines.length + 1, ref, column: this.header[i] ?? '', chars: bad });
          text = replaceUnencodable(text, bad);
        }
      }
      out[i] = quoteAll || text !== '' ? quote(text) : '';
    }
    return out.join(',');
  }

  toBuffer(): Buffer {
    const text = `${this.lines.join('\r\n')}\r\n`;
    return this.options.encoding === 'shift_jis' ? encodeCp932(text) : Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
  }
}
