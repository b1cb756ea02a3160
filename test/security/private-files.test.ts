import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { backupFolder, listBackups } from '../../src-main/backup/files.js';
import { openServerDatabase } from '../../src-server/db/open.js';
import { bootAsShipped } from '../helpers/test-app.js';

const mode = (file: string) => statSync(file).mode & 0o777;

/** Every file and folder under `dir` whose mode lets someone other than its owner in. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (mode(full) & 0o077) found.push(`${path.relative(dir, full)} ${mode(full).toString(8)}`);
      if (entry.isDirectory()) walk(full);
    }
  };
  if (mode(dir) & 0o077) found.push(`. ${mode(dir).toString(8)}`);
  walk(dir);
  return found;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-private-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it.skipIf(process.platform === 'win32')(
  "a store PC's data folder (database, settings with sealed secrets, backups) is its owner's only, also when an older version left it open",
  async () => {
    const dataDir = path.join(dir, 'data');
    mkdirSync(dataDir, { recursive: true, mode: 0o777 });
    chmodSync(dataDir, 0o777);
    writeFileSync(path.join(dataDir, 'left-by-an-older-version.csv'), 'x', { mode: 0o666 });
    chmodSync(path.join(dataDir, 'left-by-an-older-version.csv'), 0o666);
    const app = bootAsShipped(dataDir);
    try {
      app.ctx.settings.set('operator', '山田');
      await app.ctx.services.backup.create('manual');
      expect(listBackups(backupFolder(app.ctx.database.file))).toHaveLength(1);
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      app.close();
    }
  },
);

it.skipIf(process.platform === 'win32')(
  "the central server's PGlite folder (token hashes, buyers' data) is its owner's only, though PGlite writes 0666",
  async () => {
    const dataDir = path.join(dir, 'server');
    const server = await openServerDatabase({ dataDir });
    try {
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await server.close();
    }
  },
  // PGlite's first start (initdb and every migration) takes tens of seconds on a loaded machine.
  120_000,
);
