import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { cellText, gridCell, openTab } from './day-data.js';

test.use({ seedOrders: 1500 });

const header = (page: Page, col: string) => page.locator(`.ag-header-cell[col-id=${col}]`);
const headerIds = (page: Page) =>
  page.locator('.ag-header-cell').evaluateAll((els) => els.map((e) => e.getAttribute('col-id')));

test('メール未送信 and 催促対象 say why each row is there; other tabs do not add the columns', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await openTab(page, '新規');
  expect(await headerIds(page)).not.toContain('mailPending');

  await openTab(page, 'メール未送信');
  await expect(header(page, 'status')).toHaveText('メインステータス');
  await expect(header(page, 'mailPending')).toHaveText('未送信のメール');
  const orderNo = await cellText(page, 0, 'orderNo');
  const [first] = chumon.query<{ status: string }>('SELECT status FROM orders WHERE order_no = ?', orderNo);
  const expected = {
    stock_confirmed: ['在庫確認済', '在庫確認メール'],
    paid: ['入金済', '入金確認メール'],
    shipped: ['出荷済', '発送完了メール'],
  }[first!.status];
  expect(expected, `status ${first!.status} in メール未送信`).toBeDefined();
  await expect(gridCell(page, 0, 'status')).toHaveText(expected![0]!);
  await expect(gridCell(page, 0, 'mailPending')).toHaveText(expected![1]!);

  await openTab(page, '催促対象');
  await expect(header(page, 'reminder')).toHaveText('催促の理由');
  await expect(gridCell(page, 0, 'reminder')).toHaveText(/^(未入金|オーダーフォーム未入力)（\d+日超過）/);
  expect(await headerIds(page)).not.toContain('mailPending');
});

test('the columns fill the grid; double-clicking a column edge fits it to its content', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  await openTab(page, '新規');
  const gridWidth = await page.locator('.ag-grid-viewport').evaluate((e) => e.clientWidth);
  const widths = await page
    .locator('.ag-header-cell')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  expect(Math.abs(widths.reduce((a, b) => a + b, 0) - gridWidth)).toBeLessThan(3);

  // 注文番号 narrowed by the clerk cuts the numbers off; a double-click on its edge fits them.
  const orderNo = header(page, 'orderNo');
  const edge = orderNo.locator('.ag-header-cell-resize');
  const box = (await edge.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x - 120, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  const clipped = () =>
    gridCell(page, 0, 'orderNo').evaluate((e) => {
      const text = e.querySelector('.ag-cell-value') ?? e;
      return text.scrollWidth > text.clientWidth;
    });
  await expect.poll(clipped).toBe(true);
  await edge.dblclick();
  await expect.poll(clipped).toBe(false);
});

test('表示する列 shows the optional columns from the keyboard and the list keeps them', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  await openTab(page, '入金済');
  await page.getByRole('button', { name: '表示する列' }).click();
  const dialog = page.getByRole('dialog', { name: '表示する列' });
  await expect(dialog.getByRole('checkbox', { name: 'メインステータス' })).toBeFocused();
  await dialog.getByRole('checkbox', { name: 'オーダーフォーム' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(header(page, 'orderForm')).toHaveText('オーダーフォーム');
  await expect(gridCell(page, 0, 'orderForm')).toHaveText(/^(入力済|未入力)$/);

  await page.reload();
  await openTab(page, '入金済');
  await expect(header(page, 'orderForm')).toBeVisible();
  await openTab(page, '新規');
  await expect(header(page, 'orderForm')).toHaveCount(0);
});

test('a buyer whose personal data was deleted shows （個人情報削除済み） and is not in メール未送信', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  // Browser mode purges the demo's Amazon orders shipped over 30 days ago as it starts.
  await expect
    .poll(() => chumon.query<{ n: number }>('SELECT count(*) AS n FROM orders WHERE pii_purged_at IS NOT NULL')[0]!.n)
    .toBeGreaterThan(0);
  const [purged] = chumon.query<{ orderNo: string }>(
    'SELECT order_no AS orderNo FROM orders WHERE pii_purged_at IS NOT NULL ORDER BY id LIMIT 1',
  );
  expect(chumon.query('SELECT id FROM orders WHERE pii_purged_at IS NOT NULL AND mail_pending = 1')).toEqual([]);

  await expect(page.getByRole('grid').first()).toBeVisible();
  await page.keyboard.press('F5');
  const search = page.getByRole('dialog', { name: '注文検索' });
  await search.getByLabel('注文番号').fill(purged!.orderNo);
  await search.getByRole('button', { name: '検索' }).click();
  await expect(search).toBeHidden();
  await expect(gridCell(page, 0, 'orderNo')).toHaveText(purged!.orderNo);
  await expect(gridCell(page, 0, 'buyerName')).toHaveText('（個人情報削除済み）');
  await page.keyboard.press('F12');
  const detail = page.getByRole('dialog', { name: new RegExp(`^注文詳細 ${purged!.orderNo}`) });
  const facts = detail.locator('dl.facts');
  await expect(facts.first()).toContainText('（個人情報削除済み）');
  await expect(facts.first()).not.toContainText('〒');
  await expect(facts.first()).toContainText(/オーダーフォーム(入力済|未入力)/);
  await expect(detail.getByRole('table', { name: '履歴' })).toContainText('個人情報削除');
});
