import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';
import type BetterSqlite3 from 'better-sqlite3';
import { bootApp } from '../../src-main/app/bootstrap.js';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import { seedDemo } from '../../src-main/demo/seed.js';
import { purgeLocalPii } from '../../src-main/privacy/purge.js';
import { createConfSettings } from '../../src-main/settings/conf-settings.js';
import type { AppSettings } from '../../src-main/settings/settings.js';
import { programArgs } from './processes.js';

const require = createRequire(import.meta.url);

export interface Chumon {
  url: string;
  dataDir: string;
  /** A read-only look at the store database, to check what the UI did. */
  query<T>(sql: string, ...params: unknown[]): T[];
}

export interface ChumonOptions {
  /** Demo orders seeded before browser mode starts. */
  seedOrders: number;
  /** Instead of seeding: a data folder whose database is copied in (the bench's 1M database). */
  copyFrom: string | undefined;
  /** Settings written before browser mode starts (as a PC set up earlier would have them). */
  presetSettings: Partial<AppSettings>;
  /**
   * The seeded store's personal-data purge (S3) already done, as on a PC that ran it
   * yesterday: browser mode then finds nothing to purge as it starts, and sends no change
   * event of its own while a test counts them.
   */
  purgedBeforeStart: boolean;
}

/**
 * Starts browser mode as its own process, as `npm run start:web` does, from the bundle the
 * global set-up built (scripts/build-browser-mode.mjs).
 */
async function startBrowserMode(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...programArgs('src-main/web/cli.ts'), '--port', '0'], {
    cwd: SOURCE_ROOT,
    env: { ...process.env, CHUMON_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}`)));
    lines.once('line', (line) => {
      const match = /^Chumon listening on (\S+)$/.exec(line);
      if (match) resolve(match[1]!);
      else reject(new Error(`unexpected first line: ${line}`));
    });
  });
  return { child, url };
}

export const test = base.extend<{ chumon: Chumon } & ChumonOptions>({
  seedOrders: [300, { option: true }],
  copyFrom: [undefined, { option: true }],
  presetSettings: [{}, { option: true }],
  purgedBeforeStart: [false, { option: true }],
  chumon: async ({ seedOrders, copyFrom, presetSettings, purgedBeforeStart }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chumon-e2e-'));
    if (copyFrom) copyFileSync(path.join(copyFrom, 'chumon.sqlite'), path.join(dataDir, 'chumon.sqlite'));
    const settings = createConfSettings(dataDir);
    settings.set('operator', 'E2E担当');
    for (const [key, value] of Object.entries(presetSettings)) settings.set(key as keyof AppSettings, value as never);
    const seeded = bootApp({
      dataDir,
      migrationsFolder: path.join(SOURCE_ROOT, 'drizzle'),
      settings,
      mode: 'browser',
      version: 'e2e',
      backgroundTimers: false,
    });
    if (seedOrders > 0 && !copyFrom) seedDemo(seeded.ctx.database.sqlite, { orders: seedOrders, now: new Date() });
    if (purgedBeforeStart) purgeLocalPii(seeded.ctx.database.sqlite, new Date(), seeded.ctx.actor(), []);
    seeded.close();
    const { child, url } = await startBrowserMode(dataDir);
    const Driver = require('better-sqlite3') as typeof BetterSqlite3;
    const db = new Driver(path.join(dataDir, 'chumon.sqlite'), { readonly: true });
    await use({ url, dataDir, query: (sql, ...params) => db.prepare(sql).all(...params) as never });
    db.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** The count a tab shows in its accessible name ("新規 1,234件" → 1234), once loaded. */
export async function tabCount(page: Page, label: string): Promise<number> {
  const tab = page.getByRole('tab', { name: new RegExp(`^${label}\\s`) });
  // Counts arrive after the first paint ("…件" until then).
  await expect(tab).toHaveText(/[\d,]+件/);
  const text = (await tab.textContent()) ?? '';
  const match = /([\d,]+)件/.exec(text);
  if (!match) throw new Error(`no count in tab ${label}: ${text}`);
  return Number(match[1]!.replace(/,/g, ''));
}

export { expect };
