import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, tabCount, test, type Chumon } from './fixtures.js';
import { cellText, checkRow, gridCell, openMenuItem, openTab } from './day-data.js';

test.use({ seedOrders: 1500 });

const grid = (page: Page) => page.getByRole('grid').first();
const selected = (page: Page) => page.locator('.selected-count');
/** The settings file browser mode keeps in its data folder (conf). */
const settingsOf = (chumon: Chumon) =>
  JSON.parse(readFileSync(path.join(chumon.dataDir, 'settings.json'), 'utf8')) as {
    ui?: { grids?: Record<string, { colId: string; sort?: string; width?: number }[]> };
  };

async function search(page: Page, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  // The keys work once the screen is up (the grid shows).
  await expect(grid(page)).toBeVisible();
  await page.keyboard.press('F5');
  const dialog = page.getByRole('dialog', { name: '注文検索' });
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await dialog.getByRole('button', { name: '検索' }).click();
  await expect(dialog).toBeHidden();
  // The total arrives with the first page of rows.
  await expect(page.getByTestId('list-title')).toHaveText(/^検索結果: [\d,]+件$/);
  return dialog;
}

const closeResult = (dialog: ReturnType<Page['getByRole']>) =>
  dialog.locator('.dialog-foot').getByRole('button', { name: '閉じる' }).click();

test('F5 finds buyers by a half-width kana fragment; F2 then checks only the result; E10 changes their sub-status', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  const newCount = await tabCount(page, '新規');
  const OPEN = "('new', 'stock_confirmed', 'out_of_stock', 'paid', 'awaiting_shipment')";
  const expected = chumon.query<{ id: number; status: string }>(
    `SELECT id, status FROM orders WHERE buyer_kana LIKE '%ヤマダ%' AND status IN ${OPEN}`,
  );
  expect(expected.length).toBeGreaterThan(0);

  await search(page, async (d) => {
    await d.getByLabel('購入者名・カナ').fill('ﾔﾏﾀﾞ');
    // Open orders only: the Amazon personal-data purge may blank shipped ones meanwhile.
    for (const status of ['新規', '在庫確認済', '欠品あり', '入金済', '出荷待ち']) {
      await d.getByRole('group', { name: 'メインステータス' }).getByLabel(status).check();
    }
  });
  await expect(page.getByTestId('list-title')).toHaveText(`検索結果: ${expected.length.toLocaleString('ja-JP')}件`);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(expected.length + 1));
  const firstNo = await cellText(page, 0, 'orderNo');
  expect(
    chumon.query<{ kana: string }>('SELECT buyer_kana AS kana FROM orders WHERE order_no = ?', firstNo)[0]!.kana,
  ).toContain('ヤマダ');
  // No tab is current while a search result is shown, and the counts stay.
  await expect(page.getByRole('tab', { selected: true })).toHaveCount(0);
  expect(await tabCount(page, '新規')).toBe(newCount);

  await page.keyboard.press('F2');
  await expect(selected(page)).toHaveText(`検索結果：${expected.length.toLocaleString('ja-JP')}件選択中`);

  await openMenuItem(page, /サブステータス一括変更/);
  const bulk = page.getByRole('dialog', { name: 'サブステータス一括変更' });
  await bulk.getByLabel('サブステータス').selectOption({ label: '要確認' });
  await bulk.getByRole('button', { name: '変更する' }).click();

  const subId = chumon.query<{ id: number }>(
    "SELECT id FROM sub_statuses WHERE main_status = 'new' AND name = '要確認'",
  )[0]!.id;
  const fresh = expected.filter((o) => o.status === 'new');
  const others = expected.filter((o) => o.status !== 'new');
  const summary = `${fresh.length.toLocaleString('ja-JP')}件を変更しました / ${others.length.toLocaleString('ja-JP')}件は変更できませんでした`;
  const result = page.getByRole('dialog', { name: 'サブステータス一括変更の結果' });
  await expect(result.getByRole('status')).toHaveText(summary);
  await expect(result.getByRole('table', { name: '処理できなかった注文' }).getByRole('row')).toHaveCount(
    others.length + 1,
  );
  await expect(result.getByText(/は「新規」の注文用です/).first()).toBeVisible();
  const after = new Map(
    chumon
      .query<{ id: number; sub: number | null }>(
        `SELECT id, sub_status_id AS sub FROM orders WHERE id IN (${expected.map((o) => o.id).join(',')})`,
      )
      .map((o) => [o.id, o.sub]),
  );
  expect(fresh.every((o) => after.get(o.id) === subId)).toBe(true);
  expect(others.every((o) => after.get(o.id) !== subId)).toBe(true);
  expect(chumon.query<{ n: number }>("SELECT count(*) AS n FROM order_history WHERE kind = 'sub_status'")[0]!.n).toBe(
    fresh.length,
  );
  expect(chumon.query<{ n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE kind = 'sub_status'")[0]!.n).toBe(
    fresh.length,
  );
  await closeResult(result);
  // The refused orders stay checked, for the next step.
  await expect(selected(page)).toHaveText(`検索結果：${others.length.toLocaleString('ja-JP')}件選択中`);

  await page.getByRole('button', { name: '条件を解除' }).click();
  await expect(page.getByRole('tab', { name: /^新規\s/ })).toHaveAttribute('aria-selected', 'true');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(newCount + 1));
});

test('F5 remembers the last conditions across a restart of the screen, and refuses bad ones in place', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await search(page, async (d) => {
    await d.getByLabel('購入者名・カナ').fill('さとう');
    await d.getByRole('group', { name: 'メインステータス' }).getByLabel('新規').check();
    await d.getByLabel('金額（下限）').fill('１，０００');
  });
  const expected = chumon.query<{ n: number }>(
    "SELECT count(*) AS n FROM orders WHERE buyer_kana LIKE '%サトウ%' AND status = 'new' AND total >= 1000",
  )[0]!.n;
  await expect(page.getByTestId('list-title')).toHaveText(`検索結果: ${expected.toLocaleString('ja-JP')}件`);
  await expect(page.getByRole('region', { name: '表示中の一覧' })).toContainText('金額: ¥1,000〜');

  await page.reload();
  await expect(page.getByRole('tab', { name: /^新規\s/ })).toHaveAttribute('aria-selected', 'true');
  // The keys work once the screen has its masters and rows (the grid shows them).
  await page.locator('[role=row][row-index="0"]').first().waitFor();
  await page.keyboard.press('F5');
  const dialog = page.getByRole('dialog', { name: '注文検索' });
  await expect(dialog.getByLabel('購入者名・カナ')).toHaveValue('さとう');
  await expect(dialog.getByRole('group', { name: 'メインステータス' }).getByLabel('新規')).toBeChecked();
  await expect(dialog.getByLabel('金額（下限）')).toHaveValue('1000');

  await dialog.getByRole('button', { name: '条件をクリア' }).click();
  await dialog.getByLabel('住所').fill('丸');
  await dialog.getByRole('button', { name: '検索' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('住所は2文字以上で入力してください。');
  await dialog.getByLabel('住所').fill('');
  await dialog.getByLabel('注文日（から）').fill('2026-12-31');
  await dialog.getByLabel('注文日（まで）').fill('2026-01-01');
  await dialog.getByRole('button', { name: '検索' }).click();
  await expect(dialog.getByRole('alert')).toContainText('注文日の範囲');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The list is still the tab, and the remembered conditions are the good ones.
  await expect(page.getByRole('region', { name: '表示中の一覧' })).toHaveCount(0);
  await page.keyboard.press('F5');
  await expect(page.getByRole('dialog', { name: '注文検索' }).getByLabel('購入者名・カナ')).toHaveValue('さとう');
});

test('E2–E4 extract the commented and inquired orders of the tab; F2 and E1 act on the extraction', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  const newCount = await tabCount(page, '新規');
  const commented = chumon.query<{ n: number }>(
    "SELECT count(*) AS n FROM orders WHERE status = 'new' AND order_comment <> ''",
  )[0]!.n;
  const inquired = chumon.query<{ n: number }>(
    "SELECT count(*) AS n FROM orders WHERE status = 'new' AND mail_inquiry = 1",
  )[0]!.n;
  await openMenuItem(page, /注文時コメント対象抽出/);
  await expect(page.getByTestId('list-title')).toHaveText(
    `注文時コメント対象抽出（新規）: ${commented.toLocaleString('ja-JP')}件`,
  );
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(commented + 1));
  const orderNo = await cellText(page, 0, 'orderNo');
  expect(
    chumon.query<{ c: string }>('SELECT order_comment AS c FROM orders WHERE order_no = ?', orderNo)[0]!.c,
  ).not.toBe('');

  await checkRow(page, 0);
  await openMenuItem(page, /反転/);
  await expect(selected(page)).toHaveText(
    `注文時コメント対象抽出（新規）：${(commented - 1).toLocaleString('ja-JP')}件選択中`,
  );

  await openMenuItem(page, /メール問合せ者抽出/);
  await expect(page.getByTestId('list-title')).toHaveText(
    `メール問合せ者抽出（新規）: ${inquired.toLocaleString('ja-JP')}件`,
  );
  await expect(selected(page)).toHaveText('メール問合せ者抽出（新規）：0件選択中');
  await page.keyboard.press('F2');
  await expect(selected(page)).toHaveText(`メール問合せ者抽出（新規）：${inquired.toLocaleString('ja-JP')}件選択中`);
  await page.getByRole('button', { name: '抽出を解除' }).click();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(newCount + 1));
});

test('E5 assigns the shipping store, refusing shipped orders with the reason; E11 moves 新規 orders and the counts follow', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  const newCount = await tabCount(page, '新規');
  const first = await cellText(page, 0, 'orderNo');
  await checkRow(page, 0);
  await openMenuItem(page, /出荷店舗一括指定/);
  const dialog = page.getByRole('dialog', { name: '出荷店舗一括指定' });
  await dialog.getByLabel('出荷店舗').selectOption({ label: '福岡出荷センター' });
  await dialog.getByRole('button', { name: '変更する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '出荷店舗一括指定:' })).toContainText(
    /1件を変更しました|1件は変更なし/,
  );
  expect(chumon.query<{ s: string }>('SELECT store_id AS s FROM orders WHERE order_no = ?', first)[0]!.s).toBe(
    'fukuoka',
  );
  await expect(gridCell(page, 0, 'store')).toHaveText('福岡出荷センター');

  await openTab(page, '出荷済');
  const shipped = await cellText(page, 0, 'orderNo');
  const storeBefore = chumon.query<{ s: string | null }>(
    'SELECT store_id AS s FROM orders WHERE order_no = ?',
    shipped,
  )[0]!.s;
  await checkRow(page, 0);
  await openMenuItem(page, /出荷店舗一括指定/);
  await page.getByRole('dialog', { name: '出荷店舗一括指定' }).getByRole('button', { name: '変更する' }).click();
  const result = page.getByRole('dialog', { name: '出荷店舗一括指定の結果' });
  await expect(result.getByRole('row', { name: new RegExp(shipped) })).toContainText(
    '「出荷済」の注文は出荷店舗を変更できません。',
  );
  expect(chumon.query<{ s: string | null }>('SELECT store_id AS s FROM orders WHERE order_no = ?', shipped)[0]!.s).toBe(
    storeBefore,
  );
  await closeResult(result);

  await openTab(page, '新規');
  await checkRow(page, 0);
  await checkRow(page, 1);
  const moved = [await cellText(page, 0, 'orderNo'), await cellText(page, 1, 'orderNo')];
  await openMenuItem(page, /メインステータス一括変更/);
  const e11 = page.getByRole('dialog', { name: 'メインステータス一括変更' });
  await e11.getByLabel('変更後のメインステータス').selectOption({ label: '在庫確認済' });
  await e11.getByLabel('理由（履歴に残ります）').fill('E2Eで一括変更');
  await e11.getByRole('button', { name: '変更する' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'メインステータス一括変更:' })).toContainText(
    '2件を変更しました',
  );
  await expect.poll(() => tabCount(page, '新規')).toBe(newCount - 2);
  const after = chumon.query<{ status: string; pm: number }>(
    `SELECT o.status, p.needs_confirmation AS pm FROM orders o JOIN payment_methods p ON p.code = o.payment_method WHERE o.order_no IN (?, ?)`,
    ...moved,
  );
  for (const o of after) expect(o.status).toBe(o.pm ? 'stock_confirmed' : 'paid');
  expect(
    chumon.query<{ n: number }>("SELECT count(*) AS n FROM order_history WHERE reason = 'E2Eで一括変更'")[0]!.n,
  ).toBe(2);
});

test('E6 sets the rating of the row under the cursor; E7 refuses orders from other channels', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await search(page, (d) => d.getByRole('group', { name: 'チャネル' }).getByLabel('Yahoo!オークション').check());
  const orderNo = await cellText(page, 0, 'orderNo');
  await gridCell(page, 0, 'orderNo').click();
  await openMenuItem(page, /マウス選択行個別評価設定/);
  const dialog = page.getByRole('dialog', { name: 'マウス選択行個別評価設定' });
  await dialog.getByLabel('しない').check();
  await dialog.getByRole('button', { name: '変更する' }).click();
  await expect(dialog).toBeHidden();
  expect(chumon.query<{ r: number }>('SELECT buyer_rating AS r FROM orders WHERE order_no = ?', orderNo)[0]!.r).toBe(0);

  await page.getByRole('button', { name: '条件を解除' }).click();
  await search(page, async (d) => {
    // The dialog opens with the last conditions (Yahoo!オークション): start afresh.
    await d.getByRole('button', { name: '条件をクリア' }).click();
    await d.getByRole('group', { name: 'チャネル' }).getByLabel('Amazon').check();
  });
  const amazon = await cellText(page, 0, 'orderNo');
  await checkRow(page, 0);
  await openMenuItem(page, /選択チェック行一括評価設定/);
  await page
    .getByRole('dialog', { name: '選択チェック行一括評価設定' })
    .getByRole('button', { name: '変更する' })
    .click();
  const result = page.getByRole('dialog', { name: '選択チェック行一括評価設定の結果' });
  await expect(result.getByRole('row', { name: new RegExp(amazon) })).toContainText(
    '落札者評価はYahoo!オークションの注文だけに設定できます。',
  );
  expect(chumon.query<{ n: number }>("SELECT count(*) AS n FROM order_history WHERE kind = 'buyer_rating'")[0]!.n).toBe(
    1,
  );
});

test('the function-key bar follows the list and the selection; F4 lists its items by E-number', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await expect(gridCell(page, 0, 'orderNo')).toBeVisible();
  const f3 = page.getByRole('button', { name: /^F3/ });
  await expect(f3).toBeDisabled();
  await checkRow(page, 0);
  await expect(f3).toBeEnabled();
  await page.keyboard.press('F3');
  await expect(f3).toBeDisabled();
  await search(page, (d) => d.getByLabel('注文番号').fill('存在しない注文番号'));
  await expect(page.getByTestId('list-title')).toHaveText('検索結果: 0件');
  await expect(page.getByRole('button', { name: /^F2/ })).toBeDisabled();

  await page.keyboard.press('F4');
  const ids = await page.getByRole('menuitem').locator('.menu-id').allTextContents();
  expect(ids).toEqual([...ids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
  expect(ids).toEqual(expect.arrayContaining(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E10', 'E11']));
  expect(chumon.url).toContain('token=');
});

test('the grid remembers its sort and column widths per tab', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  await page.getByRole('tab', { name: /^出荷済\s/ }).click();
  await page.getByRole('columnheader', { name: '合計金額' }).click();
  await expect(page.getByRole('columnheader', { name: '合計金額' })).toHaveAttribute('aria-sort', 'ascending');
  const cheapest = chumon.query<{ total: number }>(
    "SELECT min(total) AS total FROM orders WHERE status = 'shipped'",
  )[0]!.total;
  await expect(gridCell(page, 0, 'total')).toHaveText(`¥${cheapest.toLocaleString('ja-JP')}`);
  await expect.poll(() => settingsOf(chumon).ui?.grids?.shipped?.find((c) => c.colId === 'total')?.sort).toBe('asc');

  // Widen 購入者 by dragging the edge of its header, as a clerk would.
  const buyerHeader = page.locator('.ag-header-cell[col-id=buyerName]');
  const before = (await buyerHeader.boundingBox())!;
  const edge = (await buyerHeader.locator('.ag-header-cell-resize').boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 + 80, edge.y + edge.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await buyerHeader.boundingBox())!.width).toBeGreaterThan(before.width + 60);
  await expect
    .poll(() => settingsOf(chumon).ui?.grids?.shipped?.find((c) => c.colId === 'buyerName')?.width ?? 0)
    .toBeGreaterThan(before.width + 60);

  await page.reload();
  await page.getByRole('tab', { name: /^出荷済\s/ }).click();
  await expect(page.getByRole('columnheader', { name: '合計金額' })).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(async () => (await buyerHeader.boundingBox())!.width).toBeGreaterThan(before.width + 60);
  await expect(gridCell(page, 0, 'total')).toHaveText(`¥${cheapest.toLocaleString('ja-JP')}`);
  // Another tab keeps its own arrangement.
  await page.getByRole('tab', { name: /^新規\s/ }).click();
  await expect(page.getByRole('columnheader', { name: '合計金額' })).not.toHaveAttribute('aria-sort', 'ascending');
});
