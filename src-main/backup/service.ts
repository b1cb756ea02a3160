import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import {
  DEFAULT_BACKUP_SETTINGS,
  type BackupInfo,
  type BackupReason,
  type BackupSettings,
} from '../../src-shared/api/backup.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { ServiceContext } from '../core/context.js';
import { backupFolder, listBackups, pruneBackups, validateBackup, writeBackup, writeBackupSync } from './files.js';
import { DAY_MS } from '../../src-shared/text/jst.js';

export function backupSettings(ctx: Pick<ServiceContext, 'settings'>): BackupSettings {
  return { ...DEFAULT_BACKUP_SETTINGS, ...(ctx.settings.get('backup') ?? {}) };
}

/** One backup or restore at a time per app: a restore must not swap a file mid-backup. */
const queues = new WeakMap<ServiceContext, Promise<unknown>>();
function serial<T>(ctx: ServiceContext, task: () => Promise<T>): Promise<T> {
  const next = (queues.get(ctx) ?? Promise.resolve()).then(task, task);
  queues.set(
    ctx,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * SQLite's online backup (better-sqlite3 `backup()`): copies the live database page by page
 * between other work, so the app stays usable; the copy is a consistent snapshot.
 */
export function createBackup(ctx: ServiceContext, reason: BackupReason): Promise<BackupInfo> {
  return serial(ctx, async () => {
    const folder = backupFolder(ctx.database.file);
    const info = await writeBackup(folder, ctx.clock.now(), reason, (tmp) => ctx.database.sqlite.backup(tmp));
    pruneBackups(folder, backupSettings(ctx).keep);
    return info;
  });
}

/** The daily backup, when switched on and none was taken in the last 24 hours. */
export async function dailyBackupIfDue(ctx: ServiceContext): Promise<BackupInfo | null> {
  if (!backupSettings(ctx).daily) return null;
  const newest = listBackups(backupFolder(ctx.database.file))[0];
  if (newest && ctx.clock.now().getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
  return createBackup(ctx, 'daily');
}

/** Checks hourly (first a minute after start) whether the daily backup is due. */
export function scheduleDailyBackups(ctx: ServiceContext, log: (message: string, err: unknown) => void): () => void {
  const tick = () => void dailyBackupIfDue(ctx).catch((err: unknown) => log('daily backup failed', err));
  const first = setTimeout(tick, 60_000);
  const hourly = setInterval(tick, 3_600_000);
  first.unref();
  hourly.unref();
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}

/**
 * The backup taken before migrations run on an existing database (called from openDatabase,
 * which is synchronous at start-up: VACUUM INTO gives the same consistent snapshot without
 * waiting, and nothing else uses the database yet).
 */
export function backupBeforeMigration(
  sqlite: BetterSqlite3.Database,
  dbFile: string,
  at: Date,
  keep: number,
): BackupInfo {
  const folder = backupFolder(dbFile);
  try {
    const info = writeBackupSync(folder, at, 'migration', (tmp) => sqlite.prepare('VACUUM INTO ?').run(tmp));
    pruneBackups(folder, keep);
    return info;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new UserError(
      `データベースを更新する前のバックアップを作成できなかったため、更新を中止しました。ディスクの空き容量を確認してから起動し直してください。データは変更していません。（${detail}）`,
      'backup_failed',
    );
  }
}

/** Puts `source` in place of the (closed) database file; a crash leaves one or the other whole. */
function replaceDatabaseFile(dbFile: string, source: string): void {
  const incoming = `${dbFile}.restoring`;
  copyFileSync(source, incoming);
  for (const suffix of ['-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  renameSync(incoming, dbFile);
}

/**
 * Restores a backup: validates it, keeps a copy of the current database, swaps the file and
 * reopens the services. If the restored file will not open, the copy goes back in place.
 */
export function restoreBackup(ctx: ServiceContext, name: string): Promise<{ restored: string; safetyCopy: string }> {
  return serial(ctx, async () => {
    const dbFile = ctx.database.file;
    const folder = backupFolder(dbFile);
    const source = path.join(folder, path.basename(name));
    if (!existsSync(source)) {
      throw new UserError(
        '選んだバックアップが見つかりません。一覧を更新してから選び直してください。',
        'backup_missing',
      );
    }
    validateBackup(ctx.database.sqlite, source);
    const safety = await writeBackup(folder, ctx.clock.now(), 'before_restore', (tmp) =>
      ctx.database.sqlite.backup(tmp),
    );
    try {
      ctx.reopenDatabase(() => replaceDatabaseFile(dbFile, source));
    } catch (err) {
      ctx.reopenDatabase(() => replaceDatabaseFile(dbFile, path.join(folder, safety.name)));
      const detail = err instanceof UserError ? err.message : '';
      throw new UserError(`バックアップを復元できませんでした。元のデータに戻しています。${detail}`, 'restore_failed');
    }
    pruneBackups(folder, backupSettings(ctx).keep);
    ctx.emit({ type: 'orders:changed' });
    return { restored: name, safetyCopy: safety.name };
  });
}
