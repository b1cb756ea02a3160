import { z } from 'zod';
import { method } from './define.js';
import { CSV_ENCODINGS, type DownloadFile } from './files.js';
import { listQuery, orderId } from './orders.js';

/** The columns E9 CSV出力 can write, in the order they appear in the file. */
export const EXPORT_COLUMNS = [
  ['orderNo', '注文番号'],
  ['channel', '販路'],
  ['orderedAt', '注文日時'],
  ['status', 'メインステータス'],
  ['subStatus', 'サブステータス'],
  ['buyerName', '購入者名'],
  ['buyerKana', '購入者名（カナ）'],
  ['buyerEmail', 'メールアドレス'],
  ['buyerPhone', '購入者電話番号'],
  ['shipName', 'お届け先名'],
  ['shipPostalCode', '郵便番号'],
  ['shipPrefecture', '都道府県'],
  ['shipAddress1', '住所1'],
  ['shipAddress2', '住所2'],
  ['shipPhone', 'お届け先電話番号'],
  ['paymentMethod', '決済方法'],
  ['items', '商品'],
  ['subtotal', '小計'],
  ['discount', '値引'],
  ['shippingFee', '送料'],
  ['codFee', '代引手数料'],
  ['total', '合計'],
  ['orderComment', '注文時コメント'],
  ['staffComment', '受注後コメント'],
  ['store', '出荷店舗'],
  ['carrier', '配送業者'],
  ['trackingNo', '送り状番号'],
  ['bundleGroup', '同梱'],
  ['paidAt', '入金日時'],
  ['shippedAt', '出荷日時'],
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number][0];
export const EXPORT_COLUMN_IDS = EXPORT_COLUMNS.map(([id]) => id) as [ExportColumn, ...ExportColumn[]];

export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = [
  'orderNo',
  'channel',
  'orderedAt',
  'status',
  'buyerName',
  'shipName',
  'shipPostalCode',
  'shipPrefecture',
  'shipAddress1',
  'shipAddress2',
  'shipPhone',
  'paymentMethod',
  'items',
  'total',
  'orderComment',
  'trackingNo',
];

/** A cell Shift_JIS cannot hold: it was written as 〓, and the clerk is told where. */
export interface UnencodableReport {
  line: number;
  orderNo: string;
  column: string;
  chars: string[];
}

export interface CsvExportResult {
  file: DownloadFile;
  rows: number;
  encoding: (typeof CSV_ENCODINGS)[number];
  unencodable: UnencodableReport[];
  unencodableTotal: number;
}

export const csvExportApi = {
  /** E9: the listed orders (or the checked ones) with the chosen columns. */
  'csvExport:run': method<CsvExportResult>()(
    listQuery.extend({
      orderIds: z.array(orderId).min(1).max(1_000_000).optional(),
      columns: z.array(z.enum(EXPORT_COLUMN_IDS)).min(1, '出力する項目を1つ以上選んでください。'),
      /** Defaults to the csvEncoding setting. */
      encoding: z.enum(CSV_ENCODINGS).optional(),
    }),
  ),
};
