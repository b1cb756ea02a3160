import { TestSmtpServer } from '../helpers/smtp.js';
import { expect, tabCount, test, type Chumon } from './fixtures.js';
import type { Page } from '@playwright/test';
import { openTab } from './day-data.js';

let smtp: TestSmtpServer;
test.beforeEach(async () => {
  smtp = await TestSmtpServer.start();
});
test.afterEach(async () => {
  await smtp.close();
});

async function openSettings(page: Page, section: string) {
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '設定' });
  await settings.getByRole('tab', { name: section, exact: true }).click();
  return settings;
}

async function pointSmtpAtTestServer(page: Page) {
  const settings = await openSettings(page, 'メール');
  await settings.getByLabel('SMTP サーバー', { exact: true }).fill('127.0.0.1');
  await settings.getByLabel('ポート番号').fill(String(smtp.port));
  await settings.getByLabel('暗号化').selectOption({ label: 'なし（社内サーバーのみ）' });
  await settings.getByLabel('送信元アドレス').fill('shop@example.jp');
  await settings.getByLabel(/^店舗名/).fill('やきもの堂');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'メール設定を保存しました' })).toBeVisible();
  return settings;
}

function orderNoOf(chumon: Chumon, status: string): string {
  return chumon.query<{ order_no: string }>(
    'SELECT order_no FROM orders WHERE status = ? ORDER BY id LIMIT 1',
    status,
  )[0]!.order_no;
}

test('templates master: an unknown placeholder is refused by name, a real order is previewed, the edit is used', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  const settings = await openSettings(page, 'メールテンプレート');
  await settings.getByLabel('メールの種類').selectOption({ label: '発送完了メール（初期値）' });
  const body = settings.getByLabel('本文');
  await body.fill('{{購入者名}} 様\n{{お届け日}} にお届けします。');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings.getByRole('alert')).toHaveText(/差し込み項目「{{お届け日}}」は使えません/);
  const stored = () => chumon.query<{ n: number }>('SELECT count(*) AS n FROM mail_templates')[0]!.n;
  expect(stored()).toBe(0);

  await body.fill('{{購入者名}} 様\n送り状番号: {{送り状番号}}\n{{追跡URL}}');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '発送完了メールを保存しました' })).toBeVisible();
  expect(stored()).toBe(1);

  const shipped = orderNoOf(chumon, 'shipped');
  await settings.getByLabel('プレビューする注文番号').fill(shipped);
  await settings.getByRole('button', { name: 'プレビュー' }).click();
  const preview = settings.getByRole('region', { name: 'プレビュー' });
  await expect(preview).toContainText(shipped);
  await expect(preview).toContainText('送り状番号: ');
  await expect(preview.locator('pre')).toContainText(/^.+ 様\n送り状番号: \S+\nhttps:\/\//);
});

test('催促メール期限管理 and the 催促対象 bulk send; E12 marks shipped mails handled', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  const settings = await pointSmtpAtTestServer(page);
  await settings.getByRole('tab', { name: '催促メール期限管理' }).click();
  await settings.getByLabel('未入金（日）').fill('0');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings.getByRole('alert')).toHaveText(/未入金の催促期限は1日以上にしてください/);
  await settings.getByLabel('未入金（日）').fill('2');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '催促メールの期限を保存しました' })).toBeVisible();
  await settings.getByRole('button', { name: '閉じる' }).click();

  // The new days change who is due. The list, asked for now, has them; the tab's count
  // follows on the change event, so both are read once they agree.
  await openTab(page, '催促対象');
  const listed = async () => Number(await page.getByRole('grid').first().getAttribute('aria-rowcount')) - 1;
  await expect
    .poll(async () => (await tabCount(page, '催促対象')) === (await listed()), {
      message: 'the count of 催促対象 is the number of orders it lists',
    })
    .toBe(true);
  const targets = await listed();
  expect(targets).toBeGreaterThan(0);
  await page
    .getByRole('toolbar', { name: 'メール' })
    .getByRole('button', { name: '催促メール一括送信（一覧のすべて）' })
    .click();
  const send = page.getByRole('dialog', { name: '催促メール送信' });
  await expect(send).toContainText(`チェックした ${targets.toLocaleString('ja-JP')}件 の注文に`);
  await send.getByRole('button', { name: '催促メールを送信する' }).click();
  await expect(send.getByRole('status')).toHaveText(/送信 \d+件 \/ 失敗 0件 \/ 結果不明 0件/);
  const sent = chumon.query<{ n: number }>(
    "SELECT count(*) AS n FROM mail_log WHERE kind LIKE '%reminder' AND result = 'sent'",
  )[0]!.n;
  expect(sent).toBeGreaterThanOrEqual(targets);
  expect(smtp.received).toHaveLength(sent);
  await send.locator('footer').getByRole('button', { name: '閉じる' }).click();

  // Reminded, they leave 催促対象 until their next reminder is due: nobody is reminded twice.
  await expect.poll(() => tabCount(page, '催促対象')).toBe(0);
  expect(smtp.received).toHaveLength(sent);

  await openTab(page, '出荷済');
  const unsentBefore = await tabCount(page, 'メール未送信');
  const pendingShipped = chumon.query<{ id: number }>(
    "SELECT id FROM orders WHERE status = 'shipped' AND mail_pending = 1",
  );
  // Only those this PC's メール方針 lists in メール未送信 leave it (Amazon's are not listed).
  const listedShipped = chumon.query<{ n: number }>(
    "SELECT count(*) AS n FROM orders WHERE status = 'shipped' AND mail_due = 1",
  )[0]!.n;
  expect(listedShipped).toBeGreaterThan(0);
  await page.keyboard.press('F2');
  await page.keyboard.press('F4');
  await page
    .getByRole('menu', { name: '拡張メニュー' })
    .getByRole('menuitem', { name: /出荷メール一括処理済変更/ })
    .click();
  const e12 = page.getByRole('dialog', { name: '出荷メール一括処理済変更' });
  await e12.getByRole('button', { name: '処理済に変更する' }).click();
  const shippedTotal = chumon.query<{ n: number }>("SELECT count(*) AS n FROM orders WHERE status = 'shipped'")[0]!.n;
  await expect(e12.getByRole('status')).toHaveText(
    `処理済に変更 ${pendingShipped.length}件 / 変更できず ${shippedTotal - pendingShipped.length}件`,
  );
  await e12.locator('footer').getByRole('button', { name: '閉じる' }).click();
  await expect.poll(() => tabCount(page, 'メール未送信')).toBe(unsentBefore - listedShipped);
  expect(smtp.received).toHaveLength(sent);
});
