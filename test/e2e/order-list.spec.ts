import type { Route } from '@playwright/test';
import { STATUS_LABELS, MAIN_STATUSES } from '../../src-shared/domain/status.js';
import { expect, tabCount, test } from './fixtures.js';
import { cellText, checkRow, gridCell } from './day-data.js';

test('opens on 新規 with every tab counted as in the database, and switches tabs', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  await expect(page.getByRole('tab', { name: /^新規\s/ })).toHaveAttribute('aria-selected', 'true');
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveCount(9);

  const inDb = Object.fromEntries(
    chumon
      .query<{ status: string; n: number }>('SELECT status, count(*) AS n FROM orders GROUP BY status')
      .map((r) => [r.status, r.n]),
  );
  for (const status of MAIN_STATUSES) {
    expect(await tabCount(page, STATUS_LABELS[status]), STATUS_LABELS[status]).toBe(inDb[status] ?? 0);
  }
  const unsent = chumon.query<{ n: number }>('SELECT count(*) AS n FROM orders WHERE mail_due = 1')[0]!.n;
  expect(await tabCount(page, 'メール未送信')).toBe(unsent);

  // The grid shows the tab's orders: its row count is the tab's count (+1 header row).
  const grid = page.getByRole('grid').first();
  await expect(grid).toHaveAttribute('aria-rowcount', String((inDb.new ?? 0) + 1));

  await page.getByRole('tab', { name: /^出荷済\s/ }).click();
  await expect(page.getByRole('tab', { name: /^出荷済\s/ })).toHaveAttribute('aria-selected', 'true');
  await expect(grid).toHaveAttribute('aria-rowcount', String((inDb.shipped ?? 0) + 1));
  const firstOrderNo = await cellText(page, 0, 'orderNo');
  const status = chumon.query<{ status: string }>('SELECT status FROM orders WHERE order_no = ?', firstOrderNo)[0]!
    .status;
  expect(status).toBe('shipped');
});

test('F2 checks every order of the tab and F3 clears them', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  const newCount = await tabCount(page, '新規');
  await page.locator('[role=row][row-index="0"]').waitFor();
  await page.keyboard.press('F2');
  await expect(page.getByText(`新規：${newCount.toLocaleString('ja-JP')}件選択中`)).toBeVisible();
  await expect(page.locator('[role=row][row-index="0"] input[type=checkbox]')).toBeChecked();
  await page.getByRole('button', { name: /F3/ }).click();
  await expect(page.getByText('新規：0件選択中')).toBeVisible();
  await expect(page.locator('[role=row][row-index="0"] input[type=checkbox]')).not.toBeChecked();
  expect(chumon.url).toContain('token=');
});

test('F12 opens the detail of the row under the cursor', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  const orderNo = await cellText(page, 0, 'orderNo');
  await gridCell(page, 0, 'orderNo').click();
  await page.keyboard.press('F12');
  const dialog = page.getByRole('dialog', { name: `注文詳細 ${orderNo}`, exact: true });
  await expect(dialog).toBeVisible();
  const total = chumon.query<{ total: number }>('SELECT total FROM orders WHERE order_no = ?', orderNo)[0]!.total;
  await expect(dialog.getByTestId('detail-total')).toHaveText(`¥${total.toLocaleString('ja-JP')}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test.describe('an empty database', () => {
  test.use({ seedOrders: 0 });
  test('offers the demo data and loads it', async ({ page, chumon }) => {
    await page.goto(chumon.url);
    await page.getByRole('button', { name: 'デモデータを読み込む' }).click();
    await expect.poll(() => tabCount(page, '新規')).toBeGreaterThan(0);
    expect(chumon.query<{ n: number }>('SELECT count(*) AS n FROM orders')[0]!.n).toBe(2000);
  });
});

test('browser mode refuses requests without the token', async ({ request, chumon }) => {
  const origin = new URL(chumon.url).origin;
  const response = await request.post(`${origin}/api/orders:counts`, { data: {} });
  expect(response.status()).toBe(401);
});

test('F4 opens the extension menu; E1 反転 inverts the checked rows', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  const newCount = await tabCount(page, '新規');
  await checkRow(page, 0);
  await expect(page.getByText('新規：1件選択中')).toBeVisible();
  await page.keyboard.press('F4');
  const menu = page.getByRole('menu', { name: '拡張メニュー' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: /反転/ }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByText(`新規：${(newCount - 1).toLocaleString('ja-JP')}件選択中`)).toBeVisible();
  await expect(page.locator('[role=row][row-index="0"] input[type=checkbox]')).not.toBeChecked();
  await expect(page.locator('[role=row][row-index="1"] input[type=checkbox]')).toBeChecked();
  expect(chumon.query<{ n: number }>("SELECT count(*) AS n FROM orders WHERE status = 'new'")[0]!.n).toBe(newCount);
});

test.describe('a tab chosen while rows of the last one are still on their way', () => {
  test.use({ seedOrders: 3000 });

  test('shows its own rows: the late answers of the tab left neither show nor block it', async ({ page, chumon }) => {
    await page.goto(chumon.url);
    const shipped = page.getByRole('tab', { name: /^出荷済\s/ });
    await shipped.click();
    const firstRow = page.locator('[role=row][row-index="0"] [role=gridcell][col-id=orderNo]');
    await expect(firstRow).toBeVisible();
    expect(await tabCount(page, '出荷済')).toBeGreaterThan(1500);
    // The 出荷済 blocks asked for while scrolling down are held until the clerk has moved on.
    const held: Route[] = [];
    let holding = true;
    await page.route(/\/api\/orders(%3A|:)list$/, async (route) => {
      const input = route.request().postDataJSON() as { offset: number };
      if (holding && input.offset > 0) held.push(route);
      else await route.continue();
    });
    // The grid's viewport grows as it learns the tab's size: scrolled once it is tall enough.
    const scrollTo = (row: number) =>
      expect
        .poll(() =>
          page.evaluate((top) => {
            const viewport = [...document.querySelectorAll<HTMLElement>('#order-panel *')].find(
              (el) =>
                el.scrollHeight > top + el.clientHeight && ['auto', 'scroll'].includes(getComputedStyle(el).overflowY),
            );
            if (viewport) viewport.scrollTop = top;
            return Boolean(viewport);
          }, row * 30),
        )
        .toBe(true);
    await scrollTo(700);
    await expect.poll(() => held.length).toBeGreaterThanOrEqual(1);
    await scrollTo(1400);
    await expect.poll(() => held.length).toBeGreaterThanOrEqual(2);

    await page.getByRole('tab', { name: /^新規\s/ }).click();
    holding = false;
    for (const route of held.splice(0)) await route.continue();
    await expect(page.locator('#order-panel')).toHaveAttribute('aria-busy', 'false');
    await expect(firstRow).toHaveText(/\S/);
    const orderNo = await firstRow.textContent();
    expect(chumon.query<{ status: string }>('SELECT status FROM orders WHERE order_no = ?', orderNo)[0]!.status).toBe(
      'new',
    );
  });

  test('keeps the last rows on screen until its first rows are here, then shows only its own', async ({
    page,
    chumon,
  }) => {
    await page.goto(chumon.url);
    await page.getByRole('tab', { name: /^出荷済\s/ }).click();
    const cell = (row: number) => page.locator(`[role=row][row-index="${row}"] [role=gridcell][col-id=orderNo]`);
    await expect(cell(0)).toHaveText(/\S/);
    const statusOf = async (row: number) =>
      chumon.query<{ status: string }>('SELECT status FROM orders WHERE order_no = ?', await cell(row).textContent())[0]
        ?.status;
    // The 新規 tab's first block is held on its way.
    const held: Route[] = [];
    await page.route(/\/api\/orders(%3A|:)list$/, async (route) => {
      const input = route.request().postDataJSON() as { tab?: string; offset: number };
      if (input.tab === 'new' && input.offset === 0 && held.length === 0) held.push(route);
      else await route.continue();
    });
    await page.getByRole('tab', { name: /^新規\s/ }).click();
    await expect.poll(() => held.length).toBe(1);
    // Meanwhile the panel is busy and still shows the 出荷済 rows, not a screen of empty rows.
    await expect(page.locator('#order-panel')).toHaveAttribute('aria-busy', 'true');
    expect(await statusOf(0)).toBe('shipped');
    // Scrolled meanwhile past the block on screen, the old list's next rows are not filled in
    // with the new list's (which would also end the busy state before the first rows are here).
    await page.locator('#order-panel').evaluate((panel) => {
      const viewport = [...panel.querySelectorAll<HTMLElement>('*')].find(
        (el) => el.scrollHeight > el.clientHeight + 4500 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowY),
      );
      if (viewport) viewport.scrollTop = 4500;
    });
    await expect(page.locator('[role=row][row-index="150"]')).toBeAttached();
    await page.waitForTimeout(300);
    await expect(page.locator('#order-panel')).toHaveAttribute('aria-busy', 'true');
    await held[0]!.continue();
    await expect(page.locator('#order-panel')).toHaveAttribute('aria-busy', 'false');
    await expect(cell(0)).toHaveText(/\S/);
    expect(await statusOf(0)).toBe('new');
    await expect(cell(1)).toHaveText(/\S/);
    expect(await statusOf(1)).toBe('new');
  });
});
