import { CUPS_QUEUE, CUPS_QUEUE_A5, CUPS_TWO_QUEUES } from '../helpers/requirements.js';
import { checkRow, openMenuItem } from './day-data.js';
import { expect, test } from './fixtures.js';

test('設定 → 印刷・CSV: each document its printer, paper and copies, and the 登録番号 checked before it is kept', async ({
  page,
  chumon,
}) => {
  test.skip(!CUPS_TWO_QUEUES.here, `needs ${CUPS_TWO_QUEUES.what}: ${CUPS_TWO_QUEUES.setup}`);
  await page.goto(chumon.url);
  const dialog = page.getByRole('dialog', { name: '設定' });
  const open = async () => {
    await page.getByRole('button', { name: '設定', exact: true }).click();
    await dialog.getByRole('tab', { name: '印刷・CSV' }).click();
    await expect(dialog.getByLabel('CSV の文字コード')).toBeVisible();
  };
  await open();
  await dialog.getByLabel('ピッキングリストのプリンタ').selectOption(CUPS_QUEUE);
  await dialog.getByLabel('ピッキングリストの用紙').selectOption({ label: 'A4' });
  await dialog.getByLabel('納品書のプリンタ').selectOption(CUPS_QUEUE_A5);
  await dialog.getByLabel('納品書の用紙').selectOption({ label: 'A5' });
  await dialog.getByLabel('納品書の部数').fill('2');
  const number = dialog.getByLabel('登録番号（適格請求書発行事業者）');

  await number.fill('T12345');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('登録番号は「T」に続く 13 桁の数字で入力してください');

  await number.fill('T1234567890123');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText(/印刷・CSV の設定を保存しました/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await open();
  await expect(dialog.getByLabel('ピッキングリストのプリンタ')).toHaveValue(CUPS_QUEUE);
  await expect(dialog.getByLabel('納品書のプリンタ')).toHaveValue(CUPS_QUEUE_A5);
  await expect(dialog.getByLabel('納品書の用紙')).toHaveValue('A5');
  await expect(dialog.getByLabel('納品書の部数')).toHaveValue('2');
  await expect(number).toHaveValue('T1234567890123');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // E8 names the printer of the document chosen, before anything is printed.
  await checkRow(page, 0);
  await openMenuItem(page, /ピッキングリスト発行/);
  const e8 = page.getByRole('dialog', { name: 'ピッキングリスト発行' });
  await expect(e8.getByTestId('print-target')).toContainText(`プリンタ: ${CUPS_QUEUE}　`);
  await e8.getByLabel('納品書').check();
  await expect(e8.getByTestId('print-target')).toContainText(`プリンタ: ${CUPS_QUEUE_A5}　`);
  await e8.getByLabel('ピッキングリスト').check();
  await expect(e8.getByTestId('print-target')).toContainText(`プリンタ: ${CUPS_QUEUE}　`);
});
