import { openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { jstToday } from '../../src-shared/text/jst.js';
import { LOG_FILE, logDir } from './logger.js';

/** What the server takes in one upload (docs/console.md): 20 MB a file, 50 MB in all, 50 files. */
const UPLOAD_LIMITS = { fileBytes: 20 * 1024 * 1024, totalBytes: 50 * 1024 * 1024, files: 50 };

interface CollectedFile {
  name: string;
  bytes: Uint8Array;
}

/** The last `max` bytes of a file (a log's newest lines), or all of it when smaller. */
function tail(file: string, size: number, max: number): Uint8Array {
  const length = Math.min(size, max);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return new Uint8Array(buffer);
}

function listTree(dir: string, depth = 0): string[] {
  let entries: import('node:fs').Dirent[] = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() && depth < 4
      ? listTree(path.join(dir, e.name), depth + 1)
      : e.isFile()
        ? [path.join(dir, e.name)]
        : [],
  );
}

/**
 * The files 「ログを本部へ送信」 sends: the last `days` days of logs, crash.log and the crash
 * minidumps Electron kept (<data folder>/Crashpad), newest first within the server's limits.
 * A log larger than a file's limit is sent as its newest part; a larger minidump is left out.
 */
export function collectLogs(dataDir: string, now: Date, days = 7): { files: CollectedFile[]; skipped: number } {
  const since = new Date(Date.parse(`${jstToday(now)}T00:00:00+09:00`) - (days - 1) * 86_400_000);
  const firstDay = jstToday(since);
  const candidates: { file: string; name: string; mtime: number; size: number; log: boolean }[] = [];
  for (const file of listTree(logDir(dataDir))) {
    const name = path.basename(file);
    const day = LOG_FILE.exec(name)?.[2];
    const stat = statSync(file);
    if ((day && day >= firstDay) || (name === 'crash.log' && stat.mtime >= since))
      candidates.push({ file, name, mtime: stat.mtimeMs, size: stat.size, log: true });
  }
  for (const file of listTree(path.join(dataDir, 'Crashpad'))) {
    const stat = statSync(file);
    if (file.endsWith('.dmp') && stat.mtime >= since)
      candidates.push({ file, name: path.basename(file), mtime: stat.mtimeMs, size: stat.size, log: false });
  }
  candidates.sort((a, b) => b.mtime - a.mtime);
  const files: CollectedFile[] = [];
  let total = 0;
  let skipped = 0;
  for (const c of candidates) {
    const size = c.log ? Math.min(c.size, UPLOAD_LIMITS.fileBytes) : c.size;
    if (
      size > UPLOAD_LIMITS.fileBytes ||
      total + size > UPLOAD_LIMITS.totalBytes ||
      files.length >= UPLOAD_LIMITS.files
    ) {
      skipped++;
      continue;
    }
    files.push({ name: c.name, bytes: tail(c.file, c.size, UPLOAD_LIMITS.fileBytes) });
    total += size;
  }
  return { files, skipped };
}
