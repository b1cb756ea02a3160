import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { App } from '../../../src-main/app/bootstrap.js';
import { backupFolder, listBackups } from '../../../src-main/backup/files.js';
import { insertOrders } from '../../helpers/orders.js';
import { bootAsShipped, createTestApp, type TestApp } from '../../helpers/test-app.js';

/** What the background timers leave behind: purged Amazon orders and daily backups. */
function traces(app: App): { purged: number; dailyBackups: number } {
  const { sqlite, file } = app.ctx.database;
  const purged = sqlite.prepare('SELECT count(*) FROM orders WHERE pii_purged_at IS NOT NULL').pluck().get() as number;
  return { purged, dailyBackups: listBackups(backupFolder(file)).filter((b) => b.reason === 'daily').length };
}

const dueForPurge = {
  order: { channel: 'amazon' as const },
  initial: { status: 'shipped' as const, shippedAt: '2026-09-01T00:00:00.000Z' },
};

/** Runs the timers due in the next ten minutes (the purge after 3 s, the first backup check after 1 min). */
const tenMinutesPass = () => vi.advanceTimersByTimeAsync(600_000);

let dir: string;
const closers: (() => void)[] = [];
beforeEach(() => {
  // Only the timers: the purge's setImmediate steps and the backup's own work run for real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-boot-'));
});
afterEach(() => {
  for (const close of closers.splice(0)) close();
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

it('the real boot (Electron, browser mode: no option given) starts the S3 purge and the daily backup', async () => {
  const app = bootAsShipped(dir);
  closers.push(() => app.close());
  insertOrders(app.ctx.database.sqlite, [dueForPurge]);
  expect(traces(app)).toEqual({ purged: 0, dailyBackups: 0 });
  expect(vi.getTimerCount()).toBeGreaterThan(0);
  await tenMinutesPass();
  await vi.waitFor(() => expect(traces(app)).toEqual({ purged: 1, dailyBackups: 1 }), { timeout: 10_000 });
});

it('a test app starts no background timer unless it asks for them', async () => {
  const quiet: TestApp = createTestApp({ dir: path.join(dir, 'quiet') });
  closers.push(() => quiet.close());
  insertOrders(quiet.app.ctx.database.sqlite, [dueForPurge]);
  expect(vi.getTimerCount()).toBe(0);
  await tenMinutesPass();
  expect(traces(quiet.app)).toEqual({ purged: 0, dailyBackups: 0 });

  const asked: TestApp = createTestApp({ dir: path.join(dir, 'asked'), backgroundTimers: true });
  closers.push(() => asked.close());
  insertOrders(asked.app.ctx.database.sqlite, [dueForPurge]);
  await tenMinutesPass();
  await vi.waitFor(() => expect(traces(asked.app)).toEqual({ purged: 1, dailyBackups: 1 }), { timeout: 10_000 });
});
