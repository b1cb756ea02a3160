import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { bootApp } from '../../src-main/app/bootstrap.js';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import { createConfSettings } from '../../src-main/settings/conf-settings.js';
import { readSetupString } from '../../src-shared/sync/setup-string.js';
import { RakutenFake } from '../fakes/rakuten-fake.js';
import { stockIntakeBody } from '../helpers/stock.js';
import { expect, tabCount, test } from './fixtures.js';
import { freePort, startProcess, stop, type Proc } from './processes.js';

/**
 * Head office in its browser: the central server and a store PC (browser mode) run as their
 * own processes; the console is driven as head office would, the PC as a clerk would.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const fixture = (name: string) => path.join(SOURCE_ROOT, 'test', 'fixtures', name);

let root: string;
let server: Proc & { match: RegExpExecArray };
let serverUrl: string;
let password: string;
let pc: Proc & { match: RegExpExecArray };
let pcPage: Page;
let consolePage: Page;
let setup: string;

async function signIn(page: Page, login: string, secret: string): Promise<void> {
  await page.goto(`${serverUrl}/console`);
  const form = page.getByRole('form', { name: 'サインイン' });
  await form.getByLabel('ID').fill(login);
  await form.getByLabel('パスワード').fill(secret);
  await form.getByRole('button', { name: 'サインイン' }).click();
  await expect(page.getByRole('heading', { name: '本部コンソール' })).toBeVisible();
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

async function startPc(browser: Browser): Promise<void> {
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
  pc = await startProcess(
    'src-main/web/cli.ts',
    ['--port', '0'],
    { CHUMON_DATA_DIR: dir },
    /^Chumon listening on (\S+)$/,
  );
  pcPage = await browser.newPage();
  await pcPage.goto(pc.match[1]!);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  root = mkdtempSync(path.join(os.tmpdir(), 'chumon-console-'));
  server = await startProcess(
    'src-server/cli.ts',
    ['--port', String(await freePort())],
    { CHUMON_SERVER_DATA_DIR: path.join(root, 'server') },
    /^Chumon server listening on (\S+)$/,
  );
  serverUrl = server.match[1]!;
  await expect.poll(() => server.lines.some((l) => l.includes('最初のアカウント'))).toBe(true);
  password = /ID admin \/ パスワード (\S+)/.exec(server.lines.join('\n'))![1]!;
  consolePage = await browser.newPage();
  await startPc(browser);
});

test.afterAll(async () => {
  await pcPage?.close();
  await consolePage?.close();
  await stop(pc);
  await stop(server);
  rmSync(root, { recursive: true, force: true, maxRetries: 5 });
});

test('管理者 signs in with the first account, adds a store and a 閲覧 account', async () => {
  const page = consolePage;
  await page.goto(`${serverUrl}/console`);
  const form = page.getByRole('form', { name: 'サインイン' });
  await form.getByLabel('ID').fill('admin');
  await form.getByLabel('パスワード').fill('wrong-password');
  await form.getByRole('button', { name: 'サインイン' }).click();
  await expect(form.getByRole('alert')).toHaveText('ID またはパスワードが違います。');
  await signIn(page, 'admin', password);

  await tab(page, '店舗');
  const storeForm = page.getByRole('form', { name: '店舗の登録・変更' });
  await storeForm.getByLabel('店舗ID').fill('tokyo');
  await storeForm.getByLabel('店舗名').fill('東京店');
  await storeForm.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('table', { name: '店舗' })).toContainText('東京店');

  await tab(page, 'アカウント');
  const accountForm = page.getByRole('form', { name: 'アカウント追加' });
  await accountForm.getByLabel('ID').fill('etsuran');
  await accountForm.getByLabel('表示名').fill('閲覧者');
  await accountForm.getByLabel('権限').selectOption({ label: '閲覧' });
  await accountForm.getByLabel('初期パスワード（10文字以上）').fill('etsuran-pass-1');
  await accountForm.getByRole('button', { name: '追加' }).click();
  await expect(page.getByRole('table', { name: 'アカウント' })).toContainText('etsuran');
});

test('a PC token is issued once with its setup string and QR code, and a real PC connects with it', async () => {
  const page = consolePage;
  await tab(page, '端末');
  const issue = page.getByRole('form', { name: 'トークン発行' });
  await issue.getByLabel('端末名').fill('東京店 出荷PC');
  await issue.getByLabel(/^店舗/).selectOption({ label: '東京店' });
  await issue.getByRole('button', { name: 'トークン発行' }).click();
  const dialog = page.getByRole('dialog', { name: 'トークンを発行しました' });
  setup = (await dialog.getByLabel('設定文字列', { exact: true }).textContent())!.trim();
  expect(readSetupString(setup)?.serverUrl).toBe(serverUrl);
  // The QR code carries the same string (read back by zbarimg, as a 2D scanner would).
  const qr = path.join(root, 'qr.png');
  await dialog.getByRole('img', { name: '設定文字列の QR コード' }).screenshot({ path: qr });
  expect(execFileSync('zbarimg', ['-q', '--raw', qr], { encoding: 'utf8' }).trim()).toBe(setup);
  await dialog.getByRole('button', { name: '閉じる' }).first().click();

  // The clerk pastes the setup string into 設定 → 同期.
  await pcPage.getByRole('button', { name: '設定', exact: true }).click();
  await pcPage.getByRole('tab', { name: '同期' }).click();
  const panel = pcPage.getByRole('tabpanel', { name: '同期' });
  await panel.getByLabel('中央サーバーのアドレス').fill(setup);
  await expect(panel.getByLabel('中央サーバーのアドレス')).toHaveValue(serverUrl);
  await panel.getByRole('button', { name: '接続を確認して保存' }).click();
  await expect(pcPage.getByRole('status').filter({ hasText: '中央サーバーに接続しました' })).toContainText('東京店');
  await pcPage.getByRole('dialog', { name: '設定' }).getByRole('button', { name: '閉じる' }).click();
  await pcPage.keyboard.press('F6');
  await expect(pcPage.getByRole('status').filter({ hasText: /最新取得：/ })).toBeVisible();

  // Head office sees the PC's version and sync state.
  await expect
    .poll(async () => {
      await tab(page, '店舗');
      await tab(page, '端末');
      return page
        .getByRole('table', { name: '端末' })
        .getByRole('row', { name: /東京店 出荷PC/ })
        .textContent();
    })
    .toMatch(/オンライン.*0\.1\.0.*0件.*最新/);
});

test('a Yahoo!オークション file uploaded in 取込 reaches the PC', async () => {
  const page = consolePage;
  await tab(page, '取込');
  const form = page.getByRole('form', { name: 'ファイル取込' });
  await form.getByLabel('注文ファイル（注文＋商品の2つまで）').setInputFiles(fixture('yahoo-combined-sjis.csv'));
  await form.getByLabel('出荷店舗').selectOption({ label: '東京店' });
  await form.getByRole('button', { name: '内容を確認' }).click();
  const preview = page.getByRole('region', { name: '取込の確認' });
  await expect(preview.getByRole('status', { name: '取込の内容' })).toHaveText(
    '新規 5件・更新 0件・変更なし 0件・エラー 2件',
  );
  await expect(preview.getByRole('table', { name: 'エラーの行' })).toContainText('物々交換');
  await preview.getByRole('button', { name: '取込' }).click();
  await expect(page.getByRole('status').filter({ hasText: '取込が完了しました' })).toContainText('新規 5件');

  await pcPage.keyboard.press('F6');
  await expect.poll(() => tabCount(pcPage, '新規'), { timeout: 15_000 }).toBe(5);

  await tab(page, '受注一覧');
  const search = page.getByRole('form', { name: '注文検索' });
  await search.getByLabel('注文番号・購入者（名前・カナ・メール・電話）').fill('yahoo-store-0001');
  await search.getByRole('button', { name: '検索' }).click();
  await page.getByRole('table', { name: '受注一覧' }).getByRole('button', { name: 'yahoo-store-0001' }).click();
  const order = page.getByRole('dialog', { name: '注文 yahoo-store-0001' });
  await expect(order).toContainText('東京店');
  await expect(order.getByRole('table', { name: '履歴' })).toContainText('本部コンソール取込');
  await order.getByRole('button', { name: '閉じる' }).first().click();
});

test('a log uploaded by the PC is read in ログ, and every console action is in the audit log', async () => {
  const { token } = readSetupString(setup)!;
  const form = new FormData();
  form.append('file', new Blob(['2026-11-27 10:00:00 INFO 同期を開始しました\n']), '../../etc/chumon.log');
  form.append('note', 'プリンタが止まります');
  const upload = await fetch(`${serverUrl}/sync/logs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(upload.status).toBe(200);
  const page = consolePage;
  await tab(page, 'ログ');
  const logs = page.getByRole('table', { name: '送られたログ' });
  await expect(logs).toContainText('プリンタが止まります');
  await logs.getByRole('button', { name: /^chumon\.log/ }).click();
  await expect(page.getByRole('dialog', { name: 'ログ chumon.log' }).getByLabel('ログの内容')).toContainText(
    '同期を開始しました',
  );
  await page.getByRole('dialog', { name: 'ログ chumon.log' }).getByRole('button', { name: '閉じる' }).first().click();
  const audit = page.getByRole('table', { name: '操作履歴' });
  for (const action of ['サインイン', '店舗の登録・変更', 'アカウント追加', 'トークン発行', 'ファイル取込'])
    await expect(audit.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
});

test('閲覧 reads every page but is offered no change', async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, 'etsuran', 'etsuran-pass-1');
  await expect(page.getByText('閲覧者（etsuran・閲覧）')).toBeVisible();
  await expect(page.getByRole('table', { name: '店舗' })).toContainText('東京店');
  await expect(page.getByRole('form', { name: '店舗の登録・変更' })).toHaveCount(0);
  await tab(page, '端末');
  await expect(page.getByRole('table', { name: '端末' })).toContainText('東京店 出荷PC');
  await expect(page.getByRole('button', { name: '無効化' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'トークン発行' })).toHaveCount(0);
  await tab(page, '取込');
  await expect(page.getByText('ファイルの取込は管理者のアカウントで行います。')).toBeVisible();
  await page.close();
});

test('staff registered in 店舗 reach the PC: the clerk picks themselves with a PIN, only a 管理者 saves 設定', async () => {
  const page = consolePage;
  await tab(page, '店舗');
  await page
    .getByRole('table', { name: '店舗' })
    .getByRole('row', { name: /東京店/ })
    .getByRole('button', { name: 'スタッフ' })
    .click();
  const form = page.getByRole('form', { name: 'スタッフの登録・変更' });
  await form.getByLabel('名前').fill('山田 店長');
  await form.getByLabel('PIN（4〜8桁・任意）').fill('2468');
  await form.getByLabel('管理者').check();
  await form.getByRole('button', { name: 'スタッフを追加' }).click();
  await expect(page.getByRole('table', { name: 'スタッフ' })).toContainText('山田 店長');
  await form.getByLabel('名前').fill('佐藤');
  await form.getByRole('button', { name: 'スタッフを追加' }).click();
  const staff = page.getByRole('table', { name: 'スタッフ' });
  await expect(staff.getByRole('row', { name: /山田 店長/ })).toContainText(/管理者.*あり.*在籍/);
  await expect(staff.getByRole('row', { name: /佐藤/ })).toContainText(/担当者.*なし.*在籍/);

  await pcPage.keyboard.press('F6');
  await expect(pcPage.getByRole('status').filter({ hasText: /最新取得：/ })).toBeVisible();
  const pick = async (name: string, pin?: string) => {
    await pcPage.getByRole('button', { name: '担当者切替' }).click();
    const dialog = pcPage.getByRole('dialog', { name: '担当者切替' });
    await dialog.getByRole('radio', { name: name }).check();
    if (pin !== undefined) await dialog.getByLabel('PIN').fill(pin);
    await dialog.getByRole('button', { name: 'この担当者にする' }).click();
    return dialog;
  };
  const wrong = await pick('山田 店長（管理者）', '1111');
  await expect(wrong.getByRole('alert')).toHaveText('PIN が正しくありません。');
  await wrong.getByRole('button', { name: '閉じる' }).click();
  await pick('佐藤');
  await expect(pcPage.getByText('担当: 佐藤')).toBeVisible();

  await pcPage.getByRole('button', { name: '設定', exact: true }).click();
  const settings = pcPage.getByRole('tabpanel', { name: '基本' });
  await settings.getByLabel('PC名').fill('東京PC-2');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings.getByRole('alert')).toContainText('設定の変更は管理者のスタッフだけが行えます');
  await pcPage.getByRole('dialog', { name: '設定' }).getByRole('button', { name: '閉じる' }).click();
  // The refused change is still in the form: closing asks whether to keep it.
  await pcPage.getByRole('alertdialog', { name: '変更を保存しますか' }).getByRole('button', { name: '破棄' }).click();

  await pick('山田 店長（管理者）', '2468');
  await expect(pcPage.getByText('担当: 山田 店長')).toBeVisible();
});

/** An admin API call as a script would make it (the token printed at the server's first start). */
async function adminCall<T>(method: string, url: string, body?: unknown): Promise<T> {
  const token = /管理者トークン（[^）]*）: (\S+)/.exec(server.lines.join('\n'))![1]!;
  const r = await fetch(`${serverUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(r.status, `${method} ${url}`).toBe(200);
  return (await r.json()) as T;
}

test('a 楽天 account registered in 取込 brings its order to the PC; the notice 楽天 refused shows in 出荷通知 and 再送 sends it once', async () => {
  // 楽天's RMS cannot be reached from here: its fake (a real HTTP server) stands in for it.
  const fake = await new RakutenFake({ seed: 71 }).start();
  try {
    const [orderNo] = fake.addOrders(1);
    // Head office registers the 楽天 account in 取込 and runs it: the order reaches the PC.
    const page = consolePage;
    await tab(page, '取込');
    const form = page.getByRole('form', { name: 'チャネル連携の登録・変更' });
    await form.getByLabel('チャネル').selectOption({ label: '楽天市場' });
    await form.getByLabel('名前').fill('楽天 本店');
    await form.getByLabel('出荷店舗').selectOption({ label: '東京店' });
    await form.getByLabel(/^詳細設定/).fill(
      JSON.stringify({
        endpoint: `${fake.url}/es/2.0/order`,
        retry: { timeoutMs: 2_000, backoffMs: 20, attempts: 4 },
      }),
    );
    await form.getByLabel('serviceSecret（サービスシークレット）').fill(fake.serviceSecret);
    await form.getByLabel('licenseKey（ライセンスキー）').fill(fake.licenseKey);
    await form.getByRole('button', { name: '追加' }).click();
    const connectors = page.getByRole('table', { name: 'チャネル連携' });
    const connector = connectors.getByRole('row', { name: /楽天 本店/ });
    await expect(connector).toContainText(
      '登録済（serviceSecret（サービスシークレット）・licenseKey（ライセンスキー））',
    );
    await expect(connector).not.toContainText(fake.licenseKey);
    await connector.getByRole('button', { name: '楽天 本店 を今すぐ実行' }).click();
    await expect(page.getByRole('status')).toContainText('楽天 本店: 新規 1件');
    // The run is listed (手動, or 自動 when the scheduler's tick took the account first).
    await expect(page.getByRole('table', { name: '実行履歴' }).getByRole('row', { name: /楽天 本店/ })).toContainText(
      '正常',
    );
    await pcPage.keyboard.press('F6');
    await expect.poll(() => tabCount(pcPage, '新規'), { timeout: 15_000 }).toBe(6);
    const accountId = (await adminCall<{ id: number; name: string }[]>('GET', '/admin/channels/accounts')).find(
      (a) => a.name === '楽天 本店',
    )!.id;
    const run = () =>
      adminCall<{ notices: { sent: number; refused: number } }>('POST', `/admin/channels/accounts/${accountId}/run`);
    const skus = fake.orders
      .get(orderNo!)!
      .PackageModelList!.flatMap((p) => p.ItemModelList ?? [])
      .map((i) => i.SkuModelList?.[0]?.merchantDefinedSkuId || i.manageNumber || i.itemNumber || '');
    await adminCall(
      'POST',
      '/intake/stock',
      stockIntakeBody(skus.map((sku): [string, string, number] => [sku, 'tokyo', 10])),
    );
    fake.inject('updateOrderShipping', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({
        MessageModelList: [
          { messageType: 'ERROR', messageCode: 'ERROR_004', message: 'お荷物伝票番号を確認してください。' },
        ],
      }),
    });
    // The store ships it as a PC pushes a day's work: 在庫確認, 入金確認, 送り状番号, 出荷確定.
    const { token } = readSetupString(setup)!;
    const op = (operation: string, extra: object = {}) => ({
      opId: `console-e2e-${operation}`,
      channel: 'rakuten',
      orderNo,
      kind: 'status',
      at: new Date().toISOString(),
      actor: { operator: '東京担当', pcId: 'TOKYO-PC', storeId: 'tokyo' },
      reason: '',
      from: null,
      to: null,
      operation,
      ...extra,
    });
    const push = await fetch(`${serverUrl}/sync/push`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'x-chumon-protocol': '2',
        'x-chumon-app-version': '0.1.0',
      },
      body: JSON.stringify({
        ops: [
          op('stock_ok'),
          op('confirm_payment'),
          op('register_tracking', { carrier: 'yamato', trackingNo: '555566667777' }),
          op('confirm_shipment'),
        ],
      }),
    });
    expect(push.status).toBe(200);
    expect((await run()).notices.refused).toBe(1);

    await tab(page, '出荷通知');
    const notices = page.getByRole('table', { name: '出荷通知' });
    const row = notices.getByRole('row', { name: new RegExp(orderNo!) });
    await expect(row).toContainText('お荷物伝票番号を確認してください。');
    await expect(row).toContainText('エラー');
    await row.getByRole('button', { name: `注文 ${orderNo} を再送` }).click();
    await expect(page.getByRole('status')).toHaveText(`注文 ${orderNo} の出荷通知を再送します。`);
    await expect(notices.getByRole('row', { name: new RegExp(orderNo!) })).toHaveCount(0);
    expect((await run()).notices.sent).toBe(1);
    expect(fake.shipments.get(orderNo!)).toHaveLength(1);
    await page.getByLabel('状態').selectOption({ label: '送信済' });
    await expect(notices.getByRole('row', { name: new RegExp(orderNo!) })).toContainText('送信済');

    // 閲覧 sees the same pages and is offered no change.
    const viewer = await consolePage.context().browser()!.newPage();
    await signIn(viewer, 'etsuran', 'etsuran-pass-1');
    await tab(viewer, '取込');
    await expect(viewer.getByRole('table', { name: 'チャネル連携' })).toContainText('楽天 本店');
    await expect(viewer.getByRole('table', { name: '実行履歴' })).toContainText('楽天 本店');
    await expect(viewer.getByRole('form', { name: 'チャネル連携の登録・変更' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /今すぐ実行|編集/ })).toHaveCount(0);
    await tab(viewer, '出荷通知');
    await viewer.getByLabel('状態').selectOption({ label: 'すべて' });
    await expect(viewer.getByRole('table', { name: '出荷通知' })).toContainText(orderNo!);
    await expect(viewer.getByRole('button', { name: /再送/ })).toHaveCount(0);
    await viewer.close();
  } finally {
    await fake.close();
  }
});

test('a revoked PC is refused at its next sync and told what to do', async () => {
  const page = consolePage;
  await tab(page, '端末');
  page.once('dialog', (d) => void d.accept());
  await page
    .getByRole('table', { name: '端末' })
    .getByRole('row', { name: /東京店 出荷PC/ })
    .getByRole('button', { name: '無効化' })
    .click();
  await expect(page.getByRole('table', { name: '端末' }).getByRole('row', { name: /東京店 出荷PC/ })).toContainText(
    '無効',
  );
  await pcPage.keyboard.press('F6');
  await expect(
    pcPage.getByText(/最新取得できませんでした：中央サーバーがこの PC のトークンを受け付けません/),
  ).toBeVisible();
});
