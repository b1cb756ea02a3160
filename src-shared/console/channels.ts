import { z } from 'zod';
import { consoleMethod } from './define.js';

export const NOTICE_STATES = ['pending', 'sending', 'sent', 'refused'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

/** The 出荷通知 states in the manual's words. */
export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  pending: '未送信',
  sending: '送信中',
  sent: '送信済',
  refused: 'エラー',
};

/** One shipment notice of the queue (出荷通知), as head office sees it. */
export interface ShipmentNoticeRow {
  id: number;
  accountId: number;
  accountName: string | null;
  channel: string;
  orderNo: string;
  storeId: string | null;
  carrier: string | null;
  trackingNo: string | null;
  shipDate: string;
  state: NoticeState;
  attempts: number;
  /** The last answer was lost: the channel is asked whether it has the shipment before a resend. */
  unsure: boolean;
  nextAttemptAt: string;
  /** The channel's own message of a refusal or of the last failed attempt. */
  channelMessage: string;
  createdAt: string;
  sentAt: string | null;
}

export const noticeListQuery = z.object({
  state: z.enum(NOTICE_STATES).optional(),
  accountId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type NoticeListQuery = z.output<typeof noticeListQuery>;

export const channelsApi = {
  'console:notices': consoleMethod<ShipmentNoticeRow[]>()('read', '出荷通知一覧', noticeListQuery),
  'console:retryNotice': consoleMethod<{ ok: true }>()(
    'write',
    '出荷通知の再送',
    z.object({ id: z.number().int().positive() }),
  ),
};
