import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { csvLine, sjis } from '../helpers/order-files.js';
import { pdfPages } from '../helpers/pdf-tools.js';
import { check, openMenuItem, openTab } from './day-data.js';
import { expect, test } from './fixtures.js';

test.use({ seedOrders: 100 });

const JST = 9 * 3600_000;
const jst = (ms: number) => new Date(ms + JST).toISOString();
/** YYYY/MM/DD HH:mm:ss in Japan time, as Yahoo! writes OrderTime. */
const orderTime = (ms: number) => jst(ms).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

/** The cell of a column in the row showing an order (its row-index, found by its number). */
async function cellOf(page: Page, orderNo: string, colId: string) {
  const row = page.locator('[role=row]').filter({ has: page.getByRole('gridcell', { name: orderNo, exact: true }) });
  const index = await row.first().getAttribute('row-index');
  return page.locator(`[role=row][row-index="${index}"] [role=gridcell][col-id=${colId}]`).first();
}

test('F1 imports Yahoo! delivery wishes; the grid, F12, the picking list and the B2 file carry them', async ({
  page,
  chumon,
}) => {
  const now = Date.now();
  const wishDay = jst(now + 3 * 86_400_000).slice(0, 10);
  const header = [
    'OrderId',
    'OrderTime',
    'ShipName',
    'ShipZipCode',
    'ShipPrefecture',
    'ShipCity',
    'ShipAddress1',
    'ShipAddress2',
    'ShipPhoneNumber',
    'PayMethodName',
    'ShipCharge',
    'TotalPrice',
    'ShipRequestDate',
    'ShipRequestTime',
    'ShipMethodName',
    'LineId',
    'ItemId',
    'Title',
    'Quantity',
    'UnitPrice',
  ];
  const order = (no: string, at: number, date: string, time: string, method: string) =>
    csvLine([
      no,
      orderTime(at),
      '鈴木 一郎',
      '530-0001',
      '大阪府',
      '大阪市北区',
      '梅田1丁目2-3',
      'グランドハイツ 305号室',
      '090-1234-5678',
      'クレジットカード決済',
      0,
      1650,
      date,
      time,
      method,
      1,
      'mug',
      '有田焼 マグカップ 藍',
      1,
      1650,
    ]);
  const file = path.join(chumon.dataDir, 'yahoo-wishes.csv');
  writeFileSync(
    file,
    sjis(
      [
        csvLine(header),
        order('wish-e2e-1', now - 60_000, wishDay.replace(/-/g, ''), '午前中', '宅急便'),
        order('wish-e2e-2', now - 30_000, '', '', 'ネコポス'),
      ].join('\r\n'),
    ),
  );

  await page.goto(chumon.url);
  await page.locator('[role=row][row-index="0"]').first().waitFor();
  await page.keyboard.press('F1');
  const importDialog = page.getByRole('dialog', { name: /CSV取込/ });
  await importDialog.getByLabel('CSVファイル').setInputFiles(file);
  await expect(importDialog.getByRole('status', { name: '取込の内容' })).toContainText('新規 2件');
  await importDialog.getByRole('button', { name: '取込' }).click();
  await expect(page.getByRole('status').filter({ hasText: '取込が終わりました' })).toContainText('新規 2件');

  // The grid: the three optional columns.
  await openTab(page, '新規');
  await page.getByRole('button', { name: '表示する列' }).click();
  const columns = page.getByRole('dialog', { name: '表示する列' });
  for (const name of ['配送希望日', '配送時間帯', '配送方法']) await columns.getByRole('checkbox', { name }).check();
  await page.keyboard.press('Escape');
  await expect(await cellOf(page, 'wish-e2e-1', 'deliveryDate')).toHaveText(wishDay.replace(/-/g, '/'));
  await expect(await cellOf(page, 'wish-e2e-1', 'deliveryTimeSlot')).toHaveText('午前中');
  // The last column is drawn once the list is scrolled to it.
  await page
    .locator('.ag-body-horizontal-scroll-viewport')
    .first()
    .evaluate((e) => (e.scrollLeft = e.scrollWidth));
  await expect(await cellOf(page, 'wish-e2e-1', 'deliveryMethod')).toHaveText('宅急便');
  await expect(await cellOf(page, 'wish-e2e-2', 'deliveryMethod')).toHaveText('ネコポス');

  // F12 shows them, editable.
  await page.getByRole('gridcell', { name: 'wish-e2e-1', exact: true }).click();
  await page.keyboard.press('F12');
  const detail = page.getByRole('dialog', { name: '注文詳細 wish-e2e-1' });
  await expect(detail.getByLabel('配送希望日')).toHaveValue(wishDay);
  await expect(detail.getByLabel('配送時間帯')).toHaveValue('am');
  await expect(detail.getByLabel('配送方法')).toHaveValue('宅急便');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // Settings the documents need, and the store the parcels leave from (E5).
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '設定' });
  await settings.getByRole('tab', { name: '印刷・CSV' }).click();
  await settings.getByLabel('PDF の保存先フォルダ').fill(path.join(chumon.dataDir, 'pdf'));
  await settings.getByLabel('B2クラウド ご請求先顧客コード').fill('0312345678');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '印刷・CSV の設定を保存しました' })).toBeVisible();
  await settings.getByRole('button', { name: '閉じる' }).first().click();
  await check(page, 'wish-e2e-1');
  await check(page, 'wish-e2e-2');
  await openMenuItem(page, /出荷店舗一括指定/);
  const store = page.getByRole('dialog', { name: '出荷店舗一括指定' });
  await store.getByLabel('出荷店舗').selectOption({ label: '東京本店' });
  await store.getByRole('button', { name: '変更する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '出荷店舗一括指定:' })).toBeVisible();

  // The picking list (a bulk change clears the checks: check again).
  await check(page, 'wish-e2e-1');
  await check(page, 'wish-e2e-2');
  await openMenuItem(page, /ピッキングリスト発行/);
  const printing = page.getByRole('dialog', { name: 'ピッキングリスト発行' });
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    printing.getByRole('button', { name: 'PDFで保存' }).click(),
  ]);
  const text = pdfPages((await pdf.path())!).join('\n');
  const [, month, day] = wishDay.split('-').map(Number);
  expect(text).toContain(`配送希望: ${month}/${day} 午前中 宅急便`);
  expect(text).toContain('配送希望: ネコポス');
  await printing.getByRole('button', { name: '閉じる' }).first().click();

  // The B2クラウド file, byte by byte.
  await openMenuItem(page, /送り状データ出力/);
  const labels = page.getByRole('dialog', { name: '送り状データ出力' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    labels.getByRole('button', { name: '出力' }).click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  const lines = iconv.decode(bytes, 'cp932').split('\r\n');
  const shipDate = jst(now).slice(0, 10).replace(/-/g, '/');
  const row = (set: Record<number, string>) => {
    const cells = Array.from({ length: 97 }, () => '');
    for (const [no, value] of Object.entries(set)) cells[Number(no) - 1] = value;
    return cells.map((c) => `"${c}"`).join(',');
  };
  const common = {
    3: '0',
    5: shipDate,
    9: '090-1234-5678',
    11: '530-0001',
    12: '大阪府大阪市北区梅田1丁目2-3',
    13: 'グランドハイツ 305号室',
    16: '鈴木 一郎',
    18: '様',
    20: '03-1234-5678',
    22: '103-0027',
    23: '東京都中央区日本橋1-1-1',
    25: '東京本店',
    28: '有田焼 マグカップ 藍',
    38: '1',
    40: '0312345678',
    42: '01',
  };
  const expected = [
    lines[0]!,
    row({ ...common, 1: 'wish-e2e-1', 2: '0', 6: wishDay.replace(/-/g, '/'), 7: '0812' }),
    row({ ...common, 1: 'wish-e2e-2', 2: '7' }),
    '',
  ].join('\r\n');
  expect(lines[0]!.split(',').slice(0, 7)).toEqual(
    ['お客様管理番号', '送り状種類', 'クール区分', '伝票番号', '出荷予定日', 'お届け予定（指定）日', '配達時間帯'].map(
      (h) => `"${h}"`,
    ),
  );
  expect(bytes.equals(iconv.encode(expected, 'cp932'))).toBe(true);
});
