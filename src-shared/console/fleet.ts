import { z } from 'zod';
import { consoleMethod } from './define.js';

export interface ConsoleStore {
  id: string;
  name: string;
  isHeadOffice: boolean;
  /** Store PCs with a live token. */
  pcs: number;
}

/** What a store PC says about itself after each sync round (POST /sync/report). */
export interface PcReport {
  appVersion: string;
  os: string;
  dbBytes: number;
  orders: number;
  pendingOps: number;
  cursor: number;
  lastSyncAt: string | null;
  lastBackupAt: string | null;
  printer: string;
}

export const pcReportInput = z.object({
  appVersion: z.string().max(40),
  os: z.string().max(200),
  dbBytes: z.number().int().min(0),
  orders: z.number().int().min(0),
  pendingOps: z.number().int().min(0),
  cursor: z.number().int().min(0),
  lastSyncAt: z.string().max(40).nullable(),
  lastBackupAt: z.string().max(40).nullable(),
  printer: z.string().max(200),
});

type ClientKindLabel = 'pc' | 'connector';

/** A store PC or connector client as the 端末 page shows it. */
export interface ConsoleClient {
  id: number;
  kind: ClientKindLabel;
  name: string;
  storeId: string | null;
  storeName: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  /** Seen within the last few minutes, or holding the live change stream open. */
  online: boolean;
  /** When it was last seen, if it is not online. */
  offlineSince: string | null;
  appVersion: string | null;
  protocol: number | null;
  /** Its version is below what the server accepts: it may not push until updated. */
  tooOld: boolean;
  reportedAt: string | null;
  report: PcReport | null;
  /** Changes on the server after the PC's cursor (0 = up to date). */
  lagChanges: number | null;
}

export interface FleetSettings {
  /** PCs below this app version are told to update and may not push ('' = any). */
  minAppVersion: string;
  /** The server's oldest supported sync protocol, and its own. */
  minProtocol: number;
  protocol: number;
}

export interface IssuedClient {
  id: number;
  token: string;
  /** The setup string for 設定 → 同期 (server address and token), also shown as a QR code. */
  setup: string;
}

const storeId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, '店舗IDは英数字・_・- で40文字までです。');

export const fleetApi = {
  'console:stores': consoleMethod<ConsoleStore[]>()('read', '店舗一覧', z.object({})),
  'console:putStore': consoleMethod<ConsoleStore>()(
    'write',
    '店舗の登録・変更',
    z.object({
      id: storeId,
      name: z.string().trim().min(1, '店舗名を入力してください。').max(100),
      isHeadOffice: z.boolean().default(false),
    }),
  ),
  'console:clients': consoleMethod<ConsoleClient[]>()('read', '端末一覧', z.object({})),
  'console:issueClient': consoleMethod<IssuedClient>()(
    'write',
    'トークン発行',
    z.object({
      kind: z.enum(['pc', 'connector']),
      name: z.string().trim().min(1, '端末名を入力してください。').max(100),
      storeId: storeId.nullable().default(null),
      /** The address the PCs reach the server at (the page's own origin by default). */
      serverUrl: z
        .string()
        .trim()
        .max(300)
        .regex(/^https?:\/\/\S+$/, 'サーバーのアドレスが正しくありません。'),
    }),
  ),
  'console:revokeClient': consoleMethod<{ ok: true }>()(
    'write',
    'トークン無効化',
    z.object({ id: z.number().int().positive() }),
  ),
  'console:fleetSettings': consoleMethod<FleetSettings>()('read', '端末設定', z.object({})),
  'console:saveFleetSettings': consoleMethod<FleetSettings>()(
    'write',
    '最低バージョンの変更',
    z.object({
      minAppVersion: z
        .string()
        .trim()
        .regex(/^(\d+\.\d+\.\d+)?$/, 'バージョンは 1.2.3 の形で入力してください。'),
    }),
  ),
};
