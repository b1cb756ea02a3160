import { UserError } from '../api/errors.js';
import {
  REQUIRED_STOCK_FIELDS,
  STOCK_FIELD_ALIASES,
  STOCK_FILE_FIELD_LABELS,
  STOCK_FILE_FIELDS,
  type StockBadLine,
  type StockFileField,
  type StockMapping,
} from '../api/stock-import.js';
import { nfkc } from '../text/normalize.js';
import { headerIndex, readHeader, scanCsv } from './csv-read.js';
import { ENCODING_LABELS, type TextEncodingName } from './text-decode.js';

/** One readable line of a stock file; the store is the cell as written (resolved by the caller). */
export interface StockFileLine {
  line: number;
  sku: string;
  store: string;
  quantity: number;
  location?: string;
  title?: string;
  jan?: string;
}

interface StockFile {
  fileName: string;
  encoding: string;
  /** 「見出し名」 or 「マッピング「name」」: how the columns were found. */
  layout: string;
  rows: number;
  lines: StockFileLine[];
  bad: StockBadLine[];
}

interface StockFileNeedsMapping {
  kind: 'needs_mapping';
  fileName: string;
  headers: string[];
  message: string;
}

type Columns = Partial<Record<StockFileField, number>>;

const MAX_COUNT = 1_000_000_000;
const DIGITS = /^\d+$/;
const JAN = /^(\d{8}|\d{12,14})$/;

/** Columns by the built-in header names: the first alias the file has, per field. */
function aliasColumns(header: readonly string[]): Columns {
  const find = headerIndex(header);
  const columns: Columns = {};
  for (const field of STOCK_FILE_FIELDS) {
    for (const alias of STOCK_FIELD_ALIASES[field]) {
      const index = find(alias);
      if (index >= 0) {
        columns[field] = index;
        break;
      }
    }
  }
  return columns;
}

/** Columns by a saved mapping; null when the file lacks one of its headers. */
function mappingColumns(header: readonly string[], mapping: StockMapping): Columns | null {
  const find = headerIndex(header);
  const columns: Columns = {};
  for (const [field, name] of Object.entries(mapping.fields) as [StockFileField, string][]) {
    const index = find(name);
    if (index < 0) return null;
    columns[field] = index;
  }
  return columns;
}

const hasRequired = (columns: Columns) => REQUIRED_STOCK_FIELDS.every((f) => columns[f] !== undefined);

/**
 * A count as a clerk types it: half or full width, thousands separators allowed; anything
 * that is not a whole number is the line's refusal reason.
 */
function readCount(cell: string): number | string {
  const text = nfkc(cell).replace(/[,\s]/g, '');
  if (text === '') return '在庫数が空です。';
  if (text.startsWith('-') && DIGITS.test(text.slice(1))) return `在庫数がマイナスです（${cell.trim()}）。`;
  if (!DIGITS.test(text)) return `在庫数は0以上の整数で入れてください（${cell.trim()}）。`;
  const value = Number(text);
  if (value > MAX_COUNT) return `在庫数が大きすぎます（${cell.trim()}）。`;
  return value;
}

/** Reads one record into a line, or the reason it cannot be used. */
function readLine(fields: string[], line: number, columns: Columns): StockFileLine | StockBadLine {
  const cell = (field: StockFileField) => {
    const index = columns[field];
    return index === undefined ? undefined : fields[index]!.trim();
  };
  const sku = nfkc(cell('sku') ?? '');
  if (sku === '') return { line, sku: '', reason: '商品コードが空です。' };
  if (sku.length > 200) return { line, sku: sku.slice(0, 40), reason: '商品コードが長すぎます（200文字まで）。' };
  const quantity = readCount(cell('quantity') ?? '');
  if (typeof quantity === 'string') return { line, sku, reason: quantity };
  const jan = cell('jan') === undefined ? undefined : nfkc(cell('jan')!).replace(/[\s-]/g, '');
  if (jan && !JAN.test(jan)) return { line, sku, reason: `JAN は8桁または13桁の数字です（${cell('jan')}）。` };
  const out: StockFileLine = { line, sku, store: cell('storeId') ?? '', quantity };
  // An empty cell leaves the stock's own value as it is.
  const location = cell('location');
  if (location) out.location = location.slice(0, 100);
  const title = cell('title');
  if (title) out.title = title.slice(0, 1000);
  if (jan) out.jan = jan;
  return out;
}

/** A stock file as decoded text (src-node's decodeUpload: the encoding detected, the name quoted). */
interface StockFileText {
  name: string;
  label: string;
  text: string;
  encoding: TextEncodingName;
}

/**
 * Reads a stock file (CSV or TSV, Shift_JIS/CP932 or UTF-8 detected), finding its columns
 * by header name: a saved mapping whose headers the file has (the one asked for, or the
 * first that fits), else the built-in names. Lines that cannot be read are kept with their
 * line number and reason; the file as a whole is refused only when it is not a table.
 */
export function readStockFile(
  decoded: StockFileText,
  mappings: readonly StockMapping[],
  mappingId?: number,
): StockFile | StockFileNeedsMapping {
  const { label, name: fileName } = decoded;
  const header = readHeader(decoded.text, label);
  let columns: Columns | null = null;
  let layout = '見出し名';
  if (mappingId !== undefined) {
    const mapping = mappings.find((m) => m.id === mappingId);
    if (!mapping) throw new UserError('そのマッピングは見つかりません（削除された可能性があります）。', 'not_found');
    columns = mappingColumns(header, mapping);
    if (!columns) {
      throw new UserError(
        `${label}にマッピング「${mapping.name}」の見出しがありません。マッピングを直すか、別のファイルを選んでください。何も取り込んでいません。`,
      );
    }
    layout = `マッピング「${mapping.name}」`;
  } else {
    const saved = mappings.map((m) => ({ m, c: mappingColumns(header, m) })).find((x) => x.c && hasRequired(x.c));
    if (saved) layout = `マッピング「${saved.m.name}」`;
    columns = saved?.c ?? aliasColumns(header);
  }
  if (!hasRequired(columns)) {
    const missing = REQUIRED_STOCK_FIELDS.filter((f) => columns[f] === undefined).map(
      (f) => STOCK_FILE_FIELD_LABELS[f],
    );
    return {
      kind: 'needs_mapping',
      fileName,
      headers: header,
      message: `${label}に${missing.join('・')}の列が見つかりません。見出しと項目の対応（マッピング）を設定してください。`,
    };
  }
  const lines: StockFileLine[] = [];
  const bad: StockBadLine[] = [];
  let rows = 0;
  scanCsv(decoded.text, label, (fields, line) => {
    rows += 1;
    const read = readLine(fields, line, columns);
    if ('reason' in read) bad.push(read);
    else lines.push(read);
  });
  if (rows === 0)
    throw new UserError(`${label}には見出し行だけで在庫の行がありません。何も取り込んでいません。`, 'empty_file');
  return { fileName, encoding: ENCODING_LABELS[decoded.encoding], layout, rows, lines, bad };
}
