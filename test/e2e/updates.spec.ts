import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bootApp } from '../../src-main/app/bootstrap.js';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import { createConfSettings } from '../../src-main/settings/conf-settings.js';
import { createFileKeyCipher } from '../../src-main/settings/secret-cipher.js';
import { fakeBuild } from '../helpers/releases.js';
import { expect, test } from './fixtures.js';
import { freePort, startProcess, stop, type Proc } from './processes.js';

/**
 * Head office uploads a version in 更新 and rolls it out to one store; that store's PC (browser
 * mode) shows the notice and sends its logs from 設定; head office reads them in ログ.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let root: string;
let server: Proc & { match: RegExpExecArray };
let serverUrl: string;
let pc: Proc & { match: RegExpExecArray };
let consolePage: Page;
let pcPage: Page;

async function admin<T>(token: string, route: string, body: unknown): Promise<T> {
  const r = await fetch(`${serverUrl}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as T;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  root = mkdtempSync(path.join(os.tmpdir(), 'chumon-updates-'));
  server = await startProcess(
    'src-server/cli.ts',
    ['--port', String(await freePort())],
    { CHUMON_SERVER_DATA_DIR: path.join(root, 'server') },
    /^Chumon server listening on (\S+)$/,
  );
  serverUrl = server.match[1]!;
  await expect.poll(() => server.lines.some((l) => l.includes('最初のアカウント'))).toBe(true);
  const text = server.lines.join('\n');
  const password = /ID admin \/ パスワード (\S+)/.exec(text)![1]!;
  const adminToken = /管理者トークン[^:：]*[:：]\s*(chm_\S+)/.exec(text)![1]!;
  await admin(adminToken, '/admin/stores', { id: 'tokyo', name: '東京店' });
  await admin(adminToken, '/admin/stores', { id: 'osaka', name: '大阪店' });
  const { token } = await admin<{ token: string }>(adminToken, '/admin/clients', {
    kind: 'pc',
    name: '東京PC',
    storeId: 'tokyo',
  });

  // The store PC in browser mode, already connected to the server (設定 → 同期 done).
  const dir = path.join(root, 'tokyo-pc');
  const settings = createConfSettings(dir);
  settings.set('operator', '東京担当');
  settings.set('serverUrl', serverUrl);
  settings.set('storeToken', await createFileKeyCipher(dir).encrypt(token));
  bootApp({
    dataDir: dir,
    migrationsFolder: path.join(SOURCE_ROOT, 'drizzle'),
    settings,
    mode: 'browser',
    version: '0.1.0',
    backgroundTimers: false,
  }).close();
  pc = await startProcess(
    'src-main/web/cli.ts',
    ['--port', '0'],
    { CHUMON_DATA_DIR: dir },
    /^Chumon listening on (\S+)$/,
  );
  pcPage = await browser.newPage();
  await pcPage.goto(pc.match[1]!);

  consolePage = await browser.newPage();
  await consolePage.goto(`${serverUrl}/console`);
  const form = consolePage.getByRole('form', { name: 'サインイン' });
  await form.getByLabel('ID').fill('admin');
  await form.getByLabel('パスワード').fill(password);
  await form.getByRole('button', { name: 'サインイン' }).click();
  await expect(consolePage.getByRole('heading', { name: '本部コンソール' })).toBeVisible();
});

test.afterAll(async () => {
  await stop(pc);
  await stop(server);
  rmSync(root, { recursive: true, force: true });
});

test('管理者 uploads a version, it is held back, then rolled out to 東京店 whose PC shows the notice', async () => {
  const page = consolePage;
  await page.getByRole('tab', { name: '更新', exact: true }).click();
  const build = fakeBuild('0.2.0', 200_000);
  const upload = page.getByRole('form', { name: '更新のアップロード' });
  await upload
    .getByLabel('latest.yml')
    .setInputFiles({ name: 'latest.yml', mimeType: 'text/yaml', buffer: Buffer.from(build.yml) });
  await upload.getByLabel('インストーラー').setInputFiles({
    name: 'Chumon Setup 0.2.0.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(build.installer),
  });
  await upload.getByRole('button', { name: 'アップロード' }).click();
  await expect(page.getByRole('status')).toHaveText('バージョン 0.2.0 を登録しました（保留）。');
  const releases = page.getByRole('table', { name: '登録済みの版' });
  await expect(releases).toContainText('Chumon-Setup-0.2.0.exe');

  // Held back: the PC hears nothing.
  await pcPage.reload();
  await expect(pcPage.getByRole('status', { name: '同期の状態' })).toBeVisible();
  await expect(pcPage.getByRole('status', { name: '更新のお知らせ' })).toHaveCount(0);

  const rollout = releases.getByLabel('配布先 0.2.0');
  await rollout.getByLabel('配布').selectOption({ label: '店舗ごと' });
  await rollout.getByLabel('東京店').check();
  await rollout.getByRole('button', { name: '配布先を保存' }).click();
  await expect(releases.getByLabel('配布先 0.2.0').getByLabel('東京店')).toBeChecked();

  await pcPage.reload();
  await expect(pcPage.getByRole('status', { name: '更新のお知らせ' })).toHaveText(
    '新しいバージョン 0.2.0 が配布されています（設定 → 更新・ログ）',
  );
  await pcPage.getByRole('button', { name: '設定', exact: true }).click();
  const dialog = pcPage.getByRole('dialog', { name: '設定' });
  await dialog.getByRole('tab', { name: '更新・ログ' }).click();
  await expect(dialog.getByLabel('更新の状態')).toContainText('新しいバージョン 0.2.0 が配布されています。');
  await expect(dialog).toContainText('ブラウザ版は自動では更新されません');
});

test('the PC sends its logs from 設定; head office reads them in ログ', async () => {
  const dialog = pcPage.getByRole('dialog', { name: '設定' });
  await dialog.getByLabel('本部へのメモ（任意）').fill('印刷が遅いです');
  await dialog.getByRole('button', { name: 'ログを本部へ送信' }).click();
  await expect(dialog.getByRole('status')).toContainText('を本部へ送信しました');

  const page = consolePage;
  await page.getByRole('tab', { name: 'ログ', exact: true }).click();
  const logs = page.getByRole('table', { name: '送られたログ' });
  await expect(logs).toContainText('印刷が遅いです');
  await expect(logs).toContainText('東京店');
  await page.getByLabel('ログの PC').selectOption({ label: '東京店 / 東京PC' });
  await expect(logs).toContainText('東京PC');
  await logs
    .getByRole('button', { name: /^chumon-\d{4}-\d{2}-\d{2}\.log/ })
    .first()
    .click();
  const shown = page.getByRole('dialog', { name: /^ログ chumon-/ });
  await expect(shown.getByLabel('ログの内容')).toContainText('Chumon 0.1.0 (browser) を起動しました');
  await shown.getByRole('button', { name: '閉じる' }).first().click();
  const audit = page.getByRole('table', { name: '操作履歴' });
  for (const action of ['更新のアップロード', '更新の配布先の変更', 'ログの受信'])
    await expect(audit.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
});
