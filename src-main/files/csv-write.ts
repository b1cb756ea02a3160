import { markUnsafeChars } from '../../src-shared/text/unsafe-chars.js';
import { cp932Table, encodeCp932, NOT_CP932, replaceUnencodable, toCp932Variants, unencodableChars } from './cp932.js';

export type CsvEncoding = 'shift_jis' | 'utf8bom';

/** A cell whose characters Shift_JIS (CP932) cannot hold. */
interface UnencodableCell {
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
   * inert themselves (carriers/label-columns.ts inertText): an apostrophe would be printed.
   */
  neutralizeFormulas: boolean;
  /** Quote every field, numbers too (carrier files); else only text fields are quoted. */
  quoteAll: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const QUOTE = 0x22;
const COMMA = 0x2c;
const APOSTROPHE = 0x27;
/** A module constant of its own: the per-character loop reads it. */
const NONE = NOT_CP932;

/**
 * Neutralises a cell against formula injection (OWASP "CSV injection"): a text cell that
 * begins with = + - @ tab or CR gets a leading apostrophe, which spreadsheets show as text.
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** FORMULA_START on a character code, for the byte path. */
function startsFormula(code: number): boolean {
  return code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40 || code === 0x09 || code === 0x0d;
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

const SINK_CHUNK = 1 << 20;

/** A file's bytes in 1 MB chunks, joined once at the end. */
class ByteSink {
  private readonly done: Buffer[] = [];
  buf = Buffer.allocUnsafe(SINK_CHUNK);
  pos = 0;

  /** Makes room for `n` more bytes in `buf` (from `pos`). */
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.done.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(SINK_CHUNK, n));
    this.pos = 0;
  }

  write(bytes: Buffer): void {
    this.reserve(bytes.length);
    bytes.copy(this.buf, this.pos);
    this.pos += bytes.length;
  }

  toBuffer(): Buffer {
    return Buffer.concat([...this.done, this.buf.subarray(0, this.pos)]);
  }
}

/**
 * Builds a CSV file for Japanese Excel: CRLF line ends, Shift_JIS (CP932) or UTF-8 with a
 * BOM. In Shift_JIS, characters CP932 cannot hold are replaced with 〓 and every such cell
 * is reported (line, row reference, column, characters) instead of being dropped silently.
 *
 * Shift_JIS rows go straight to bytes, one table lookup per character (variants mapped,
 * quotes doubled on the way): E9 writes 100,000 orders, and a string per cell, a regex per
 * cell and a 30 MB string encoded at the end cost more than the database reads. A cell
 * with a character CP932 lacks is written again by the string path, which reports it.
 */
export class CsvWriter {
  private readonly lines: string[] = [];
  private readonly sink: ByteSink | null;
  private readonly table: Uint16Array | null;
  private lineCount = 0;
  readonly unencodable: UnencodableCell[] = [];

  constructor(
    private readonly header: readonly string[],
    private readonly options: CsvWriteOptions,
  ) {
    const sjis = options.encoding === 'shift_jis';
    this.sink = sjis ? new ByteSink() : null;
    this.table = sjis ? cp932Table() : null;
    this.addLine(header, '');
  }

  get rowCount(): number {
    return this.lineCount - 1;
  }

  addRow(values: readonly CsvValue[], ref: string): void {
    this.addLine(values, ref);
  }

  private addLine(values: readonly CsvValue[], ref: string): void {
    this.lineCount += 1;
    if (this.sink) this.writeCp932(values, ref, this.sink);
    else this.lines.push(this.format(values, ref));
  }

  private writeCp932(values: readonly CsvValue[], ref: string, sink: ByteSink): void {
    for (let i = 0; i < values.length; i++) {
      if (i > 0) {
        sink.reserve(1);
        sink.buf[sink.pos++] = COMMA;
      }
      const value = values[i];
      if (typeof value === 'number') {
        const text = String(value);
        sink.reserve(text.length + 2);
        if (this.options.quoteAll) sink.buf[sink.pos++] = QUOTE;
        sink.pos += sink.buf.write(text, sink.pos, 'latin1');
        if (this.options.quoteAll) sink.buf[sink.pos++] = QUOTE;
      } else if (!this.writeCp932Text(value ?? '', sink)) {
        sink.write(encodeCp932(this.formatText(value ?? '', ref, i)));
      }
    }
    sink.reserve(2);
    sink.buf[sink.pos++] = 0x0d;
    sink.buf[sink.pos++] = 0x0a;
  }

  /** A text cell as CP932 bytes; false (nothing written) when a character has none. */
  private writeCp932Text(text: string, sink: ByteSink): boolean {
    if (text === '') {
      if (this.options.quoteAll) {
        sink.reserve(2);
        sink.buf[sink.pos++] = QUOTE;
        sink.buf[sink.pos++] = QUOTE;
      }
      return true;
    }
    // At most two bytes per character, doubled quotes included; the quotes and an apostrophe.
    sink.reserve(2 * text.length + 3);
    const { buf } = sink;
    const table = this.table!;
    let pos = sink.pos;
    buf[pos++] = QUOTE;
    if (this.options.neutralizeFormulas && startsFormula(text.charCodeAt(0))) buf[pos++] = APOSTROPHE;
    for (let i = 0; i < text.length; i++) {
      const char = text.charCodeAt(i);
      // A control character (not tab or a line break) is marked by the string path.
      if ((char < 0x20 && char !== 0x09 && char !== 0x0a && char !== 0x0d) || (char >= 0x7f && char <= 0x9f))
        return false;
      const code = table[char]!;
      if (code < 0x100) {
        buf[pos++] = code;
        if (char === QUOTE) buf[pos++] = QUOTE;
      } else if (code === NONE) {
        return false;
      } else {
        buf[pos++] = code >> 8;
        buf[pos++] = code & 0xff;
      }
    }
    buf[pos++] = QUOTE;
    sink.pos = pos;
    return true;
  }

  private format(values: readonly CsvValue[], ref: string): string {
    const out = new Array<string>(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      out[i] =
        typeof value === 'number'
          ? this.options.quoteAll
            ? quote(String(value))
            : String(value)
          : this.formatText(value ?? '', ref, i);
    }
    return out.join(',');
  }

  /** A text cell as a string: unsafe characters marked, neutralised, in Shift_JIS with its unencodable characters reported and replaced, quoted. */
  private formatText(value: string, ref: string, column: number): string {
    const { encoding, neutralizeFormulas, quoteAll } = this.options;
    // Control characters and bidi overrides in stored text are written as visible marks.
    const marked = markUnsafeChars(value);
    let text = neutralizeFormulas ? neutralizeFormula(marked) : marked;
    if (encoding === 'shift_jis' && text !== '') {
      text = toCp932Variants(text);
      const bad = unencodableChars(text);
      if (bad.length > 0) {
        this.unencodable.push({ line: this.lineCount, ref, column: this.header[column] ?? '', chars: bad });
        text = replaceUnencodable(text, bad);
      }
    }
    return quoteAll || text !== '' ? quote(text) : '';
  }

  toBuffer(): Buffer {
    if (this.sink) return this.sink.toBuffer();
    return Buffer.concat([UTF8_BOM, Buffer.from(`${this.lines.join('\r\n')}\r\n`, 'utf8')]);
  }
}
