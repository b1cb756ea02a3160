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

/** The channels with an API connector on the central server. */
export const API_CHANNEL_IDS = ['amazon', 'yahoo_shopping', 'rakuten'] as const;
export type ApiChannelId = (typeof API_CHANNEL_IDS)[number];

/** Each connector's secrets, in the order head office enters them, with their Japanese names. */
export const CREDENTIAL_FIELDS: Record<ApiChannelId, { key: string; label: string }[]> = {
  amazon: [
    { key: 'clientId', label: 'クライアントID（LWA）' },
    { key: 'clientSecret', label: 'クライアントシークレット（LWA）' },
    { key: 'refreshToken', label: 'リフレッシュトークン' },
  ],
  yahoo_shopping: [
    { key: 'clientId', label: 'Client ID（Yahoo! ID連携）' },
    { key: 'clientSecret', label: 'シークレット' },
    { key: 'refreshToken', label: 'リフレッシュトークン' },
  ],
  rakuten: [
    { key: 'serviceSecret', label: 'serviceSecret（サービスシークレット）' },
    { key: 'licenseKey', label: 'licenseKey（ライセンスキー）' },
  ],
};

/** A connector account's state in the manual's words. */
export const CONNECTOR_STATE_LABELS: Record<'ok' | 'stopped' | 'failing', string> = {
  ok: '正常',
  stopped: '停止（認証情報を登録し直してください）',
  failing: 'エラー（次回の実行で再試行）',
};

/** A channel connector account as 取込 shows it: never a secret, only which ones are registered. */
export interface ConnectorAccount {
  id: number;
  channel: ApiChannelId;
  channelLabel: string;
  name: string;
  storeId: string | null;
  intervalMinutes: number;
  enabled: boolean;
  /** Endpoints and public identifiers (seller ID, marketplace): nothing secret. */
  settings: Record<string, unknown>;
  state: 'ok' | 'stopped' | 'failing';
  message: string;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  nextRunAt: string | null;
  credentialsRegistered: string[];
  notices: { pending: number; sent: number; refused: number };
}

/** One run of a connector account. */
export interface ChannelRunRow {
  id: number;
  accountId: number;
  accountName: string | null;
  startedAt: string;
  finishedAt: string;
  onDemand: boolean;
  pages: number;
  created: number;
  changed: number;
  conflicts: number;
  noticesSent: number;
  noticesRefused: number;
  state: 'ok' | 'stopped' | 'failing';
  message: string;
}

const secrets = z.record(z.string().max(40), z.string().max(2000));

/** Adds an account (no id; its credentials needed) or changes one (credentials only when replaced). */
export const connectorInput = z.object({
  id: z.number().int().positive().optional(),
  channel: z.enum(API_CHANNEL_IDS),
  name: z.string().trim().min(1, '名前を入力してください。').max(100),
  storeId: z.string().min(1).max(40).nullable(),
  intervalMinutes: z.number().int().min(1).max(1440),
  enabled: z.boolean(),
  settings: z.record(z.string(), z.unknown()),
  credentials: secrets.optional(),
});

export const channelsApi = {
  'console:connectors': consoleMethod<ConnectorAccount[]>()('read', 'チャネル連携の一覧', z.object({})),
  'console:saveConnector': consoleMethod<ConnectorAccount>()('write', 'チャネル連携の登録・変更', connectorInput),
  'console:runConnector': consoleMethod<ChannelRunRow | null>()(
    'write',
    'チャネル連携の実行',
    z.object({ id: z.number().int().positive() }),
  ),
  'console:connectorRuns': consoleMethod<ChannelRunRow[]>()(
    'read',
    'チャネル連携の実行履歴',
    z.object({
      accountId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
  ),
  'console:notices': consoleMethod<ShipmentNoticeRow[]>()('read', '出荷通知一覧', noticeListQuery),
  'console:retryNotice': consoleMethod<{ ok: true }>()(
    'write',
    '出荷通知の再送',
    z.object({ id: z.number().int().positive() }),
  ),
};
