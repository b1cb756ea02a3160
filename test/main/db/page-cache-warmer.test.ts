import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { warmDatabaseFile } from '../../../src-main/db/page-cache-warmer.js';
import { logDir } from '../../../src-main/logs/logger.js';
import { residentBytes } from '../../bench/cache-state.js';
import { bootAsShipped } from '../../helpers/test-app.js';

const SIZE = 24 << 20;
let dir: string;
let file: string;

/** A file written to disk and dropped from the page cache (posix_fadvise DONTNEED via GNU dd). */
function coldFile(): string {
  const target = path.join(dir, 'cold.sqlite');
  writeFileSync(target, randomBytes(SIZE));
  execFileSync('dd', [`of=${target}`, 'oflag=nocache', 'conv=notrunc,fdatasync', 'count=0'], { stdio: 'ignore' });
  return target;
}

const resident = () => residentBytes(file) ?? Number.NaN;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-warm-'));
  file = coldFile();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('reads a cold database file into the page cache, front to back', async () => {
  expect(resident()).toBeLessThan(SIZE / 4);
  const result = await warmDatabaseFile(file, { delayMs: 0, chunkBytes: 1 << 20 }).done;
  expect(result).toMatchObject({ bytes: SIZE });
  expect(result.skipped).toBeUndefined();
  expect(resident()).toBeGreaterThan(SIZE * 0.95);
});

it('reads the WAL beside the database too', async () => {
  writeFileSync(`${file}-wal`, randomBytes(1 << 20));
  expect((await warmDatabaseFile(file, { delayMs: 0 }).done).bytes).toBe(SIZE + (1 << 20));
});

it('leaves the file alone when it would take more than half of the free memory', async () => {
  const result = await warmDatabaseFile(file, { delayMs: 0, freeMemory: () => SIZE * 1.5 }).done;
  expect(result).toMatchObject({ bytes: 0, skipped: 'too_large' });
  expect(resident()).toBeLessThan(SIZE / 4);
});

it('stopped (the app closing) before or while it reads, it reads no further', async () => {
  const early = warmDatabaseFile(file, { delayMs: 60_000 });
  early.stop();
  expect(await early.done).toMatchObject({ bytes: 0, skipped: 'stopped' });

  // 6,144 reads of 4 KiB, each a round trip through libuv's pool: far more than 5 ms.
  const midway = warmDatabaseFile(file, { delayMs: 0, chunkBytes: 4 << 10 });
  await new Promise((resolve) => setTimeout(resolve, 5));
  midway.stop();
  const result = await midway.done;
  expect(result.skipped).toBe('stopped');
  expect(result.bytes).toBeLessThan(SIZE);
});

it('a missing file is not an error', async () => {
  expect(await warmDatabaseFile(path.join(dir, 'none.sqlite'), { delayMs: 0 }).done).toMatchObject({
    bytes: 0,
    skipped: 'missing',
  });
});

it('the real boot reads its database through after start-up and logs it', async () => {
  const dataDir = path.join(dir, 'app');
  const app = bootAsShipped(dataDir);
  try {
    const logText = () =>
      readdirSync(logDir(dataDir))
        .map((name) => readFileSync(path.join(logDir(dataDir), name), 'utf8'))
        .join('');
    await vi.waitFor(() => expect(logText()).toMatch(/データベースを先読みしました（\d+ MB、[\d.]+ 秒）/), {
      timeout: 10_000,
    });
  } finally {
    app.close();
  }
});
