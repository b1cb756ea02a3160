import { z } from 'zod';
import { method } from './define.js';
import type { DownloadFile } from './files.js';
import { orderIds } from './orders.js';

/** Channels whose shipment upload file (出荷通知ファイル) Chumon writes from F4. */
export const SHIP_FILE_CHANNELS = ['amazon', 'yahoo_shopping', 'rakuten'] as const;
export type ShipFileChannel = (typeof SHIP_FILE_CHANNELS)[number];

export const SHIP_FILE_LABELS: Record<ShipFileChannel, string> = {
  amazon: 'Amazon 出荷通知ファイル',
  yahoo_shopping: 'Yahoo!ショッピング 出荷情報CSV',
  rakuten: '楽天 発送完了CSV',
};

export interface ShipFileRefusal {
  orderNo: string;
  reason: string;
}

export interface ShipFileResult {
  /** The upload file; null when no checked order could go in it. */
  file: DownloadFile | null;
  /** Orders written to the file and marked 出荷通知: 送信済（ファイル）. */
  marked: number;
  refused: ShipFileRefusal[];
}

export const shipFilesApi = {
  /** F4: the channel's shipment upload file of the checked 出荷済 orders; they are marked 送信済（ファイル）. */
  'shipFiles:export': method<ShipFileResult>()(z.object({ channel: z.enum(SHIP_FILE_CHANNELS), orderIds })),
};
