import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { cellText, checkRow, gridCell } from './day-data.js';

async function openMaster(page: Page) {
  await expect(page.getByRole('grid').first()).toBeVisible();
  await page.getByRole('button', { name: 'サブステータス管理' }).click();
  const dialog = page.getByRole('dialog', { name: '注文サブステータス管理マスタメンテナンス' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('adds, renames, recolours and reorders sub-statuses of a main status, recording each change for sync', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  const dialog = await openMaster(page);
  await dialog.getByRole('tab', { name: /^入金済/ }).click();
  const table = dialog.getByRole('table', { name: 'サブステータス一覧' });
  await expect(table.getByRole('textbox', { name: /^名前 / })).toHaveCount(1);

  await dialog.getByLabel('新しいサブステータス名').fill('ギフト包装');
  await dialog.getByLabel('色', { exact: true }).fill('#aa3300');
  await dialog.getByRole('button', { name: '追加' }).click();
  await expect(dialog.getByRole('status')).toHaveText('「ギフト包装」を「入金済」に追加しました。');
  await expect(table.getByLabel('名前 ギフト包装')).toHaveValue('ギフト包装');
  const added = chumon.query<{ id: number; color: string }>(
    "SELECT id, color FROM sub_statuses WHERE main_status = 'paid' AND name = 'ギフト包装'",
  );
  expect(added).toEqual([{ id: expect.any(Number), color: '#aa3300' }]);

  // The same name again is refused, and nothing is added.
  await dialog.getByLabel('新しいサブステータス名').fill('ギフト包装');
  await dialog.getByRole('button', { name: '追加' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    '「入金済」には「ギフト包装」がすでにあります。別の名前にしてください。',
  );
  expect(chumon.query<{ n: number }>("SELECT count(*) AS n FROM sub_statuses WHERE name = 'ギフト包装'")[0]!.n).toBe(1);

  await table.getByLabel('名前 ギフト包装').fill('のし・ギフト包装');
  await table.getByLabel('色 ギフト包装').fill('#2255aa');
  await table.getByRole('button', { name: '保存 ギフト包装' }).click();
  await expect(table.getByLabel('名前 のし・ギフト包装')).toBeVisible();

  await table.getByRole('button', { name: '上へ のし・ギフト包装' }).click();
  await expect(table.getByRole('textbox', { name: /^名前 / }).first()).toHaveValue('のし・ギフト包装');
  const paid = chumon.query<{ name: string }>(
    "SELECT name FROM sub_statuses WHERE main_status = 'paid' ORDER BY sort_order, id",
  );
  expect(paid.map((r) => r.name)).toEqual(['のし・ギフト包装', '梱包中']);

  expect(chumon.query<{ kind: string }>('SELECT kind FROM master_history ORDER BY id').map((r) => r.kind)).toEqual([
    'add',
    'rename',
    'color',
    'reorder',
    'reorder',
  ]);
  const outbox = chumon.query<{ entity: string; kind: string }>(
    "SELECT entity, kind FROM sync_outbox WHERE entity = 'sub_status' ORDER BY seq",
  );
  expect(outbox.map((r) => r.kind)).toEqual(['add', 'rename', 'color', 'reorder', 'reorder']);
});

test('a retired sub-status stays on its orders, in their colour, but is no longer offered', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  // Give the first 新規 order the sub-status 予約商品 through E10.
  const orderNo = await cellText(page, 0, 'orderNo');
  await checkRow(page, 0);
  await page.keyboard.press('F4');
  await page.getByRole('menuitem', { name: /サブステータス一括変更/ }).click();
  const bulk = page.getByRole('dialog', { name: 'サブステータス一括変更' });
  await bulk.getByLabel('サブステータス').selectOption({ label: '予約商品' });
  await bulk.getByRole('button', { name: '変更する' }).click();
  await expect(gridCell(page, 0, 'subStatus')).toHaveText('予約商品');

  const dialog = await openMaster(page);
  const table = dialog.getByRole('table', { name: 'サブステータス一覧' });
  await expect(table.getByRole('row', { name: /予約商品/ })).toContainText('1件');
  await table.getByRole('button', { name: '廃止 予約商品' }).click();
  await expect(dialog.getByRole('status')).toContainText('「予約商品」を廃止しました。');
  await expect(table.getByRole('row', { name: /予約商品/ })).toContainText('廃止');
  expect(
    chumon.query<{ r: string | null }>("SELECT retired_at AS r FROM sub_statuses WHERE name = '予約商品'")[0]!.r,
  ).not.toBeNull();
  await page.keyboard.press('Escape');

  await expect(gridCell(page, 0, 'orderNo')).toHaveText(orderNo);
  await expect(gridCell(page, 0, 'subStatus')).toHaveText('予約商品（廃止）');
  const color = chumon.query<{ color: string }>("SELECT color FROM sub_statuses WHERE name = '予約商品'")[0]!.color;
  await expect(gridCell(page, 0, 'subStatus').locator('.sub-status')).toHaveAttribute('data-color', color);
  expect(
    chumon.query<{ name: string }>(
      'SELECT s.name FROM orders o JOIN sub_statuses s ON s.id = o.sub_status_id WHERE o.order_no = ?',
      orderNo,
    )[0]!.name,
  ).toBe('予約商品');

  await checkRow(page, 1);
  await page.keyboard.press('F4');
  await page.getByRole('menuitem', { name: /サブステータス一括変更/ }).click();
  const options = await page
    .getByRole('dialog', { name: 'サブステータス一括変更' })
    .getByLabel('サブステータス')
    .locator('option')
    .allTextContents();
  expect(options).toContain('要確認');
  expect(options).not.toContain('予約商品');
});
