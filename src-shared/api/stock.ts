import { z } from 'zod';
import type { BulkResult } from '../domain/order.js';
import type { ShortLine } from '../domain/stock.js';
import { CSV_ENCODINGS, fileUpload, type DownloadFile } from './files.js';
import {
  STOCK_FILE_FIELDS,
  STOCK_IMPORT_MODES,
  type StockImportNeedsMapping,
  type StockImportPreview,
  type CoveredOffer,
  type StockImportResult,
  type StockMapping,
} from './stock-import.js';
import { method } from './define.js';
import { lineText } from './text.js';
import { orderIds } from './orders.js';

export type { ShortLine };

/** An order the stock check could not cover, with what is short. */
export interface OrderShortage {
  orderId: number;
  orderNo: string;
  buyerName: string;
  lines: ShortLine[];
  /** Order numbers of its bundle partners, which go to 欠品あり with it. */
  bundledWith: string[];
}

/**
 * F11 在庫確認: the covered orders are already moved (applied); the short ones are listed
 * for 欠品登録 and are not in `refused`; `refused` holds the others with their reasons.
 */
export interface StockCheckResult extends BulkResult {
  shortages: OrderShortage[];
}

/** 在庫一覧: one SKU at one store. */
export interface StockRow {
  sku: string;
  storeId: string;
  jan: string;
  title: string;
  /** 棚番 */
  location: string;
  /** 在庫数 */
  onHand: number;
  /** 引当数 */
  reserved: number;
  /** 有効在庫 = 在庫数 − 引当数 */
  available: number;
  updatedAt: string | null;
}

export const STOCK_SORT_COLUMNS = [
  'sku',
  'storeId',
  'jan',
  'title',
  'location',
  'onHand',
  'reserved',
  'available',
  'updatedAt',
] as const;
export type StockSortColumn = (typeof STOCK_SORT_COLUMNS)[number];

export interface StockPage {
  rows: StockRow[];
  total: number;
}

/** Why a SKU's count moved: the ledger's kinds, in the words the clerk reads. */
export const STOCK_MOVE_KINDS = ['count', 'receive', 'adjust', 'reserve', 'consume', 'release', 'split'] as const;
export type StockMoveKind = (typeof STOCK_MOVE_KINDS)[number];
export const STOCK_MOVE_LABELS: Record<StockMoveKind, string> = {
  count: '棚卸',
  receive: '入荷',
  adjust: '手動調整',
  reserve: '引当',
  consume: '出荷',
  release: '引当解除',
  split: '注文分割（引当の移動）',
};

/** One row of a SKU's stock ledger (在庫履歴). */
export interface StockLedgerEntry {
  id: number;
  at: string;
  kind: StockMoveKind;
  onHandBefore: number;
  onHandAfter: number;
  reservedBefore: number;
  reservedAfter: number;
  orderNo: string | null;
  operator: string;
  pcId: string;
  reason: string;
}

export const stockListQuery = z.object({
  /** SKU, JAN, title or 棚番 fragment (kana and width insensitive). */
  filter: lineText().trim().max(100, '絞り込みは100文字以内で入力してください。').default(''),
  /** One store; absent = every store this PC may see. */
  storeId: lineText().min(1).max(40).optional(),
});
export type StockListQuery = z.input<typeof stockListQuery>;

const sku = lineText().trim().min(1, '商品コードを入力してください。').max(200);
const storeId = lineText().trim().min(1, '店舗を選んでください。').max(40);
const count = z
  .number({ error: '在庫数は数字で入力してください。' })
  .int('在庫数は整数で入力してください。')
  .min(0, '在庫数は0以上で入力してください。')
  .max(1_000_000_000, '在庫数が大きすぎます。');

const mappingFields = z.partialRecord(z.enum(STOCK_FILE_FIELDS), lineText().trim().max(200));

export const stockApi = {
  'stock:check': method<StockCheckResult>()(z.object({ orderIds })),
  /** 欠品登録: the orders go to 欠品あり with their current short lines recorded. */
  'stock:registerShortage': method<BulkResult>()(z.object({ orderIds })),
  /** 在庫一覧: a page of rows (a store PC sees its own store, head office every store). */
  'stock:list': method<StockPage>()(
    stockListQuery.extend({
      sort: z.object({ column: z.enum(STOCK_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) }).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  /** A SKU's stock ledger, newest first. */
  'stock:ledger': method<StockLedgerEntry[]>()(
    z.object({ sku, storeId, limit: z.number().int().min(1).max(1000).default(200) }),
  ),
  /** Adjustment by hand (在庫数 and 棚番), with a reason; offers the 欠品あり orders now covered. */
  'stock:adjust': method<{ row: StockRow; offer: CoveredOffer }>()(
    z.object({
      sku,
      storeId,
      onHand: count,
      location: lineText().trim().max(100, '棚番は100文字以内で入力してください。'),
      reason: lineText().trim().min(1, '調整の理由を入力してください。').max(500),
    }),
  ),
  /** The 欠品あり orders the store's stock covers now (of these SKUs, or of any). */
  'stock:covered': method<CoveredOffer>()(
    z.object({ storeId: storeId.optional(), skus: z.array(sku).max(200_000).optional() }),
  ),
  /** 在庫一覧 as CSV (CP932 or UTF-8 BOM, formula cells neutralised). */
  'stock:export': method<{ file: DownloadFile; rows: number; unencodable: number }>()(
    stockListQuery.extend({ encoding: z.enum(CSV_ENCODINGS).optional() }),
  ),

  /** Reads the file and tells what the import would do; nothing is written. */
  'stock:importPreview': method<StockImportPreview | StockImportNeedsMapping>()(
    z.object({
      file: fileUpload,
      mode: z.enum(STOCK_IMPORT_MODES, { error: '棚卸か入荷かを選んでください。' }),
      /** The store of lines that name none (a file without a 店舗 column). */
      storeId: lineText().trim().min(1).max(40).optional(),
      mappingId: z.number().int().positive().optional(),
    }),
  ),
  /** Applies what the preview showed in one transaction; refused lines only with `skipBad`. */
  'stock:importCommit': method<StockImportResult>()(
    z.object({ previewId: lineText().min(1).max(100), skipBad: z.boolean().default(false) }),
  ),
  'stock:mappings': method<StockMapping[]>()(z.object({})),
  'stock:saveMapping': method<StockMapping>()(
    z.object({
      id: z.number().int().positive().optional(),
      name: lineText().trim().min(1, 'マッピングの名前を入力してください。').max(60),
      fields: mappingFields,
    }),
  ),
  'stock:deleteMapping': method<{ deleted: boolean }>()(z.object({ id: z.number().int().positive() })),
};
