import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import os from 'node:os';
import type { PcReport } from '../../src-shared/console/fleet.js';
import type { AppContext } from '../core/app-context.js';
import { backupFolder, listBackups } from '../backup/files.js';
import type { LocalSyncState } from './pull-state.js';

const fileBytes = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * What this PC tells head office about itself after a sync round (the console's 端末 page):
 * versions, OS, database size, orders, queued changes, last backup, printer. No personal data.
 */
export function selfReport(
  ctx: Pick<AppContext, 'database' | 'version' | 'settings'>,
  local: LocalSyncState,
  lastSyncAt: string | null,
): PcReport {
  const file = ctx.database.file;
  const orders = ctx.database.sqlite
    .prepare("SELECT coalesce(sum(n), 0) FROM tab_counts WHERE tab NOT IN ('mail_unsent', 'reminder')")
    .pluck()
    .get() as number;
  return {
    appVersion: ctx.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    dbBytes: fileBytes(file) + fileBytes(`${file}-wal`),
    orders,
    pendingOps: local.pendingCount(),
    cursor: local.cursor(),
    lastSyncAt,
    lastBackupAt: listBackups(backupFolder(file))[0]?.createdAt ?? null,
    printer: ctx.settings.get('printer'),
  };
}

/** The report without its moving parts, to tell whether it is worth sending again. */
export function reportKey(report: PcReport): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...report, lastSyncAt: null }))
    .digest('hex');
}
