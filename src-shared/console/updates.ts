import { z } from 'zod';
import { consoleMethod } from './define.js';

/** Which PCs get a release: none yet (保留), the listed stores (店舗ごと) or every store (全店舗). */
export type Rollout = 'held' | 'stores' | 'all';

/** The platforms the update feed serves, each with electron-updater's channel file. */
export const UPDATE_PLATFORMS = {
  windows: { channelFile: 'latest.yml', extension: '.exe', label: 'Windows' },
  linux: { channelFile: 'latest-linux.yml', extension: '.AppImage', label: 'Linux' },
} as const;
export type UpdatePlatform = keyof typeof UPDATE_PLATFORMS;

export const UPDATE_LIMITS = { installerBytes: 300 * 1024 * 1024, ymlBytes: 64 * 1024, notesChars: 2000 };

/** An uploaded version of the store app as the console's 更新 page shows it. */
export interface AppRelease {
  id: number;
  version: string;
  platform: UpdatePlatform;
  fileName: string;
  bytes: number;
  sha512: string;
  releaseDate: string;
  notes: string;
  rollout: Rollout;
  storeIds: string[];
  uploadedAt: string;
  uploadedBy: string;
}

/** What a store PC learns from the feed check in browser mode (設定 and the header notice). */
export interface UpdateCheck {
  /** A newer version is rolled out to this PC's store. */
  available: boolean;
  version: string | null;
  current: string;
  /** Why nothing could be checked (no server set, offline); null when checked. */
  problem: string | null;
}

/** How a PC of each mode gets an available update, in the clerk's words. */
export const UPDATE_HOW_TO = {
  electron: 'バックグラウンドでダウンロードし、次に Chumon を起動したときに更新されます（作業中には更新しません）。',
  browser: 'ブラウザ版は自動では更新されません。この PC の管理者に更新を依頼してください。',
} as const;

export const updatesApi = {
  'console:releases': consoleMethod<AppRelease[]>()('read', '更新の一覧', z.object({})),
  'console:saveRollout': consoleMethod<AppRelease>()(
    'write',
    '更新の配布先の変更',
    z
      .object({
        id: z.number().int().positive(),
        rollout: z.enum(['held', 'stores', 'all']),
        storeIds: z.array(z.string().trim().min(1).max(40)).max(500).default([]),
      })
      .refine((v) => v.rollout !== 'stores' || v.storeIds.length > 0, '配布する店舗を1つ以上選んでください。'),
  ),
};
