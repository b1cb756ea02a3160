import { z } from 'zod';
import { method } from './define.js';
import { fileUpload } from './files.js';
import type { CoveredOffer } from './stock.js';

/**
 * 在庫データ取込: a stock file (CSV/TSV) read by header name. 棚卸 sets each SKU's on-hand
 * count to the file's; 入荷 adds the file's count to it.
 */
export const STOCK_IMPORT_MODES = ['count', 'receive'] as const;
export type StockImportMode = (typeof STOCK_IMPORT_MODES)[number];
export const STOCK_IMPORT_MODE_LABELS: Record<StockImportMode, string> = {
  count: '棚卸（在庫数を置き換える）',
  receive: '入荷（在庫数に足す）',
};

export const STOCK_FILE_FIELDS = ['sku', 'storeId', 'quantity', 'location', 'title', 'jan'] as const;
export type StockFileField = (typeof STOCK_FILE_FIELDS)[number];
export const STOCK_FILE_FIELD_LABELS: Record<StockFileField, string> = {
  sku: '商品コード（SKU）',
  storeId: '店舗',
  quantity: '在庫数',
  location: '棚番',
  title: '商品名',
  jan: 'JAN',
};
export const REQUIRED_STOCK_FIELDS: readonly StockFileField[] = ['sku', 'quantity'];

/** Header names each field is known by without a saved mapping (compared width- and case-insensitively). */
export const STOCK_FIELD_ALIASES: Record<StockFileField, readonly string[]> = {
  sku: ['商品コード', 'SKU', '商品番号', '品番', '商品管理番号', 'item_sku', 'seller-sku', '出品者SKU'],
  storeId: ['店舗', '店舗コード', '店舗ID', '店舗名', '出荷店舗', '倉庫'],
  quantity: ['在庫数', '数量', '在庫', '実在庫数', '棚卸数', '入荷数', 'quantity', 'qty', 'stock'],
  location: ['棚番', 'ロケーション', '棚', 'location'],
  title: ['商品名', '品名', 'title', 'item-name'],
  jan: ['JAN', 'JANコード', 'バーコード', 'jan_code', 'EAN'],
};

export interface StockMapping {
  id: number;
  name: string;
  /** Field → the header name in the store's file. */
  fields: Partial<Record<StockFileField, string>>;
}

/** One line of the file as the import would apply it. */
export interface StockPreviewLine {
  line: number;
  sku: string;
  storeId: string;
  kind: 'new' | 'changed' | 'unchanged';
  onHandBefore: number | null;
  onHandAfter: number;
  locationBefore: string | null;
  locationAfter: string;
}

/** A line the import refuses, with its line number in the file and the reason. */
export interface StockBadLine {
  line: number;
  sku: string;
  reason: string;
}

export interface StockImportPreview {
  kind: 'preview';
  previewId: string;
  mode: StockImportMode;
  fileName: string;
  encoding: string;
  /** How the columns were found: 「見出し名」 or the saved mapping's name. */
  layout: string;
  rows: number;
  counts: { new: number; changed: number; unchanged: number; bad: number };
  /** New and changed lines (the first 500). */
  lines: StockPreviewLine[];
  /** Refused lines (the first 500). */
  bad: StockBadLine[];
}

/** The file's columns are not recognised: the clerk maps its headers (then previews again). */
export interface StockImportNeedsMapping {
  kind: 'needs_mapping';
  fileName: string;
  headers: string[];
  message: string;
}

export interface StockImportResult {
  new: number;
  changed: number;
  unchanged: number;
  /** Refused lines left out (only when the clerk chose to skip them). */
  skipped: number;
  /** After 入荷: the 欠品あり orders the new stock covers. */
  offer: CoveredOffer;
}

const mappingFields = z.partialRecord(z.enum(STOCK_FILE_FIELDS), z.string().trim().max(200));

export const stockImportApi = {
  /** Reads the file and tells what the import would do; nothing is written. */
  'stock:importPreview': method<StockImportPreview | StockImportNeedsMapping>()(
    z.object({
      file: fileUpload,
      mode: z.enum(STOCK_IMPORT_MODES, { error: '棚卸か入荷かを選んでください。' }),
      /** The store of lines that name none (a file without a 店舗 column). */
      storeId: z.string().trim().min(1).max(40).optional(),
      mappingId: z.number().int().positive().optional(),
    }),
  ),
  /** Applies what the preview showed in one transaction; refused lines only with `skipBad`. */
  'stock:importCommit': method<StockImportResult>()(
    z.object({ previewId: z.string().min(1).max(100), skipBad: z.boolean().default(false) }),
  ),
  'stock:mappings': method<StockMapping[]>()(z.object({})),
  'stock:saveMapping': method<StockMapping>()(
    z.object({
      id: z.number().int().positive().optional(),
      name: z.string().trim().min(1, 'マッピングの名前を入力してください。').max(60),
      fields: mappingFields,
    }),
  ),
  'stock:deleteMapping': method<{ deleted: boolean }>()(z.object({ id: z.number().int().positive() })),
};
