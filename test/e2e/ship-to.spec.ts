import { insertTopOrders, openStoreDb } from './day-data.js';
import { expect, test } from './fixtures.js';

test('F12 corrects the 送付先: the 郵便番号 warning, save anyway or fix, and the history before → after', async ({
  page,
  chumon,
}) => {
  const db = openStoreDb(chumon);
  insertTopOrders(db, [{ order: { orderNo: 'E2E-SHIP' } }]);
  db.close();
  await page.goto(chumon.url);
  await page.getByRole('gridcell', { name: 'E2E-SHIP', exact: true }).click();
  await page.keyboard.press('F12');
  const dialog = page.getByRole('dialog', { name: '注文詳細 E2E-SHIP' });
  const shipTo = dialog.getByRole('group', { name: '送付先' });
  await expect(shipTo.getByLabel('住所', { exact: true })).toHaveValue('千代田区丸の内1丁目2番3号');

  // Escape with unsaved edits asks; 破棄 leaves the order as it was.
  await shipTo.getByLabel('住所', { exact: true }).fill('千代田区丸の内1丁目2番3号 4階');
  await page.keyboard.press('Escape');
  const question = page.getByRole('alertdialog', { name: '変更を保存しますか' });
  await question.getByRole('button', { name: '破棄' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('gridcell', { name: 'E2E-SHIP', exact: true }).click();
  await page.keyboard.press('F12');
  await expect(shipTo.getByLabel('住所', { exact: true })).toHaveValue('千代田区丸の内1丁目2番3号');

  // Bad input: a clear message, nothing sent.
  await shipTo.getByLabel('郵便番号').fill('150-001');
  await expect(dialog.getByRole('alert')).toContainText('お届け先郵便番号は7桁の数字で入力してください');
  await expect(dialog.getByRole('button', { name: '保存' })).toBeDisabled();

  // A code of another city: the warning, 戻る, then fix the address and save.
  await shipTo.getByLabel('郵便番号').fill('１５０－０００１');
  await shipTo.getByLabel('住所', { exact: true }).fill('新宿区西新宿2-8-1');
  await dialog.getByRole('button', { name: '保存' }).click();
  const warning = dialog.getByRole('alert', { name: '郵便番号の確認' });
  await expect(warning).toContainText(
    '郵便番号 150-0001 は東京都渋谷区の番号です（お届け先住所は「新宿区西新宿2-8-1」）。',
  );
  await warning.getByRole('button', { name: '戻る' }).click();
  await expect(warning).toBeHidden();
  await shipTo.getByLabel('住所', { exact: true }).fill('渋谷区神宮前1-1-3');
  await shipTo.getByLabel('住所2').fill('コーポ神宮 101');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '注文 E2E-SHIP の1項目を変更しました。' })).toBeVisible();
  const row = dialog.getByRole('table', { name: '履歴' }).getByRole('row').filter({ hasText: '送付先変更' });
  await expect(row).toContainText(
    'お届け先郵便番号 100-0005／お届け先住所 千代田区丸の内1丁目2番3号／お届け先住所2 （なし）',
  );
  await expect(row).toContainText(
    'お届け先郵便番号 150-0001／お届け先住所 渋谷区神宮前1-1-3／お届け先住所2 コーポ神宮 101',
  );

  // Saving anyway: the warning's 「このまま保存」 keeps what the clerk typed.
  await shipTo.getByLabel('郵便番号').fill('000-0000');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(warning).toContainText('郵便番号 000-0000 は日本郵便の郵便番号データにありません。');
  await warning.getByRole('button', { name: 'このまま保存' }).click();
  await expect(
    dialog.getByRole('table', { name: '履歴' }).getByRole('row').filter({ hasText: '000-0000' }),
  ).toBeVisible();
  expect(chumon.query("SELECT ship_postal_code AS code FROM orders WHERE order_no = 'E2E-SHIP'")).toEqual([
    { code: '000-0000' },
  ]);
});
