import type { Page } from '@playwright/test';
import { amazonReport, fileOrder, sjis } from '../helpers/order-files.js';
import { expect, test } from './fixtures.js';

test.use({ seedOrders: 5 });

const ORDER = fileOrder({ orderNo: '249-7777777-0000001', payment: 'Other', orderedAt: '2026/11/20 12:34:56' });

async function importReport(page: Page, prices: boolean) {
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Yahoo!オークションCSV取込' });
  await dialog.getByLabel('CSVファイル').setInputFiles({
    name: 'unshipped.txt',
    mimeType: 'text/plain',
    buffer: sjis(amazonReport([ORDER], new Set(), { prices })),
  });
  await expect(dialog.getByText('Amazon 未出荷注文レポート（Amazon）')).toBeVisible();
  // The preview's new order says so too (a later priced report is an update: no new-order row).
  if (!prices) await expect(dialog.getByRole('cell', { name: '金額未取得' })).toBeVisible();
  await dialog.getByRole('button', { name: '取込' }).click();
  await expect(dialog).toBeHidden();
}

const totalCell = (page: Page) => page.getByRole('row').filter({ hasText: ORDER.orderNo }).locator('[col-id="total"]');

async function openDetail(page: Page) {
  await page.getByRole('gridcell', { name: ORDER.orderNo, exact: true }).click();
  await page.keyboard.press('F12');
  const dialog = page.getByRole('dialog', { name: `注文詳細 ${ORDER.orderNo}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('an Amazon report without prices gives 金額未取得 in the grid and F12, until a priced report fills them', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await expect(page.getByRole('grid').first()).toBeVisible();
  await importReport(page, false);
  await expect(totalCell(page)).toHaveText('金額未取得');

  const dialog = await openDetail(page);
  await expect(dialog.getByTestId('detail-subtotal')).toHaveText('金額未取得');
  await expect(dialog.getByTestId('detail-total')).toHaveText('金額未取得');
  await expect(dialog.getByText('取り込んだファイルに金額がないため金額未取得です。')).toBeVisible();
  // Typing a price shows what it makes, as for any order.
  await dialog.getByLabel('単価 1行目 MG-010').fill('1650');
  await expect(dialog.getByTestId('detail-subtotal')).toHaveText('¥3,300');
  await page.keyboard.press('Escape');
  await page.getByRole('alertdialog', { name: '変更を保存しますか' }).getByRole('button', { name: '破棄' }).click();
  await expect(dialog).toBeHidden();

  await importReport(page, true);
  await expect(totalCell(page)).toHaveText('¥6,050');
  const filled = await openDetail(page);
  await expect(filled.getByTestId('detail-total')).toHaveText('¥6,050');
  await expect(filled.getByRole('table', { name: '履歴' })).toContainText('金額（金額未取得の解除）');
  expect(chumon.query("SELECT amounts_unknown, total FROM orders WHERE order_no = '249-7777777-0000001'")).toEqual([
    { amounts_unknown: 0, total: 6050 },
  ]);
});
