import { insertTopOrders, line, openStoreDb } from './day-data.js';
import { expect, test } from './fixtures.js';

test.use({ seedOrders: 20 });

/** The page calls ./api/<method> with the method URI-encoded. */
const DETAIL_GET = /\/api\/detail(%3A|:)get$/;

/**
 * Values no screen can read — a date that is no date (from a server that once stored what
 * PCs sent), a bidi override in a name, an answer missing its parts — show as
 * 「表示できない値」 or a visible mark; the app never goes blank.
 */
test('a date that is no date, a bidi override and a broken answer never blank the screen', async ({ page, chumon }) => {
  const db = openStoreDb(chumon);
  const [id] = insertTopOrders(db, [
    {
      order: {
        orderNo: 'BAD-DATE-1',
        buyer: { name: '\u202e太郎 山田', kana: '', email: '', phone: '' },
        items: [line('MG-1', 1)],
      },
    },
  ]);
  db.prepare('UPDATE orders SET ordered_at = ?, shipped_at = ? WHERE id = ?').run(
    'x'.repeat(40),
    '9999-99-99T99:99',
    id,
  );
  db.prepare(
    `INSERT INTO order_history (order_id, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
     VALUES (?, ?, '他店', 'osaka', 'PC', 'status', 'new', 'shipped', '')`,
  ).run(id, 'x'.repeat(40));
  db.close();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(chumon.url);
  const row = page.locator('[role=row][row-index="0"]');
  await expect(row.locator('[col-id=orderNo]')).toHaveText('BAD-DATE-1');
  await expect(row.locator('[col-id=orderedAt]')).toHaveText('表示できない値');
  await expect(row.locator('[col-id=buyerName]')).toHaveText('〔U+202E〕太郎 山田');

  await row.locator('[col-id=orderNo]').click();
  await page.keyboard.press('F12');
  const detail = page.getByRole('dialog', { name: '注文詳細 BAD-DATE-1' });
  await expect(detail.getByRole('table', { name: '履歴' })).toContainText('表示できない値');
  await expect(detail).toContainText('〔U+202E〕太郎 山田');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // An answer missing a part (as a broken or hostile copy might be): the dialog says so
  // in place of its body, keeps its 閉じる, and the app goes on.
  await page.route(DETAIL_GET, async (route) => {
    const answer = (await (await route.fetch()).json()) as { ok: true; value: Record<string, unknown> };
    await route.fulfill({ json: { ok: true, value: { ...answer.value, reservations: null } } });
  });
  await row.locator('[col-id=orderNo]').click();
  await page.keyboard.press('F12');
  await expect(detail.getByRole('alert')).toContainText('「表示できない値」があるため');
  await detail.getByRole('button', { name: '閉じる' }).first().click();
  await expect(detail).toBeHidden();
  await page.unroute(DETAIL_GET);
  await row.locator('[col-id=orderNo]').click();
  await page.keyboard.press('F12');
  await expect(detail.getByRole('table', { name: '履歴' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^新規\s/ })).toBeVisible();
  expect(errors.filter((e) => !/reservations|null|length/.test(e))).toEqual([]);
});
