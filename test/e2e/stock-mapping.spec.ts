import type { Locator, Page } from '@playwright/test';
import { sjis } from '../helpers/order-files.js';
import { addStores, stockCsv, stockUp } from '../helpers/stock.js';
import { openStoreDb } from './day-data.js';
import { expect, test, type Chumon } from './fixtures.js';
import { gridRow, openStock } from './stock-screen.js';

test.use({ seedOrders: 0 });

/**
 * A warehouse's own 棚卸 sheet: none of its headers is a name Chumon knows (商品コード, 在庫数,
 * 店舗, 棚番…), so the clerk maps them once. E2E-MAP-A changes (5 → 8, gets a 棚番), B is new,
 * C is counted as it stands (2, its 棚番 cell empty).
 */
const FILE_NAME = 'souko-tanaoroshi.csv';
const HEADERS = ['品目コード', '拠点', '実棚', '置場', '品目名'];
const FILE = {
  name: FILE_NAME,
  mimeType: 'text/csv',
  buffer: sjis(
    stockCsv([
      HEADERS,
      ['E2E-MAP-A', 'tokyo', 8, 'C-02-03', '益子焼 マグ'],
      ['E2E-MAP-B', '東京本店', 4, 'C-02-04', '益子焼 小皿'],
      ['E2E-MAP-C', 'tokyo', 2, '', '益子焼 湯呑'],
    ]),
  ),
};
const MAPPING = '倉庫の棚卸表';
const COUNTS = '新しい商品 1件・変更 1件・変更なし 1件';

const stockRows = (chumon: Chumon) =>
  chumon.query<{ sku: string; on_hand: number; reserved: number; location: string }>(
    "SELECT sku, on_hand, reserved, location FROM stock WHERE sku LIKE 'E2E-MAP-%' AND store_id = 'tokyo' ORDER BY sku",
  );
/** The ledger of the file's SKUs (stockUp writes none), oldest first. */
const ledger = (chumon: Chumon) =>
  chumon.query<{ sku: string; kind: string; on_hand_before: number; on_hand_after: number }>(
    "SELECT sku, kind, on_hand_before, on_hand_after FROM stock_ledger WHERE sku LIKE 'E2E-MAP-%' ORDER BY id",
  );
const BEFORE = [
  { sku: 'E2E-MAP-A', on_hand: 5, reserved: 0, location: '' },
  { sku: 'E2E-MAP-C', on_hand: 2, reserved: 0, location: '' },
];

async function openImport(page: Page, screen: Locator): Promise<Locator> {
  await screen.getByRole('button', { name: '在庫データ取込' }).click();
  const dialog = page.getByRole('dialog', { name: '在庫データ取込' });
  await expect(dialog.getByRole('form', { name: '取り込む在庫ファイル' })).toBeVisible();
  return dialog;
}

/** The preview's first line: the file, how its columns were found, and what 取込 would do. */
const previewLine = (layout: string) =>
  `「${FILE_NAME}」（Shift_JIS・${layout}・3行）を棚卸（在庫数を置き換える）で取り込むと: ${COUNTS}・誤りのある行 0件`;

test('a clerk maps a stock file with unknown headers once: 戻る changes nothing, the saved mapping is used next time, 取込 updates 在庫数 and 棚番', async ({
  page,
  chumon,
}) => {
  const db = openStoreDb(chumon);
  addStores(db);
  stockUp(db, 'tokyo', { 'E2E-MAP-A': 5, 'E2E-MAP-C': 2 });
  db.close();
  await page.goto(chumon.url);
  await expect(page.getByRole('region', { name: '注文データなし' })).toBeVisible();

  const screen = await openStock(page);
  const dialog = await openImport(page, screen);
  const chooseForm = dialog.getByRole('form', { name: '取り込む在庫ファイル' });
  const mappingForm = dialog.getByRole('form', { name: '列の対応（マッピング）' });
  const fileInput = chooseForm.getByLabel('在庫ファイル（CSV・TSV）');

  // 1. 読込 with no file: the dialog says what is missing and stays on the file form.
  await chooseForm.getByRole('button', { name: '読込' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('取り込む在庫ファイル（CSV）を選んでください。');
  await expect(chooseForm).toBeVisible();

  // 2. A file whose headers Chumon does not know: the mapping form names it and lists its headers.
  await fileInput.setInputFiles(FILE);
  await chooseForm.getByRole('button', { name: '読込' }).click();
  await expect(mappingForm).toBeVisible();
  await expect(dialog.getByRole('alert')).toBeHidden();
  await expect(mappingForm.getByRole('status')).toHaveText(
    `「${FILE_NAME}」に商品コード（SKU）・在庫数の列が見つかりません。見出しと項目の対応（マッピング）を設定してください。`,
  );
  await expect(mappingForm).toContainText(`「${FILE_NAME}」の見出しを、在庫のどの項目に取り込むか選んでください。`);
  for (const field of ['商品コード（SKU）', '店舗', '在庫数', '棚番'])
    await expect(mappingForm.getByLabel(field).locator('option')).toHaveText(['（なし）', ...HEADERS]);

  // 3. 戻る: back to the file form; nothing was saved.
  await mappingForm.getByRole('button', { name: '戻る' }).click();
  await expect(chooseForm).toBeVisible();
  await expect(mappingForm).toBeHidden();
  expect(chumon.query('SELECT id FROM stock_mappings')).toEqual([]);

  // 4. The file again, mapped this time: saving the mapping reads the file into its preview.
  await fileInput.setInputFiles(FILE);
  await chooseForm.getByRole('button', { name: '読込' }).click();
  await expect(mappingForm).toBeVisible();
  await mappingForm.getByLabel('マッピング名').fill(MAPPING);
  await mappingForm.getByLabel('商品コード（SKU）').selectOption('品目コード');
  await mappingForm.getByLabel('店舗').selectOption('拠点');
  await mappingForm.getByLabel('在庫数').selectOption('実棚');
  await mappingForm.getByLabel('棚番').selectOption('置場');
  await mappingForm.getByRole('button', { name: 'マッピングを保存して読込' }).click();
  const summary = dialog.getByRole('status').filter({ hasText: '取り込むと' });
  await expect(summary).toHaveText(previewLine(`マッピング「${MAPPING}」`));
  await expect(mappingForm).toBeHidden();
  const lines = dialog.getByRole('table', { name: '取り込む行' });
  await expect(lines.getByRole('row')).toHaveText([
    '行店舗商品コード区分在庫数棚番',
    '2東京本店E2E-MAP-A変更5 → 8未設定 → C-02-03',
    '3東京本店E2E-MAP-B新規4C-02-04',
  ]);
  const saved = chumon.query<{ name: string; fields: string }>('SELECT name, fields FROM stock_mappings');
  expect(saved.map((m) => ({ name: m.name, fields: JSON.parse(m.fields) as unknown }))).toEqual([
    { name: MAPPING, fields: { sku: '品目コード', storeId: '拠点', quantity: '実棚', location: '置場' } },
  ]);

  // 5. 戻る from the preview: the stock and its ledger are as they were.
  await dialog.getByRole('button', { name: '戻る' }).click();
  await expect(chooseForm).toBeVisible();
  await expect(summary).toBeHidden();
  await expect(chooseForm.getByLabel('列の見つけ方')).toHaveValue(/^\d+$/);
  expect(stockRows(chumon)).toEqual(BEFORE);
  expect(ledger(chumon)).toEqual([]);

  // 6. Another day: the dialog opened afresh finds columns by header name, and the saved
  // mapping fits this file's headers, so the preview comes without the mapping form.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(screen).toBeVisible();
  await openImport(page, screen);
  const findBy = chooseForm.getByLabel('列の見つけ方');
  await expect(findBy).toHaveValue('');
  await expect(findBy.locator('option')).toHaveText([
    '見出し名で自動判別（商品コード・在庫数・店舗・棚番・商品名・JAN）',
    `マッピング: ${MAPPING}`,
  ]);
  await fileInput.setInputFiles(FILE);
  await chooseForm.getByRole('button', { name: '読込' }).click();
  await expect(summary).toHaveText(previewLine(`マッピング「${MAPPING}」`));
  await expect(mappingForm).toHaveCount(0);
  expect(stockRows(chumon)).toEqual(BEFORE);

  await dialog.getByRole('button', { name: '取込' }).click();
  await expect(dialog).toBeHidden();
  await expect(screen.getByRole('status').filter({ hasText: '在庫データを取り込みました' })).toHaveText(
    `在庫データを取り込みました: ${COUNTS}`,
  );
  for (const [sku, onHand, location] of [
    ['E2E-MAP-A', '8', 'C-02-03'],
    ['E2E-MAP-B', '4', 'C-02-04'],
  ]) {
    const row = await gridRow(screen, sku!);
    await expect(row.locator('[col-id=onHand]')).toHaveText(onHand!);
    await expect(row.locator('[col-id=location]')).toHaveText(location!);
  }
  expect(stockRows(chumon)).toEqual([
    { sku: 'E2E-MAP-A', on_hand: 8, reserved: 0, location: 'C-02-03' },
    { sku: 'E2E-MAP-B', on_hand: 4, reserved: 0, location: 'C-02-04' },
    { sku: 'E2E-MAP-C', on_hand: 2, reserved: 0, location: '' },
  ]);
  expect(ledger(chumon).map((l) => [l.sku, l.kind, l.on_hand_before, l.on_hand_after])).toEqual([
    ['E2E-MAP-A', 'count', 5, 8],
    ['E2E-MAP-B', 'count', 0, 4],
  ]);
});
