import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures.js';
import { cellText, checkRow, openTab } from './day-data.js';

test('F4 出荷通知ファイル出力 saves Amazon’s flat file of a checked 出荷済 order and marks it 送信済（ファイル）', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await openTab(page, '出荷済');
  await page.locator('[role=row][row-index="0"]').waitFor();
  // The first listed Amazon order (its number is 3-7-7 digits).
  let orderNo = '';
  for (let i = 0; i < 50 && !orderNo; i++) {
    const text = await cellText(page, i, 'orderNo');
    if (/^\d{3}-\d{7}-\d{7}$/.test(text)) {
      orderNo = text;
      await checkRow(page, i);
    }
  }
  expect(orderNo).not.toBe('');
  const tracking = chumon.query<{ tracking_no: string }>(
    'SELECT tracking_no FROM orders WHERE order_no = ?',
    orderNo,
  )[0]!.tracking_no;

  await page.keyboard.press('F4');
  await page
    .getByRole('menu', { name: '拡張メニュー' })
    .getByRole('menuitem', { name: /出荷通知ファイル出力/ })
    .click();
  const dialog = page.getByRole('dialog', { name: '出荷通知ファイル出力' });
  await dialog.getByLabel('販路のファイル').selectOption({ label: 'Amazon 出荷通知ファイル' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: '出力' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Amazon出荷通知_\d{8}-\d{6}\.txt$/);
  const lines = iconv.decode(readFileSync((await download.path())!), 'cp932').split('\r\n');
  expect(lines[0]).toBe(
    'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method',
  );
  expect(lines[1]!.split('\t')[0]).toBe(orderNo);
  expect(lines[1]!.split('\t')[6]).toBe(tracking);
  await expect(dialog.getByRole('status')).toContainText('1件を出力し、出荷通知を「送信済（ファイル）」にしました');
  expect(
    chumon.query<{ ship_notice: string }>('SELECT ship_notice FROM orders WHERE order_no = ?', orderNo)[0]!.ship_notice,
  ).toBe('file');
});

test('設定 → メール方針: Amazon sends no mail by default; a kind switched on stays on', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '設定' });
  await settings.getByRole('tab', { name: 'メール方針' }).click();
  const amazonShipped = settings.getByRole('checkbox', { name: 'Amazonの発送完了メール' });
  await expect(amazonShipped).not.toBeChecked();
  await expect(settings.getByRole('checkbox', { name: '楽天市場の発送完了メール' })).toBeChecked();
  await amazonShipped.check();
  await expect(amazonShipped).toBeChecked();
  await settings.getByRole('tab', { name: '催促メール期限管理' }).click();
  await settings.getByRole('tab', { name: 'メール方針' }).click();
  await expect(settings.getByRole('checkbox', { name: 'Amazonの発送完了メール' })).toBeChecked();
});
