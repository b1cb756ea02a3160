import { z } from 'zod';
import { CHANNELS, type Channel } from '../domain/channels.js';
import { method } from './define.js';
import { fileUpload } from './files.js';
import { lineText } from './text.js';

/**
 * The order fields a file import fills (F1). Yahoo! and Amazon layouts are known by their
 * header names; any other layout is mapped onto these fields by a saved column mapping.
 */
export const IMPORT_FIELDS = [
  'orderNo',
  'orderedAt',
  'buyerName',
  'buyerKana',
  'buyerEmail',
  'buyerPhone',
  'shipName',
  'shipPostalCode',
  'shipPrefecture',
  'shipAddress1',
  'shipAddress2',
  'shipPhone',
  'paymentMethod',
  'shippingFee',
  'codFee',
  'discount',
  'total',
  'orderComment',
  'deliveryDate',
  'deliveryTimeSlot',
  'deliveryMethod',
  'lineNo',
  'sku',
  'title',
  'quantity',
  'unitPrice',
  'taxRate',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The fields of an item line; the rest (but the order number) belong to the order. */
export const IMPORT_ITEM_FIELDS: readonly ImportField[] = [
  'lineNo',
  'sku',
  'title',
  'quantity',
  'unitPrice',
  'taxRate',
];
export const IMPORT_ORDER_FIELDS: readonly ImportField[] = IMPORT_FIELDS.filter(
  (field) => field !== 'orderNo' && !IMPORT_ITEM_FIELDS.includes(field),
);

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  orderNo: '注文番号',
  orderedAt: '注文日時',
  buyerName: '購入者名',
  buyerKana: '購入者名（カナ）',
  buyerEmail: 'メールアドレス',
  buyerPhone: '購入者電話番号',
  shipName: 'お届け先名',
  shipPostalCode: 'お届け先郵便番号',
  shipPrefecture: 'お届け先都道府県',
  shipAddress1: 'お届け先住所',
  shipAddress2: 'お届け先住所2（建物名など）',
  shipPhone: 'お届け先電話番号',
  paymentMethod: '決済方法',
  shippingFee: '送料',
  codFee: '代引手数料',
  discount: '値引',
  total: '合計金額（照合用）',
  orderComment: '注文時コメント',
  deliveryDate: '配送希望日',
  deliveryTimeSlot: '配送時間帯',
  deliveryMethod: '配送方法',
  lineNo: '明細行番号',
  sku: '商品コード（SKU）',
  title: '商品名',
  quantity: '数量',
  unitPrice: '単価',
  taxRate: '税率（10% / 8%）',
};

/** Fields a saved mapping must name (the others are optional). */
export const REQUIRED_MAPPING_FIELDS: readonly ImportField[] = [
  'orderNo',
  'orderedAt',
  'shipName',
  'shipPostalCode',
  'shipAddress1',
  'paymentMethod',
  'sku',
  'title',
  'quantity',
  'unitPrice',
];

/** The file's column for a field, or several columns joined into it (姓 + 名). */
export type MappedColumns = string | string[];

export interface ImportMapping {
  id: number;
  name: string;
  channel: Channel;
  /** Field → the header name(s) in the store's file. */
  fields: Partial<Record<ImportField, MappedColumns>>;
}

/** The headers a mapped field reads, in order (none for an unmapped field). */
export function mappedHeaders(columns: MappedColumns | undefined): string[] {
  const list = typeof columns === 'string' ? [columns] : (columns ?? []);
  return list.filter((h) => h.trim() !== '');
}

/**
 * What goes between joined columns: a space in names (山田 太郎), a hyphen in phone numbers,
 * nothing elsewhere (郵便番号1 + 2, 都道府県 + 郡市区 + それ以降の住所).
 */
export const JOIN_SEPARATORS: Partial<Record<ImportField, string>> = {
  buyerName: ' ',
  buyerKana: ' ',
  shipName: ' ',
  buyerPhone: '-',
  shipPhone: '-',
  title: ' ',
  orderComment: ' ',
};

export interface RejectedRow {
  file: string;
  line: number;
  orderNo: string;
  reason: string;
}

export interface ImportPreview {
  kind: 'preview';
  previewId: string;
  /** The layout recognised, in words ("Yahoo!ストアクリエイターPro 注文＋商品"). */
  layout: string;
  channel: Channel;
  files: { name: string; encoding: string; rows: number }[];
  counts: { new: number; updated: number; unchanged: number; rejected: number };
  /** `amountsUnknown`: the file gave no prices (金額未取得), the total means nothing. */
  newOrders: { orderNo: string; buyerName: string; items: number; total: number; amountsUnknown?: boolean }[];
  updates: { orderNo: string; changed: string[]; kept: string[] }[];
  unchanged: { orderNo: string; note: string }[];
  rejected: RejectedRow[];
}

/** The file's layout is not known: the clerk maps its headers (then previews again). */
export interface ImportNeedsMapping {
  kind: 'needs_mapping';
  fileName: string;
  headers: string[];
  message: string;
}

export interface ImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

const header = lineText().trim().max(200);
/** One header or the list of headers joined into the field. */
const mappingFields = z.partialRecord(
  z.enum(IMPORT_FIELDS),
  z.preprocess(
    (columns) => (typeof columns === 'string' ? [columns] : columns),
    z.array(header).max(5, '1つの項目につなげられる列は5つまでです。'),
  ),
);

/** One order file, or an order file and its item file (F1, and the console's 取込). */
export const orderFileUploads = z
  .array(fileUpload)
  .min(1, 'ファイルを選んでください。')
  .max(2, 'ファイルは2つ（注文と商品）まで選べます。');

export const importsApi = {
  /** Reads the file(s) and tells what an import would do; nothing is written. */
  'imports:preview': method<ImportPreview | ImportNeedsMapping>()(
    z.object({
      files: orderFileUploads,
      /** For the Yahoo! layout: オークション or ショッピング. Amazon files are always Amazon. */
      channel: z.enum(CHANNELS).default('yahoo_auction'),
      mappingId: z.number().int().positive().optional(),
    }),
  ),
  /** Imports what the preview showed, in one transaction. */
  'imports:commit': method<ImportResult>()(z.object({ previewId: lineText().min(1).max(100) })),
  'imports:mappings': method<ImportMapping[]>()(z.object({})),
  'imports:saveMapping': method<ImportMapping>()(
    z.object({
      id: z.number().int().positive().optional(),
      name: lineText().trim().min(1, 'マッピングの名前を入力してください。').max(60),
      channel: z.enum(CHANNELS),
      fields: mappingFields,
    }),
  ),
  'imports:deleteMapping': method<{ deleted: boolean }>()(z.object({ id: z.number().int().positive() })),
};
