import type { Locator, Page } from '@playwright/test';
import { sjis } from '../helpers/order-files.js';
import { stockCsv } from '../helpers/stock.js';
import { check, insertTopOrders, line, openStoreDb, openTab } from './day-data.js';
import { expect, test, type Chumon } from './fixtures.js';
import { gridRow, openStock } from './stock-screen.js';

const stockRow = (chumon: Chumon, sku: string) =>
  chumon.query<{ on_hand: number; reserved: number; location: string }>(
    "SELECT on_hand, reserved, location FROM stock WHERE sku = ? AND store_id = 'tokyo'",
    sku,
  )[0];
const ledger = (chumon: Chumon, sku: string) =>
  chumon.query<{
    kind: string;
    on_hand_after: number;
    reserved_after: number;
    order_no: string | null;
    reason: string;
  }>(
    "SELECT kind, on_hand_after, reserved_after, order_no, reason FROM stock_ledger WHERE sku = ? AND store_id = 'tokyo' ORDER BY id",
    sku,
  );
const status = (chumon: Chumon, no: string) =>
  chumon.query<{ status: string }>('SELECT status FROM orders WHERE order_no = ?', no)[0]!.status;

async function importStock(
  page: Page,
  screen: Locator,
  mode: RegExp,
  rows: (string | number)[][],
  store?: string,
): Promise<Locator> {
  await screen.getByRole('button', { name: '在庫データ取込' }).click();
  const dialog = page.getByRole('dialog', { name: '在庫データ取込' });
  await dialog
    .getByLabel('在庫ファイル（CSV・TSV）')
    .setInputFiles({ name: 'zaiko.csv', mimeType: 'text/csv', buffer: sjis(stockCsv(rows)) });
  await dialog.getByRole('radio', { name: mode }).check();
  if (store) await dialog.getByLabel('店舗の列がない行の店舗').selectOption({ label: store });
  await dialog.getByRole('button', { name: '読込' }).click();
  return dialog;
}

test('a clerk keeps stock: 棚卸 with a bad line, adjustment, F11, 入荷 releasing 欠品あり, shipping and cancelling', async ({
  page,
  chumon,
}) => {
  const db = openStoreDb(chumon);
  insertTopOrders(db, [
    { order: { orderNo: 'E2E-ST-SHIP', paymentMethod: 'credit_card', items: [line('E2E-SKU-A', 2)] } },
    { order: { orderNo: 'E2E-ST-CXL', paymentMethod: 'bank_transfer', items: [line('E2E-SKU-A', 1)] } },
    { order: { orderNo: 'E2E-ST-SHORT', paymentMethod: 'bank_transfer', items: [line('E2E-SKU-B', 3)] } },
  ]);
  db.close();
  await page.goto(chumon.url);
  await page.locator('[role=row][row-index="0"]').first().waitFor();

  // 棚卸 with one bad line: nothing applies until the clerk chooses to leave it out.
  let screen = await openStock(page);
  const count = await importStock(page, screen, /棚卸/, [
    ['商品コード', '店舗', '在庫数', '棚番', '商品名'],
    ['E2E-SKU-A', 'tokyo', 3, 'A-01-01', 'テスト商品 A'],
    ['E2E-SKU-B', '東京本店', 1, 'B-01-01', 'テスト商品 B'],
    ['E2E-SKU-C', 'tokyo', -2, '', 'テスト商品 C'],
  ]);
  await expect(count.getByRole('table', { name: '誤りのある行' })).toContainText(
    '4E2E-SKU-C在庫数がマイナスです（-2）。',
  );
  const commit = count.getByRole('button', { name: '取込' });
  await expect(commit).toBeDisabled();
  expect(stockRow(chumon, 'E2E-SKU-A')).toBeUndefined();
  await count.getByLabel('誤りのある1行を除いて取り込む').check();
  await commit.click();
  await expect(count).toBeHidden();
  await expect(screen.getByRole('status').filter({ hasText: '新しい商品 2件' })).toBeVisible();
  expect(stockRow(chumon, 'E2E-SKU-A')).toEqual({ on_hand: 3, reserved: 0, location: 'A-01-01' });
  expect(stockRow(chumon, 'E2E-SKU-C')).toBeUndefined();

  // Adjustment by hand, with its reason in the ledger shown beside the list.
  let row = await gridRow(screen, 'e2e-sku-a');
  // The grid may still be redrawing the filter's rows: a click on a row it replaces opens
  // nothing, and the clerk clicks again — as the test does until the ledger panel opens.
  const adjustButton = screen.getByRole('button', { name: '調整' });
  await expect(async () => {
    await row.click();
    await expect(adjustButton).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await adjustButton.click();
  const adjust = page.getByRole('dialog', { name: '在庫の調整 E2E-SKU-A' });
  await adjust.getByLabel('在庫数').fill('4');
  await adjust.getByLabel('理由（必須）').fill('棚卸差異');
  await adjust.getByLabel('理由（必須）').press('Enter');
  await expect(adjust).toBeHidden();
  await expect(screen.getByRole('button', { name: '調整' })).toBeFocused();
  expect(stockRow(chumon, 'E2E-SKU-A')).toMatchObject({ on_hand: 4, reserved: 0 });
  await expect(screen.getByRole('table', { name: '在庫履歴' }).getByRole('row').nth(1)).toContainText('手動調整');
  await expect(screen.getByRole('table', { name: '在庫履歴' })).toContainText('棚卸差異');
  await page.keyboard.press('Escape');
  await expect(screen).toBeHidden();

  // F11 on the three orders: two reserve SKU-A, the third is short of SKU-B and registered.
  for (const no of ['E2E-ST-SHIP', 'E2E-ST-CXL', 'E2E-ST-SHORT']) await check(page, no);
  await page.keyboard.press('F11');
  const shortage = page.getByRole('dialog', { name: '欠品登録', exact: true });
  await shortage.getByRole('button', { name: '欠品登録する' }).click();
  await expect(shortage).toBeHidden();
  expect(['E2E-ST-SHIP', 'E2E-ST-CXL', 'E2E-ST-SHORT'].map((no) => status(chumon, no))).toEqual([
    'paid',
    'stock_confirmed',
    'out_of_stock',
  ]);
  expect(stockRow(chumon, 'E2E-SKU-A')).toMatchObject({ on_hand: 4, reserved: 3 });

  // 入荷 of SKU-B covers the 欠品あり order: offered, and one F11 reserves it.
  screen = await openStock(page);
  // This file has no 店舗 column: the clerk says which store it is for.
  const receive = await importStock(
    page,
    screen,
    /入荷/,
    [
      ['商品コード', '在庫数'],
      ['E2E-SKU-B', 2],
    ],
    '東京本店',
  );
  await expect(receive.getByRole('table', { name: '取り込む行' })).toContainText('1 → 3');
  await receive.getByRole('button', { name: '取込' }).click();
  const offer = page.getByRole('dialog', { name: '引当できる欠品あり注文' });
  await expect(offer.getByRole('table')).toContainText('E2E-ST-SHORT');
  await offer.getByRole('button', { name: '1件を在庫確認（F11）する' }).click();
  await expect(offer).toBeHidden();
  await expect(screen.getByRole('status').filter({ hasText: '1件の在庫を引き当てました' })).toBeVisible();
  expect(status(chumon, 'E2E-ST-SHORT')).toBe('stock_confirmed');
  expect(stockRow(chumon, 'E2E-SKU-B')).toMatchObject({ on_hand: 3, reserved: 3 });
  await expect(screen.getByRole('button', { name: '在庫データ取込' })).toBeFocused();
  await page.keyboard.press('Escape');

  // Ship one: 在庫数 falls with the parcel.
  const bar = page.getByRole('toolbar', { name: '処理' });
  await openTab(page, '入金済');
  await check(page, 'E2E-ST-SHIP');
  await bar.getByRole('button', { name: '送り状番号登録' }).click();
  const labels = page.getByRole('dialog', { name: '送り状番号登録' });
  await labels.getByLabel('送り状番号 E2E-ST-SHIP').fill('246813579000');
  await labels.getByRole('button', { name: '登録' }).click();
  await expect(labels).toBeHidden();
  await openTab(page, '出荷待ち');
  await check(page, 'E2E-ST-SHIP');
  await bar.getByRole('button', { name: '出荷確定', exact: true }).click();
  await page.getByRole('dialog', { name: '出荷確定' }).getByRole('button', { name: '出荷確定する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '出荷確定: 1件を処理しました' })).toBeVisible();
  expect(stockRow(chumon, 'E2E-SKU-A')).toMatchObject({ on_hand: 2, reserved: 1 });
  screen = await openStock(page);
  row = await gridRow(screen, 'E2E-SKU-A');
  await expect(row.locator('[col-id=onHand]')).toHaveText('2');
  await expect(row.locator('[col-id=reserved]')).toHaveText('1');
  await page.keyboard.press('Escape');

  // Cancel one: 引当数 falls, the unit is free again.
  await openTab(page, '在庫確認済');
  await check(page, 'E2E-ST-CXL');
  await bar.getByRole('button', { name: '注文取消' }).click();
  const cancel = page.getByRole('dialog', { name: '注文取消' });
  await cancel.getByLabel('取消理由（必須）').fill('お客様都合');
  await cancel.getByRole('button', { name: '取消する' }).click();
  await expect(cancel).toBeHidden();
  expect(stockRow(chumon, 'E2E-SKU-A')).toMatchObject({ on_hand: 2, reserved: 0 });
  screen = await openStock(page);
  row = await gridRow(screen, 'E2E-SKU-A');
  await expect(row.locator('[col-id=reserved]')).toHaveText('0');
  await expect(row.locator('[col-id=available]')).toHaveText('2');
  expect(ledger(chumon, 'E2E-SKU-A').map((l) => [l.kind, l.on_hand_after, l.reserved_after, l.order_no])).toEqual([
    ['count', 3, 0, null],
    ['adjust', 4, 0, null],
    ['reserve', 4, 1, 'E2E-ST-CXL'],
    ['reserve', 4, 3, 'E2E-ST-SHIP'],
    ['consume', 2, 1, 'E2E-ST-SHIP'],
    ['release', 2, 0, 'E2E-ST-CXL'],
  ]);
});
