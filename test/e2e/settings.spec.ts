import { expect, test } from './fixtures.js';

test('設定 → 基本: the operator and store are saved and shown in the header', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '設定' });
  await dialog.getByLabel('担当者名').fill('佐藤 店長');
  await dialog.getByLabel('この PC の出荷店舗').selectOption({ label: '大阪倉庫店' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText(/基本設定を保存しました/);
  await expect(page.locator('.who')).toContainText('大阪倉庫店　担当: 佐藤 店長');

  await dialog.getByLabel('担当者名').fill('  ');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('担当者名を入力してください');
  await expect(page.locator('.who')).toContainText('担当: 佐藤 店長');
});
