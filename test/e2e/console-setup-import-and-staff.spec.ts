import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readSetupString } from '../../src-shared/sync/setup-string.js';
import { fixture, tab, useConsoleRun } from './console-processes.js';
import { expect, tabCount, test } from './fixtures.js';

/**
 * Head office in its browser sets up the console (accounts, a store, its PC, staff) and
 * imports a file: the central server and a store PC (browser mode) run as their own
 * processes; the console is driven as head office would, the PC as a clerk would.
 */
const env = useConsoleRun();
let setup: string;

test('管理者 signs in with the first account, adds a store and a 閲覧 account', async () => {
  const page = env.consolePage;
  await page.goto(`${env.serverUrl}/console`);
  const form = page.getByRole('form', { name: 'サインイン' });
  await form.getByLabel('ID').fill('admin');
  await form.getByLabel('パスワード').fill('wrong-password');
  await form.getByRole('button', { name: 'サインイン' }).click();
  await expect(form.getByRole('alert')).toHaveText('ID またはパスワードが違います。');
  await env.signIn(page, 'admin', env.password);

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
  const page = env.consolePage;
  await tab(page, '端末');
  const issue = page.getByRole('form', { name: 'トークン発行' });
  await issue.getByLabel('端末名').fill('東京店 出荷PC');
  await issue.getByLabel(/^店舗/).selectOption({ label: '東京店' });
  await issue.getByRole('button', { name: 'トークン発行' }).click();
  const dialog = page.getByRole('dialog', { name: 'トークンを発行しました' });
  setup = (await dialog.getByLabel('設定文字列', { exact: true }).textContent())!.trim();
  expect(readSetupString(setup)?.serverUrl).toBe(env.serverUrl);
  // The QR code carries the same string (read back by zbarimg, as a 2D scanner would).
  const qr = path.join(env.root, 'qr.png');
  await dialog.getByRole('img', { name: '設定文字列の QR コード' }).screenshot({ path: qr });
  expect(execFileSync('zbarimg', ['-q', '--raw', qr], { encoding: 'utf8' }).trim()).toBe(setup);
  await dialog.getByRole('button', { name: '閉じる' }).first().click();

  // The clerk pastes the setup string into 設定 → 同期.
  await env.connectPc(setup);
  await expect(env.pcPage.getByRole('status').filter({ hasText: /最新取得：/ })).toBeVisible();

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
  const page = env.consolePage;
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

  await env.pcPage.keyboard.press('F6');
  await expect.poll(() => tabCount(env.pcPage, '新規'), { timeout: 15_000 }).toBe(5);

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
  const upload = await fetch(`${env.serverUrl}/sync/logs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(upload.status).toBe(200);
  const page = env.consolePage;
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
  await env.signIn(page, 'etsuran', 'etsuran-pass-1');
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
  // A clerk has 担当者切替 open before head office lists anyone: the list arrives in it with the sync.
  await env.pcPage.getByRole('button', { name: '担当者切替' }).click();
  const waiting = env.pcPage.getByRole('dialog', { name: '担当者切替' });
  await expect(waiting).toContainText('この店舗のスタッフ一覧がありません');

  const page = env.consolePage;
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

  await expect(waiting.getByRole('radio', { name: '佐藤' })).toBeVisible();
  await waiting.getByRole('button', { name: '閉じる' }).click();
  await env.pcPage.keyboard.press('F6');
  await expect(env.pcPage.getByRole('status').filter({ hasText: /最新取得：/ })).toBeVisible();
  const pick = async (name: string, pin?: string) => {
    await env.pcPage.getByRole('button', { name: '担当者切替' }).click();
    const dialog = env.pcPage.getByRole('dialog', { name: '担当者切替' });
    await dialog.getByRole('radio', { name: name }).check();
    if (pin !== undefined) await dialog.getByLabel('PIN').fill(pin);
    await dialog.getByRole('button', { name: 'この担当者にする' }).click();
    return dialog;
  };
  const wrong = await pick('山田 店長（管理者）', '1111');
  await expect(wrong.getByRole('alert')).toHaveText('PIN が正しくありません。');
  await wrong.getByRole('button', { name: '閉じる' }).click();
  await pick('佐藤');
  await expect(env.pcPage.getByText('担当: 佐藤')).toBeVisible();

  await env.pcPage.getByRole('button', { name: '設定', exact: true }).click();
  const settings = env.pcPage.getByRole('tabpanel', { name: '基本' });
  await settings.getByLabel('PC名').fill('東京PC-2');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings.getByRole('alert')).toContainText('設定の変更は管理者のスタッフだけが行えます');
  await env.pcPage.getByRole('dialog', { name: '設定' }).getByRole('button', { name: '閉じる' }).click();
  // The refused change is still in the form: closing asks whether to keep it.
  await env.pcPage
    .getByRole('alertdialog', { name: '変更を保存しますか' })
    .getByRole('button', { name: '破棄' })
    .click();

  await pick('山田 店長（管理者）', '2468');
  await expect(env.pcPage.getByText('担当: 山田 店長')).toBeVisible();
});
