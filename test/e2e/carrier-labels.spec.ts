import { expect, test } from './fixtures.js';
import { cellText, checkRow, openTab } from './day-data.js';

test('E18 to e飛伝Ⅱ refuses an order number over 16 characters: the problem table names the order and why, and no file is made', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await openTab(page, '入金済');
  await page.locator('[role=row][row-index="0"]').waitFor();
  // The first listed order whose number e飛伝Ⅱ cannot take (Yahoo!ショッピング, Amazon, 楽天 numbers are longer).
  let longNo = '';
  for (let i = 0; i < 30 && !longNo; i++) {
    const orderNo = await cellText(page, i, 'orderNo');
    if (orderNo.length > 16) {
      longNo = orderNo;
      await checkRow(page, i);
    }
  }
  expect(longNo).not.toBe('');
  await expect(page.locator('.selected-count')).toContainText('1件選択中');

  await page.keyboard.press('F4');
  await page
    .getByRole('menu', { name: '拡張メニュー' })
    .getByRole('menuitem', { name: /送り状データ出力/ })
    .click();
  const dialog = page.getByRole('dialog', { name: '送り状データ出力' });
  await dialog.getByLabel('送り状ソフト').selectOption({ label: '佐川急便 e飛伝Ⅱ' });
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await dialog.getByRole('button', { name: '出力' }).click();
  await expect(dialog.getByRole('alert')).toContainText('ファイルは作っていません');
  const row = dialog.getByRole('table', { name: '送り状データの問題' }).getByRole('row').filter({ hasText: longNo });
  await expect(row).toContainText('お客様管理ナンバー');
  await expect(row).toContainText(`注文番号「${longNo}」は${longNo.length}文字あります`);
  expect(downloads).toBe(0);
});
