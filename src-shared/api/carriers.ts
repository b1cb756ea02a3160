import { z } from 'zod';
import type { Carrier } from '../domain/carriers.js';
import { method } from './define.js';
import { fileUpload, type DownloadFile } from './files.js';
import { orderIds } from './orders.js';
import { lineText } from './text.js';

/** Shipping-label data formats of the carriers' own label software. */
export const LABEL_FORMATS = ['yamato_b2', 'sagawa_ehiden2', 'japanpost_clickpost', 'japanpost_yupackprint'] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

export const LABEL_FORMAT_INFO: Record<LabelFormat, { label: string; carrier: Carrier }> = {
  yamato_b2: { label: 'ヤマト運輸 B2クラウド', carrier: 'yamato' },
  sagawa_ehiden2: { label: '佐川急便 e飛伝Ⅱ', carrier: 'sagawa' },
  japanpost_clickpost: { label: '日本郵便 クリックポスト', carrier: 'japanpost' },
  japanpost_yupackprint: { label: '日本郵便 ゆうパックプリントR', carrier: 'japanpost' },
};

export interface LabelProblem {
  orderNo: string;
  field: string;
  message: string;
}

export interface LabelExportResult {
  /** The CSV file(s); none when a check failed (Click Post takes 40 rows a file). */
  files: DownloadFile[];
  rows: number;
  problems: LabelProblem[];
  /** 郵便番号 that Japan Post gives to another 都道府県 / 市区町村: the file is made, the orders listed. */
  warnings: LabelProblem[];
}

export type TrackingRowStatus = 'register' | 'already' | 'unmatched' | 'duplicate' | 'conflict' | 'refused';

export const TRACKING_STATUS_LABELS: Record<TrackingRowStatus, string> = {
  register: '登録',
  already: '登録済み',
  unmatched: '該当なし',
  duplicate: '重複',
  conflict: '別番号あり',
  refused: '登録不可',
};

export interface TrackingRow {
  line: number;
  managementNo: string;
  trackingNo: string;
  status: TrackingRowStatus;
  message: string;
}

export interface TrackingPreview {
  previewId: string;
  format: string;
  carrier: Carrier;
  counts: Record<TrackingRowStatus, number>;
  rows: TrackingRow[];
}

export interface TrackingResult {
  registered: number;
  refused: { managementNo: string; reason: string }[];
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '出荷予定日は YYYY-MM-DD で入力してください。');

/** Carrier codes kept in settings (the B2 contract's billing code, ...). */
export interface CarrierSettings {
  yamatoCustomerCode: string;
  yamatoFreightNo: string;
  sagawaCustomerCode: string;
}

const carrierSettingsInput = z.object({
  yamatoCustomerCode: z
    .string()
    .trim()
    .regex(/^(\d{10,12})?$/, 'B2クラウドのご請求先顧客コードは10〜12桁の数字です。'),
  yamatoFreightNo: z
    .string()
    .trim()
    .regex(/^(\d{2})?$/, '運賃管理番号は2桁の数字です（通常 01）。'),
  sagawaCustomerCode: z
    .string()
    .trim()
    .regex(/^(\d{12})?$/, 'e飛伝Ⅱのお客様コードは12桁の数字です。'),
});

export const carriersApi = {
  /** Checked orders as the carrier's label CSV, after the carrier's own checks. */
  'carriers:export': method<LabelExportResult>()(
    z.object({
      format: z.enum(LABEL_FORMATS),
      orderIds,
      shipDate: day,
      /** 品名 / 内容品 for every parcel; empty = each parcel's first item title. */
      itemName: lineText().trim().max(50).default(''),
    }),
  ),
  /** The carrier's issued-data CSV (B2 発行済データ, e飛伝 出荷データ): what registering would do. */
  'carriers:importPreview': method<TrackingPreview>()(z.object({ file: fileUpload })),
  'carriers:importCommit': method<TrackingResult>()(z.object({ previewId: lineText().min(1).max(100) })),
  'carriers:settings': method<CarrierSettings>()(z.object({})),
  'carriers:saveSettings': method<CarrierSettings>()(carrierSettingsInput),
};
