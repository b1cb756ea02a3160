import type { Request } from '@playwright/test';
import { expect, tabCount, test } from './fixtures.js';
import { TOKEN_HEADER } from '../../src-shared/api/http.js';
import { openMenuItem, openTab } from './day-data.js';

// ~70% of demo orders are 出荷済: the tab holds over 10,000. The start-up purge has nothing
// to do (it would send a change event of its own in the middle of the count).
test.use({ seedOrders: 15_000, purgedBeforeStart: true });

const isCountsCall = (request: Request) => /\/api\/orders(:|%3A)counts$/.test(request.url());

test('the list reads its counts again once per change, on the change event: a bulk change of 10,000+ orders refreshes once', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await openTab(page, '出荷済');
  const shipped = await tabCount(page, '出荷済');
  expect(shipped).toBeGreaterThanOrEqual(10_000);
  const unrated = chumon.query<{ n: number }>(
    "SELECT count(*) AS n FROM orders WHERE status = 'shipped' AND channel = 'yahoo_auction' AND buyer_rating IS NOT 1",
  )[0]!.n;
  const rating = unrated > 0 ? 'する' : 'しない';

  const counts: Request[] = [];
  page.on('request', (request) => {
    if (isCountsCall(request)) counts.push(request);
  });
  await page.keyboard.press('F2');
  await expect(page.locator('.selected-count')).toHaveText(`出荷済：${shipped.toLocaleString('ja-JP')}件選択中`);
  expect(counts).toHaveLength(0);

  await openMenuItem(page, /選択チェック行一括評価設定/);
  const dialog = page.getByRole('dialog', { name: '選択チェック行一括評価設定' });
  await dialog.getByLabel(rating).check();
  const firstRefresh = page.waitForResponse((response) => isCountsCall(response.request()));
  await dialog.getByRole('button', { name: '変更する' }).click();
  await expect(page.getByRole('dialog', { name: '選択チェック行一括評価設定の結果' })).toBeVisible();
  await firstRefresh;
  await page.keyboard.press('Escape');

  // A second, one-order change as a fence: its refresh comes after anything the first one caused.
  // It is sent straight to the app's contract, for an order chosen here, so nothing on screen
  // (a row the grid redraws under the pointer) can make it land on another order and be refused.
  const fence = chumon.query<{ id: number }>(
    "SELECT id FROM orders WHERE status = 'shipped' AND channel = 'yahoo_auction' ORDER BY id LIMIT 1",
  )[0]!;
  const fenceRefresh = page.waitForResponse((response) => isCountsCall(response.request()));
  const answer = await page.evaluate(
    async ({ orderIds, rating, header }) => {
      const response = await fetch('./api/bulk%3AsetRating', {
        method: 'POST',
        headers: { [header]: sessionStorage.getItem('chumon.token') ?? '', 'Content-Type': 'application/json' },
        body: JSON.stringify({ orderIds, rating }),
      });
      return (await response.json()) as { ok: boolean };
    },
    { orderIds: [fence.id], rating: rating !== 'する', header: TOKEN_HEADER },
  );
  expect(answer.ok).toBe(true);
  await fenceRefresh;
  expect(counts).toHaveLength(2);
});
