import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/**
 * Holds the screen's masters (sub-statuses, stores, ...) on their way in, as a slow PC at
 * start-up would: the list screen is not ready until they arrive. Returns the release.
 */
async function holdMasters(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route(/\/api\/app(%3A|:)masters$/, async (route) => {
    if (!held) {
      held = true;
      await released;
    }
    await route.continue();
  });
  return release;
}

test('a function key pressed while the screen is still loading is kept, said so, and run once it is ready', async ({
  page,
  chumon,
}) => {
  const release = await holdMasters(page);
  await page.goto(chumon.url);
  await expect(page.getByRole('navigation', { name: 'ファンクションキー' })).toBeVisible();
  await page.keyboard.press('F5');
  await expect(page.getByRole('status').filter({ hasText: '画面の準備中です' })).toContainText('F5 注文検索');
  await expect(page.getByRole('dialog', { name: '注文検索' })).toHaveCount(0);

  release();
  await expect(page.getByRole('dialog', { name: '注文検索' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '画面の準備中です' })).toHaveCount(0);
});

test('a key clicked before the screen is ready that then does not apply says why instead of vanishing', async ({
  page,
  chumon,
}) => {
  const statusChanges = () =>
    chumon.query<{ n: number }>("SELECT count(*) AS n FROM order_history WHERE kind = 'status'")[0]!.n;
  const before = statusChanges();
  const release = await holdMasters(page);
  await page.goto(chumon.url);
  // F11 在庫確認 works on checked orders; nothing can be checked yet.
  await page.getByRole('button', { name: /F11/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '画面の準備中です' })).toContainText('F11 在庫確認');
  release();
  await expect(page.getByRole('status').filter({ hasText: 'F11 在庫確認' })).toContainText(
    'いまの一覧と選択では使えません',
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(statusChanges()).toBe(before);
});
