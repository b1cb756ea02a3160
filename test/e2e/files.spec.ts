import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import { csvLine, sjis } from '../helpers/order-files.js';
import { expect, tabCount, test, type Chumon } from './fixtures.js';
import { checkRow, openMenuItem, openTab } from './day-data.js';

test.use({ seedOrders: 300 });

const fixture = (name: string) => path.join(SOURCE_ROOT, 'test', 'fixtures', name);
const grid = (page: Page) => page.getByRole('grid').first();

async function checkFirstRows(page: Page, count: number) {
  for (let i = 0; i < count; i++) await checkRow(page, i);
  await expect(page.locator('.selected-count')).toContainText(`${count}件選択中`);
}

/** 設定 → 印刷・CSV: PDFs into the test's data folder, the B2 billing code set. */
async function fileSettings(page: Page, chumon: Chumon): Promise<string> {
  const folder = path.join(chumon.dataDir, 'pdf');
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '設定' });
  await dialog.getByRole('tab', { name: '印刷・CSV' }).click();
  await dialog.getByLabel('PDF の保存先フォルダ').fill(folder);
  await dialog.getByLabel('B2クラウド ご請求先顧客コード').fill('0312345678');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '印刷・CSV の設定を保存しました' })).toBeVisible();
  await dialog.getByRole('button', { name: '閉じる' }).first().click();
  return folder;
}

test('F1 imports a Shift_JIS Yahoo! CSV through the preview: rejected lines shown, new orders in the 新規 tab', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await expect(grid(page)).toBeVisible();
  const before = await tabCount(page, '新規');
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Yahoo!オークションCSV取込' });
  // A chosen file is read at once.
  await dialog.getByLabel('CSVファイル').setInputFiles(fixture('yahoo-combined-sjis.csv'));
  await expect(dialog.getByRole('status', { name: '取込の内容' })).toHaveText(
    '新規 5件・更新 0件・変更なし 0件・エラー 2件',
  );
  const rejected = dialog.getByRole('table', { name: 'エラーの行' });
  await expect(rejected.getByRole('row')).toHaveCount(3);
  await expect(rejected).toContainText('決済方法「物々交換」が決済方法マスタにありません');
  await expect(rejected).toContainText('数量「0」は1以上の整数にしてください。');
  expect(chumon.query("SELECT count(*) AS n FROM orders WHERE order_no LIKE 'yahoo-store-%'")).toEqual([{ n: 0 }]);

  await dialog.getByRole('button', { name: '取込' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '取込が終わりました' })).toContainText('新規 5件');
  await expect.poll(() => tabCount(page, '新規')).toBe(before + 5);
  expect(chumon.query("SELECT channel, status, ship_name FROM orders WHERE order_no = 'yahoo-store-0001'")).toEqual([
    { channel: 'yahoo_auction', status: 'new', ship_name: '髙橋 ①子' },
  ]);

  // The same file again: nothing new, so nothing to import.
  await page.keyboard.press('F1');
  // A chosen file is read at once.
  await dialog.getByLabel('CSVファイル').setInputFiles(fixture('yahoo-combined-sjis.csv'));
  await expect(dialog.getByRole('status', { name: '取込の内容' })).toHaveText(
    '新規 0件・更新 0件・変更なし 5件・エラー 2件',
  );
  await expect(dialog.getByRole('button', { name: '取込' })).toBeDisabled();
});

test('F1 remembers the 販路 chosen last, after a restart too', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  await expect(grid(page)).toBeVisible();
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Yahoo!オークションCSV取込' });
  await dialog.getByLabel('販路').selectOption({ label: 'Yahoo!ショッピング' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.reload();
  await expect(grid(page)).toBeVisible();
  await page.keyboard.press('F1');
  await expect(dialog.getByLabel('販路')).toHaveValue('yahoo_shopping');
  await expect(dialog.getByLabel('ファイルの形式')).toHaveValue('');
  await dialog.getByLabel('CSVファイル').setInputFiles(fixture('yahoo-combined-sjis.csv'));
  await dialog.getByRole('button', { name: '取込' }).click();
  await expect(dialog).toBeHidden();
  expect(chumon.query("SELECT channel FROM orders WHERE order_no = 'yahoo-store-0001'")).toEqual([
    { channel: 'yahoo_shopping' },
  ]);
});

test('F1 refuses a broken file with the line, importing nothing', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  await expect(grid(page)).toBeVisible();
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Yahoo!オークションCSV取込' });
  await dialog.getByLabel('CSVファイル').setInputFiles(fixture('bad-unbalanced-quote.csv'));
  await expect(dialog.getByRole('alert')).toContainText('6行目');
  await expect(dialog.getByRole('alert')).toContainText('何も取り込んでいません');
  expect(chumon.query("SELECT count(*) AS n FROM orders WHERE order_no LIKE 'yahoo-store-%'")).toEqual([{ n: 0 }]);
});

test('E9 downloads the listed orders as a Shift_JIS CSV with CRLF', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  await expect(grid(page)).toBeVisible();
  const listed = await tabCount(page, '新規');
  await openMenuItem(page, /CSV出力/);
  const dialog = page.getByRole('dialog', { name: 'CSV出力' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: '出力' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^注文一覧_\d{8}-\d{6}\.csv$/);
  const text = iconv.decode(readFileSync((await download.path())!), 'cp932');
  const lines = text.split('\r\n');
  expect(lines[0]).toMatch(/^"注文番号","販路","注文日時","メインステータス","購入者名"/);
  expect(lines).toHaveLength(listed + 2);
  expect(lines.at(-1)).toBe('');
  await expect(dialog.getByRole('status')).toContainText(`${listed.toLocaleString('ja-JP')}件を「`);
  const orderNos = new Set(
    chumon.query<{ order_no: string }>("SELECT order_no FROM orders WHERE status = 'new'").map((r) => r.order_no),
  );
  expect(lines.slice(1, -1).every((l) => orderNos.has(l.slice(1, l.indexOf('"', 1))))).toBe(true);
});

test('E8 saves the picking list as PDF in the folder shown; the orders are 印刷済み only once the clerk says so', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await expect(grid(page)).toBeVisible();
  const folder = await fileSettings(page, chumon);
  await checkFirstRows(page, 3);
  await openMenuItem(page, /ピッキングリスト発行/);
  const dialog = page.getByRole('dialog', { name: 'ピッキングリスト発行' });
  await expect(dialog).toContainText('チェックした注文 3件');
  await expect(dialog.getByTestId('print-target')).toContainText(`PDF の保存先: ${folder}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'PDFで保存' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ピッキングリスト_\d{8}-\d{6}\.pdf$/);
  expect(
    readFileSync((await download.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  await expect(dialog.getByRole('status').filter({ hasText: 'PDF で保存しました' })).toContainText(folder);
  await expect(dialog.getByRole('status').filter({ hasText: 'PDF で保存しました' })).toContainText(
    '注文は印刷済みにしていません',
  );
  expect(existsSync(folder) && readdirSync(folder).some((f) => f.endsWith('.pdf'))).toBe(true);
  expect(chumon.query("SELECT count(*) AS n FROM print_marks WHERE kind = 'picking'")).toEqual([{ n: 0 }]);
  await expect(dialog.getByRole('table', { name: 'チェックした注文の印刷履歴' }).getByRole('row')).toHaveCount(2);

  await dialog.getByRole('button', { name: 'この PDF を印刷した（印刷済みにする）' }).click();
  await expect(dialog).toContainText('うち 3件はピッキングリストを印刷済み');
  expect(chumon.query("SELECT count(*) AS n, max(printed_by) AS who FROM print_marks WHERE kind = 'picking'")).toEqual([
    { n: 3, who: 'E2E担当' },
  ]);
  // The 納品書 goes the same way.
  await dialog.getByRole('radio', { name: '納品書' }).check();
  const [notes] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'PDFで保存' }).click(),
  ]);
  expect(notes.suggestedFilename()).toMatch(/^納品書_/);
  await dialog.getByRole('radio', { name: 'ピッキングリスト' }).check();
  await expect(dialog.getByRole('button', { name: '再印刷', exact: true }).first()).toBeVisible();
});

test('E18 writes the B2 Cloud file for checked paid orders; E19 reads the issued data back and they go to 出荷待ち', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await expect(grid(page)).toBeVisible();
  await fileSettings(page, chumon);
  await openTab(page, '入金済');
  await checkFirstRows(page, 2);
  await openMenuItem(page, /送り状データ出力/);
  const dialog = page.getByRole('dialog', { name: '送り状データ出力' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: '出力' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^B2クラウド取込_/);
  const rows = iconv
    .decode(readFileSync((await download.path())!), 'cp932')
    .split('\r\n')
    .filter(Boolean);
  expect(rows).toHaveLength(3);
  expect(rows[0]!.split(',')).toHaveLength(97);
  const numbers = rows.slice(1).map((r) => r.split(',')[0]!.slice(1, -1));
  await dialog.getByRole('button', { name: '閉じる' }).click();

  // The carrier's issued data comes back with 伝票番号.
  const issued = path.join(chumon.dataDir, 'b2-issued.csv');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    issued,
    sjis(
      [csvLine(['お客様管理番号', '伝票番号']), ...numbers.map((no, i) => csvLine([no, `4000-0000-000${i}`]))].join(
        '\r\n',
      ),
    ),
  );
  await openMenuItem(page, /送り状発行済データ取込/);
  const importer = page.getByRole('dialog', { name: '送り状発行済データ取込' });
  await importer.getByLabel('発行済データのファイル').setInputFiles(issued);
  await expect(importer.getByRole('status', { name: '登録の内容' })).toContainText('登録 2件');
  await importer.getByRole('button', { name: '登録' }).click();
  await expect(importer).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '送り状番号を 2件登録しました' })).toBeVisible();
  const placeholders = numbers.map(() => '?').join(',');
  const after = chumon.query<{ status: string; carrier: string; tracking_no: string }>(
    `SELECT status, carrier, tracking_no FROM orders WHERE order_no IN (${placeholders}) ORDER BY tracking_no`,
    ...numbers,
  );
  expect(after.map((r) => [r.status, r.carrier])).toEqual([
    ['awaiting_shipment', 'yamato'],
    ['awaiting_shipment', 'yamato'],
  ]);
  expect(after.map((r) => r.tracking_no).sort()).toEqual(['400000000000', '400000000001']);
});
