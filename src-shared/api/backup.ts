import { z } from 'zod';
import { method } from './define.js';

/** Why a backup was taken: shown in the list so the clerk picks the right one. */
export type BackupReason = 'daily' | 'migration' | 'manual' | 'before_restore';

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: '毎日の自動バックアップ',
  migration: 'アップデート前',
  manual: '手動',
  before_restore: '復元前の控え',
};

export interface BackupInfo {
  /** File name inside the backups folder: the only handle the renderer gets. */
  name: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
}

export interface BackupList {
  folder: string;
  backups: BackupInfo[];
}

export interface BackupSettings {
  /** How many backup files to keep; older ones are deleted after each new backup. */
  keep: number;
  daily: boolean;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keep: 10, daily: true };

/** chumon-2026-11-27T01-00-00Z-daily.sqlite (a suffix -2, -3 ... when taken in the same second). */
export const BACKUP_NAME_PATTERN =
  /^chumon-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)-(daily|migration|manual|before_restore)(?:-(\d{1,3}))?\.sqlite$/;

const backupSettingsInput = z.object({
  keep: z
    .number()
    .int('保存する世代数は整数で入力してください。')
    .min(1, '保存する世代数は 1 以上にしてください。')
    .max(365, '保存する世代数は 365 以下にしてください。'),
  daily: z.boolean(),
});

export const backupApi = {
  'backup:list': method<BackupList>()(z.object({})),
  'backup:create': method<BackupInfo>()(z.object({})),
  /** Replaces the database with a backup; a copy of the current one is kept first. */
  'backup:restore': method<{ restored: string; safetyCopy: string }>()(
    z.object({ name: z.string().max(120).regex(BACKUP_NAME_PATTERN, 'バックアップを一覧から選んでください。') }),
  ),
  'backup:settings': method<BackupSettings>()(z.object({})),
  'backup:saveSettings': method<BackupSettings>()(backupSettingsInput),
};
