import { createRequire } from 'node:module';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { expect, tabCount, test } from './fixtures.js';
import { openTab } from './day-data.js';

const require = createRequire(import.meta.url);

// Few enough orders that メール未送信 shows every row at once.
test.use({ seedOrders: 60 });

test('メール方針: an Amazon order at 入金済 stays out of メール未送信 until its 入金確認メール is switched on', async ({
  page,
  chumon,
}) => {
  // The demo records its paid orders' mails as sent; one Amazon order's mail has not gone out,
  // as for an order just arrived from Amazon.
  const Driver = require('better-sqlite3') as typeof BetterSqlite3;
  const db = new Driver(path.join(chumon.dataDir, 'chumon.sqlite'));
  db.pragma('busy_timeout = 5000');
  const orderNo = db
    .prepare("SELECT order_no FROM orders WHERE channel = 'amazon' AND status = 'paid' ORDER BY id LIMIT 1")
    .pluck()
    .get() as string;
  db.prepare('UPDATE orders SET mail_pending = 1 WHERE order_no = ?').run(orderNo);
  db.close();
  const amazonPaid = chumon.query<{ order_no: string }>(
    "SELECT order_no FROM orders WHERE channel = 'amazon' AND status = 'paid' AND mail_pending = 1",
  );
  const listed = page.locator('[role=gridcell][col-id=orderNo]', { hasText: orderNo });
  const grid = page.getByRole('grid').first();

  await page.goto(chumon.url);
  const before = await tabCount(page, 'メール未送信');
  await openTab(page, 'メール未送信');
  await expect(grid).toHaveAttribute('aria-rowcount', String(before + 1));
  await expect(page.locator('[role=row][row-index]').first()).toBeVisible();
  await expect(listed).toHaveCount(0);

  await page.getByRole('button', { name: '設定', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '設定' });
  await settings.getByRole('tab', { name: 'メール方針' }).click();
  await settings.getByRole('checkbox', { name: 'Amazonの入金確認メール' }).check();
  await expect(settings.getByRole('checkbox', { name: 'Amazonの入金確認メール' })).toBeChecked();
  await settings.getByRole('button', { name: '閉じる' }).click();

  const after = before + amazonPaid.length;
  await expect.poll(() => tabCount(page, 'メール未送信')).toBe(after);
  await expect(grid).toHaveAttribute('aria-rowcount', String(after + 1));
  await expect(listed).toHaveCount(1);
});
