import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import {
  DEFAULT_BACKUP_SETTINGS,
  type BackupInfo,
  type BackupList,
  type BackupReason,
  type BackupSettings,
} from '../../src-shared/api/backup.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { AppContext } from '../core/app-context.js';
import type { Database } from '../db/open.js';
import { backupFolder, listBackups, pruneBackups, validateBackup, writeBackup, writeBackupSync } from './files.js';
import { DAY_MS } from '../../src-shared/text/jst.js';

/** The backup settings as saved, the defaults for what is not. */
export function backupSettings(ctx: Pick<AppContext, 'settings'>): BackupSettings {
  return { ...DEFAULT_BACKUP_SETTINGS, ...(ctx.settings.get('backup') ?? {}) };
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

/** What backups work with: the open database (a restore replaces it), the settings and the clock. */
interface BackupParts extends Pick<AppContext, 'settings' | 'clock' | 'reopenDatabase'> {
  /** The database open now, read at each use. */
  database(): Database;
}

/**
 * バックアップ (S5): the manual and the daily backup, 復元 and their settings. One per app,
 * like the sync runner: it outlives the database a restore reopens, and runs one backup or
 * restore at a time (a restore must not swap a file mid-backup).
 */
export class BackupService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly parts: BackupParts) {}

  settings(): BackupSettings {
    return backupSettings(this.parts);
  }

  saveSettings(input: BackupSettings): BackupSettings {
    this.parts.settings.set('backup', input);
    return this.settings();
  }

  /** The backups kept beside the database, newest first, and their folder. */
  list(): BackupList {
    const folder = backupFolder(this.parts.database().file);
    return { folder, backups: listBackups(folder) };
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * SQLite's online backup (better-sqlite3 `backup()`): copies the live database page by page
   * between other work, so the app stays usable; the copy is a consistent snapshot.
   */
  create(reason: BackupReason): Promise<BackupInfo> {
    return this.serial(async () => {
      const { file, sqlite } = this.parts.database();
      const folder = backupFolder(file);
      const info = await writeBackup(folder, this.parts.clock.now(), reason, (tmp) => sqlite.backup(tmp));
      pruneBackups(folder, this.settings().keep);
      return info;
    });
  }

  /** The daily backup, when switched on and none was taken in the last 24 hours. */
  async dailyIfDue(): Promise<BackupInfo | null> {
    if (!this.settings().daily) return null;
    const newest = listBackups(backupFolder(this.parts.database().file))[0];
    if (newest && this.parts.clock.now().getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
    return this.create('daily');
  }

  /** Checks hourly (first a minute after start) whether the daily backup is due. */
  scheduleDaily(log: (message: string, err: unknown) => void): () => void {
    const tick = () => void this.dailyIfDue().catch((err: unknown) => log('daily backup failed', err));
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
   * Restores a backup: validates it, keeps a copy of the current database, swaps the file and
   * reopens the services. If the restored file will not open, the copy goes back in place.
   */
  restore(name: string): Promise<{ restored: string; safetyCopy: string }> {
    return this.serial(async () => {
      const { file: dbFile, sqlite } = this.parts.database();
      const folder = backupFolder(dbFile);
      const source = path.join(folder, path.basename(name));
      if (!existsSync(source)) {
        throw new UserError(
          '選んだバックアップが見つかりません。一覧を更新してから選び直してください。',
          'backup_missing',
        );
      }
      validateBackup(sqlite, source);
      const safety = await writeBackup(folder, this.parts.clock.now(), 'before_restore', (tmp) => sqlite.backup(tmp));
      try {
        this.parts.reopenDatabase(() => replaceDatabaseFile(dbFile, source));
      } catch (err) {
        this.parts.reopenDatabase(() => replaceDatabaseFile(dbFile, path.join(folder, safety.name)));
        const detail = err instanceof UserError ? err.message : '';
        throw new UserError(
          `バックアップを復元できませんでした。元のデータに戻しています。${detail}`,
          'restore_failed',
        );
      }
      pruneBackups(folder, this.settings().keep);
      return { restored: name, safetyCopy: safety.name };
    });
  }
}
