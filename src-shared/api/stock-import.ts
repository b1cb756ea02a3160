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

/** A 欠品あり order the stock now covers (receiving, an adjustment: offered for F11). */
export interface CoveredOrder {
  orderId: number;
  orderNo: string;
  orderedAt: string;
  buyerName: string;
  storeId: string;
  /** Order numbers of its bundle partners, which are checked with it. */
  bundledWith: string[];
}

/** The 欠品あり orders now covered, oldest first, as F11 would take them. */
export interface CoveredOffer {
  /** Every covered order, for the one F11 that takes them all. */
  orderIds: number[];
  /** The first 500 of them, to show. */
  orders: CoveredOrder[];
}
