import { line, insertTopOrders, openStoreDb } from './day-data.js';
import { expect, test } from './fixtures.js';

test.use({ seedOrders: 0 });

const NAME = '<img src=x onerror="window.__xss=1">山田';
const ORDER_NO = 'XSS-<b>1</b>';
const COMMENT = '<script>window.__xss=2</script>=HYPERLINK("x")';
const SUB = '<img src=x onerror=window.__xss=3>要確認';
const TITLE = '<svg onload=window.__xss=4>マグ';

test('user text with markup shows as text in the grid and the order detail; nothing in it becomes an element or runs', async ({
  page,
  chumon,
}) => {
  const db = openStoreDb(chumon);
  const [id] = insertTopOrders(db, [
    {
      order: {
        orderNo: ORDER_NO,
        buyer: { name: NAME, kana: 'ヤマダ', email: 'a@example.jp', phone: '090' },
        orderComment: COMMENT,
        items: [{ ...line('SKU-<i>1</i>', 1), title: TITLE }],
      },
    },
  ]);
  const sub = db
    .prepare("INSERT INTO sub_statuses (main_status, name, color, sort_order) VALUES ('new', ?, '#c62828', 99)")
    .run(SUB);
  db.prepare('UPDATE orders SET sub_status_id = ? WHERE id = ?').run(sub.lastInsertRowid, id);
  db.close();
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await page.goto(chumon.url);
  const row = page.locator('[role=row][row-index="0"]');
  await expect(row.locator('[role=gridcell][col-id=orderNo]')).toHaveText(ORDER_NO);
  await expect(row.locator('[role=gridcell][col-id=buyerName]')).toHaveText(NAME);
  await expect(row.locator('[role=gridcell][col-id=subStatus]')).toHaveText(SUB);
  expect(await page.locator('[role=gridcell] :is(img, script, svg, b, i)').count()).toBe(0);

  await row.locator('[role=gridcell][col-id=orderNo]').click();
  await page.keyboard.press('F12');
  const detail = page.getByRole('dialog', { name: `注文詳細 ${ORDER_NO}` });
  await expect(detail).toBeVisible();
  await expect(detail).toContainText(NAME);
  await expect(detail).toContainText(TITLE);
  await expect(detail).toContainText(COMMENT);
  expect(await detail.locator(':is(script, img[src=x], svg[onload], b, i)').count()).toBe(0);

  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toBe(0);
});
