import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { BACKUP_NAME_PATTERN, type BackupInfo, type BackupReason } from '../../src-shared/api/backup.js';
import { UserError } from '../../src-shared/api/errors.js';
import { makePrivateDir, makePrivateFile } from '../../src-node/private-files.js';

/** Backups live in the data folder next to the database, one SQLite file each. */
export function backupFolder(dbFile: string): string {
  return path.join(path.dirname(dbFile), 'backups');
}

/** A file being written: never listed, never restored, removed by the next prune. */
const PARTIAL = '.partial';

function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

/** A fresh file name for a backup taken now (suffixed when one was already taken this second). */
export function newBackupName(folder: string, at: Date, reason: BackupReason): string {
  const base = `chumon-${stamp(at)}-${reason}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.sqlite` : `${base}-${n}.sqlite`;
    if (!existsSync(path.join(folder, name)) && !existsSync(path.join(folder, name + PARTIAL))) return name;
  }
}

export function parseBackupName(name: string): { createdAt: string; reason: BackupReason; seq: number } | null {
  const m = BACKUP_NAME_PATTERN.exec(name);
  if (!m) return null;
  const [date, time] = m[1]!.split('T') as [string, string];
  return {
    createdAt: new Date(`${date}T${time.replace(/-/g, ':')}`).toISOString(),
    reason: m[2] as BackupReason,
    seq: Number(m[3] ?? 1),
  };
}

/** Newest first. */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  const found: (BackupInfo & { seq: number })[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    found.push({
      name,
      createdAt: parsed.createdAt,
      reason: parsed.reason,
      seq: parsed.seq,
      bytes: statSync(path.join(folder, name)).size,
    });
  }
  found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq);
  return found.map(({ seq: _seq, ...info }) => info);
}

/** Keeps the newest `keep` backups and clears half-written files left by a crash. */
export function pruneBackups(folder: string, keep: number): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) if (name.endsWith(PARTIAL)) rmSync(path.join(folder, name), { force: true });
  for (const old of listBackups(folder).slice(Math.max(1, keep))) rmSync(path.join(folder, old.name), { force: true });
}

function startBackup(folder: string, at: Date, reason: BackupReason) {
  makePrivateDir(folder);
  const name = newBackupName(folder, at, reason);
  const tmp = path.join(folder, name + PARTIAL);
  return {
    tmp,
    finish(): BackupInfo {
      // A copy of the buyers' data: its owner's only, like the database.
      makePrivateFile(tmp);
      renameSync(tmp, path.join(folder, name));
      return {
        name,
        createdAt: parseBackupName(name)!.createdAt,
        reason,
        bytes: statSync(path.join(folder, name)).size,
      };
    },
    abort: () => rmSync(tmp, { force: true }),
  };
}

/**
 * Writes a backup through `write(tmpFile)` and gives it its final name only once complete,
 * so a crash or a full disk mid-way never leaves a file that looks like a good backup.
 */
export async function writeBackup(
  folder: string,
  at: Date,
  reason: BackupReason,
  write: (tmpFile: string) => Promise<unknown>,
): Promise<BackupInfo> {
  const backup = startBackup(folder, at, reason);
  try {
    await write(backup.tmp);
    return backup.finish();
  } catch (err) {
    backup.abort();
    throw err;
  }
}

/** The same, for the one caller that cannot wait: the backup before a migration, at start-up. */
export function writeBackupSync(
  folder: string,
  at: Date,
  reason: BackupReason,
  write: (tmpFile: string) => void,
): BackupInfo {
  const backup = startBackup(folder, at, reason);
  try {
    write(backup.tmp);
    return backup.finish();
  } catch (err) {
    backup.abort();
    throw err;
  }
}

/**
 * Checks a backup before it replaces the database: SQLite says it is intact, it is a Chumon
 * store database, and its schema is not newer than this app's. Read through ATTACH on the
 * open connection, so no second driver is needed.
 */
export function validateBackup(sqlite: BetterSqlite3.Database, file: string): void {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  try {
    sqlite.prepare('ATTACH DATABASE ? AS candidate').run(file);
  } catch {
    throw new UserError('バックアップファイルを開けません。別のバックアップを選んでください。', 'backup_invalid');
  }
  try {
    let integrity: unknown;
    let version = 0;
    let isStore = false;
    try {
      integrity = sqlite.pragma('candidate.integrity_check', { simple: true });
      version = sqlite.pragma('candidate.user_version', { simple: true }) as number;
      isStore = Boolean(
        sqlite.prepare("SELECT 1 FROM candidate.sqlite_master WHERE type = 'table' AND name = 'orders'").get(),
      );
    } catch {
      integrity = 'unreadable';
    }
    if (integrity !== 'ok') {
      throw new UserError(
        'バックアップファイルが壊れています（整合性チェックに失敗）。別のバックアップを選んでください。データは変更していません。',
        'backup_invalid',
      );
    }
    if (!isStore || version < 1) {
      throw new UserError(
        'このファイルは Chumon のデータベースではありません。別のバックアップを選んでください。',
        'backup_invalid',
      );
    }
    if (version > current) {
      throw new UserError(
        `このバックアップは新しいバージョンの Chumon で作成されています（スキーマ ${version}、このアプリは ${current} まで）。Chumon を更新してから復元してください。データは変更していません。`,
        'backup_too_new',
      );
    }
  } finally {
    sqlite.exec('DETACH DATABASE candidate');
  }
}
