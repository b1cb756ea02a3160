import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { bootApp } from '../../src-main/app/bootstrap.js';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import { createConfSettings } from '../../src-main/settings/conf-settings.js';
import { expect, test } from './fixtures.js';
import { freePort, startProcess, stop, type Proc } from './processes.js';

export const fixture = (name: string) => path.join(SOURCE_ROOT, 'test', 'fixtures', name);

export const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

/**
 * The central server and a 東京店 store PC (browser mode) as their own processes, with a page
 * for the console and one on the PC, as head office and a clerk would have them.
 */
export interface ConsoleRun {
  root: string;
  server: Proc & { match: RegExpExecArray };
  serverUrl: string;
  /** The first account's (ID admin) password, printed at the server's first start. */
  password: string;
  pc: Proc & { match: RegExpExecArray };
  pcPage: Page;
  consolePage: Page;
  signIn(page: Page, login: string, secret: string): Promise<void>;
  /** An admin API call as a script would make it (the token printed at the server's first start). */
  adminCall<T>(method: string, url: string, body?: unknown): Promise<T>;
  /** The clerk pastes the setup string into 設定 → 同期, and the PC connects and pulls. */
  connectPc(setup: string): Promise<void>;
}

async function startPc(root: string, browser: Browser): Promise<Pick<ConsoleRun, 'pc' | 'pcPage'>> {
  const dir = path.join(root, 'tokyo-pc');
  const settings = createConfSettings(dir);
  settings.set('operator', '東京担当');
  settings.set('pcId', 'TOKYO-PC');
  bootApp({
    dataDir: dir,
    migrationsFolder: path.join(SOURCE_ROOT, 'drizzle'),
    settings,
    mode: 'browser',
    version: '0.1.0',
    backgroundTimers: false,
  }).close();
  const pc = await startProcess(
    'src-main/web/cli.ts',
    ['--port', '0'],
    { CHUMON_DATA_DIR: dir },
    /^Chumon listening on (\S+)$/,
  );
  const pcPage = await browser.newPage();
  await pcPage.goto(pc.match[1]!);
  return { pc, pcPage };
}

async function startConsoleRun(browser: Browser): Promise<ConsoleRun> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'chumon-console-'));
  const server = await startProcess(
    'src-server/cli.ts',
    ['--port', String(await freePort())],
    { CHUMON_SERVER_DATA_DIR: path.join(root, 'server') },
    /^Chumon server listening on (\S+)$/,
  );
  const serverUrl = server.match[1]!;
  await expect.poll(() => server.lines.some((l) => l.includes('最初のアカウント'))).toBe(true);
  const password = /ID admin \/ パスワード (\S+)/.exec(server.lines.join('\n'))![1]!;
  const consolePage = await browser.newPage();
  const { pc, pcPage } = await startPc(root, browser);
  return {
    root,
    server,
    serverUrl,
    password,
    pc,
    pcPage,
    consolePage,
    async signIn(page, login, secret) {
      await page.goto(`${serverUrl}/console`);
      const form = page.getByRole('form', { name: 'サインイン' });
      await form.getByLabel('ID').fill(login);
      await form.getByLabel('パスワード').fill(secret);
      await form.getByRole('button', { name: 'サインイン' }).click();
      await expect(page.getByRole('heading', { name: '本部コンソール' })).toBeVisible();
    },
    async adminCall<T>(method: string, url: string, body?: unknown): Promise<T> {
      const token = /管理者トークン（[^）]*）: (\S+)/.exec(server.lines.join('\n'))![1]!;
      const r = await fetch(`${serverUrl}${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(r.status, `${method} ${url}`).toBe(200);
      return (await r.json()) as T;
    },
    async connectPc(setup) {
      await pcPage.getByRole('button', { name: '設定', exact: true }).click();
      await pcPage.getByRole('tab', { name: '同期' }).click();
      const panel = pcPage.getByRole('tabpanel', { name: '同期' });
      await panel.getByLabel('中央サーバーのアドレス').fill(setup);
      await expect(panel.getByLabel('中央サーバーのアドレス')).toHaveValue(serverUrl);
      await panel.getByRole('button', { name: '接続を確認して保存' }).click();
      await expect(pcPage.getByRole('status').filter({ hasText: '中央サーバーに接続しました' })).toContainText(
        '東京店',
      );
      await pcPage.getByRole('dialog', { name: '設定' }).getByRole('button', { name: '閉じる' }).click();
      await pcPage.keyboard.press('F6');
      await expect(pcPage.getByRole('status').filter({ hasText: /最新取得：/ })).toBeVisible();
    },
  };
}

async function stopConsoleRun(run: ConsoleRun | undefined): Promise<void> {
  if (!run) return;
  await run.pcPage.close();
  await run.consolePage.close();
  await stop(run.pc);
  await stop(run.server);
  rmSync(run.root, { recursive: true, force: true, maxRetries: 5 });
}

/**
 * The spec file's tests run in order on one ConsoleRun, started before the first (then
 * `prepare` run on it) and stopped after the last. Its fields are there from the first hook on.
 */
export function useConsoleRun(prepare: (run: ConsoleRun) => Promise<void> = async () => undefined): ConsoleRun {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  const env = {} as ConsoleRun;
  let started: ConsoleRun | undefined;
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    started = await startConsoleRun(browser);
    Object.assign(env, started);
    await prepare(env);
  });
  test.afterAll(async () => {
    await stopConsoleRun(started);
  });
  return env;
}
