import { TestSmtpServer } from '../helpers/smtp.js';
import { expect, tabCount, test } from './fixtures.js';
import { openTab, checkRow } from './day-data.js';

let smtp: TestSmtpServer;
test.beforeEach(async () => {
  smtp = await TestSmtpServer.start();
});
test.afterEach(async () => {
  await smtp.close();
});

test('SMTP set in 設定, F7 on checked orders sends their mails, F8 shows them, メール未送信 drops', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '設定' });
  await settings.getByRole('tab', { name: 'メール', exact: true }).click();
  await settings.getByLabel('SMTP サーバー', { exact: true }).fill('127.0.0.1');
  await settings.getByLabel('ポート番号').fill(String(smtp.port));
  await settings.getByLabel('暗号化').selectOption({ label: 'なし（社内サーバーのみ）' });
  await settings.getByLabel('送信元アドレス').fill('shop@example.jp');
  await settings.getByLabel('送信元の名前').fill('やきもの堂');
  await settings.getByLabel(/^店舗名/).fill('やきもの堂');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'メール設定を保存しました' })).toBeVisible();

  await settings.getByLabel('テストメールの宛先').fill('owner@example.jp');
  await settings.getByRole('button', { name: 'テストメールを送信' }).click();
  await expect(settings.getByRole('status')).toHaveText(
    'owner@example.jp にテストメールを送信しました。届いたことを確認してください。',
  );
  expect((await smtp.parse(smtp.received[0]!)).subject).toBe('【やきもの堂】テストメール（メール設定の確認）');
  await settings.getByRole('button', { name: '閉じる' }).click();

  // Browser mode's S3 purge (3 s after start) takes purged Amazon orders out of メール未送信:
  // wait until it has nothing left and the tab shows the database's count, so only F7 moves it.
  const cutoff = new Date(Date.now() - 30 * 86_400_000).toISOString();
  await expect
    .poll(
      () =>
        chumon.query<{ n: number }>(
          "SELECT count(*) AS n FROM orders WHERE channel = 'amazon' AND pii_purged_at IS NULL AND shipped_at < ?",
          cutoff,
        )[0]!.n,
      { timeout: 30_000 },
    )
    .toBe(0);
  const unsentInDatabase = () =>
    chumon.query<{ n: number }>("SELECT n FROM tab_counts WHERE tab = 'mail_unsent'")[0]!.n;
  await expect.poll(() => tabCount(page, 'メール未送信')).toBe(unsentInDatabase());
  const unsentBefore = await tabCount(page, 'メール未送信');
  expect(unsentBefore).toBeGreaterThan(2);
  await openTab(page, 'メール未送信');
  const orderNo = (i: number) =>
    page.locator(`[role=row][row-index="${i}"] [role=gridcell][col-id=orderNo]`).innerText();
  await expect(page.locator('[role=row][row-index="1"] [role=gridcell][col-id=orderNo]')).not.toHaveText('');
  const picked = [await orderNo(0), await orderNo(1)];
  await checkRow(page, 0);
  await checkRow(page, 1);
  await expect(page.getByText('メール未送信：2件選択中')).toBeVisible();

  await page.keyboard.press('F7');
  const send = page.getByRole('dialog', { name: 'メール送信' });
  await expect(send).toContainText('チェックした 2件 の注文に');
  await send.getByRole('button', { name: '送信する' }).click();
  await expect(send.getByRole('status')).toHaveText(/送信 2件 \/ 失敗 0件 \/ 結果不明 0件 \/ 対象外 0件/);
  await send.locator('footer').getByRole('button', { name: '閉じる' }).click();
  await expect.poll(() => tabCount(page, 'メール未送信')).toBe(unsentBefore - 2);

  const mails = await Promise.all(smtp.received.slice(1).map((m) => smtp.parse(m)));
  expect(mails.map((m) => /注文番号 (\S+)）/.exec(m.subject ?? '')?.[1]).sort()).toEqual([...picked].sort());
  expect(chumon.query<{ n: number }>("SELECT count(*) AS n FROM mail_log WHERE result = 'sent'")[0]!.n).toBe(2);

  await page.keyboard.press('F8');
  const log = page.getByRole('dialog', { name: '送信ログ照会' });
  const rows = log.getByRole('table', { name: '送信ログ' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('送信済');
  await log.getByLabel('注文番号').fill(picked[0]!);
  await log.getByRole('button', { name: '検索' }).click();
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button', { name: picked[0]! }).click();
  const entry = log.getByRole('region', { name: 'メールの内容' });
  await expect(entry).toContainText(`注文番号 ${picked[0]}`);
  await expect(entry.getByLabel('本文')).toContainText('様');
});

test('a refused mail is shown with its error in F8 and goes out on retry', async ({ page, chumon }) => {
  await smtp.close();
  let refusing = true;
  smtp = await TestSmtpServer.start({ refuseRecipient: () => refusing });
  await page.goto(chumon.url);
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '設定' });
  await settings.getByRole('tab', { name: 'メール', exact: true }).click();
  await settings.getByLabel('SMTP サーバー', { exact: true }).fill('127.0.0.1');
  await settings.getByLabel('ポート番号').fill(String(smtp.port));
  await settings.getByLabel('暗号化').selectOption({ label: 'なし（社内サーバーのみ）' });
  await settings.getByLabel('送信元アドレス').fill('shop@example.jp');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'メール設定を保存しました' })).toBeVisible();
  await settings.getByRole('button', { name: '閉じる' }).click();

  await openTab(page, 'メール未送信');
  await checkRow(page, 0);
  await page
    .getByRole('toolbar', { name: 'メール' })
    .getByRole('button', { name: /メール一括送信（1件）/ })
    .click();
  const send = page.getByRole('dialog', { name: 'メール送信' });
  await send.getByRole('button', { name: '送信する' }).click();
  await expect(send.getByRole('status')).toHaveText(/送信 0件 \/ 失敗 1件/);
  await expect(send.getByRole('region', { name: '送信失敗（再送できます）' })).toContainText(
    '550 5.1.1 No such user here',
  );
  await send.locator('footer').getByRole('button', { name: '閉じる' }).click();

  await page.keyboard.press('F8');
  const log = page.getByRole('dialog', { name: '送信ログ照会' });
  await log.getByLabel('結果').selectOption({ label: '送信失敗' });
  await log.getByRole('button', { name: '検索' }).click();
  const rows = log.getByRole('table', { name: '送信ログ' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('No such user here');
  refusing = false;
  await rows.first().click();
  await log.getByRole('button', { name: '再送する' }).click();
  await expect(log.getByRole('status')).toContainText('再送しました（送信 1件');
  expect(smtp.received).toHaveLength(1);
  expect(chumon.query<{ result: string }>('SELECT result FROM mail_log ORDER BY id').map((r) => r.result)).toEqual([
    'failed',
    'sent',
  ]);
});
