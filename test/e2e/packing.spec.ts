import type { Page } from '@playwright/test';
import { check, insertTopOrders, line, openStoreDb, openTab } from './day-data.js';
import { expect, test, type Chumon } from './fixtures.js';

/** Two waiting orders at the top of 出荷待ち, and JANs for their items in tokyo's stock master. */
function layOut(chumon: Chumon): void {
  const db = openStoreDb(chumon);
  insertTopOrders(db, [
    {
      order: { orderNo: 'E2E-PACK', items: [line('E2E-MUG', 2), line('E2E-DISH', 1, 500, 2)] },
      initial: { status: 'awaiting_shipment', carrier: 'yamato', trackingNo: '5555-6666-7777' },
    },
    {
      order: { orderNo: 'E2E-OTHER', items: [line('E2E-DISH', 1)] },
      initial: { status: 'awaiting_shipment', carrier: 'yamato', trackingNo: '888899990000' },
    },
  ]);
  db.prepare(
    `INSERT INTO stock (sku, store_id, on_hand, reserved, jan) VALUES
       ('E2E-MUG', 'tokyo', 10, 0, '4901234567894'), ('E2E-DISH', 'tokyo', 10, 0, '4909876543213'),
       ('E2E-PEN', 'tokyo', 10, 0, '4900000000017')`,
  ).run();
  db.close();
}

async function openPacking(page: Page) {
  await page.keyboard.press('F4');
  await page.getByRole('menu', { name: '拡張メニュー' }).getByRole('menuitem', { name: /検品/ }).click();
  const dialog = page.getByRole('dialog', { name: '検品' });
  const input = dialog.getByLabel('スキャン入力');
  await expect(input).toBeFocused();
  const scan = async (code: string) => {
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
  };
  const scannedCounts = () =>
    dialog.getByRole('table', { name: '検品明細' }).getByRole('row').locator('td:nth-child(5)');
  return { dialog, input, scan, scannedCounts };
}

const statusOf = (chumon: Chumon, no: string) =>
  chumon.query<{ status: string }>('SELECT status FROM orders WHERE order_no = ?', no)[0]!.status;

test('packing an order by scanning: a wrong item and an extra unit are refused in red, a complete order ships by its tracking number', async ({
  page,
  chumon,
}) => {
  layOut(chumon);
  await page.goto(chumon.url);
  await page.locator('[role=row][row-index="0"]').first().waitFor();
  const { dialog, input, scan, scannedCounts } = await openPacking(page);

  await scan('E2E-PACK');
  const lines = dialog.getByRole('table', { name: '検品明細' }).getByRole('row');
  await expect(lines.nth(1).getByRole('cell')).toHaveText(['E2E-MUG', '4901234567894', 'テスト商品 E2E-MUG', '2', '0']);
  await expect(scannedCounts()).toHaveText(['0', '0']);

  await scan('4901234567894');
  await expect(scannedCounts()).toHaveText(['1', '0']);
  await expect(input).toBeFocused();

  // A wrong item: loud red message, nothing ticked.
  await scan('4900000000017');
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(scannedCounts()).toHaveText(['1', '0']);

  await scan('4901234567894');
  await expect(scannedCounts()).toHaveText(['2', '0']);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  // One too many: refused, nothing ticked.
  await scan('4901234567894');
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(scannedCounts()).toHaveText(['2', '0']);

  await scan('E2E-DISH');
  await expect(scannedCounts()).toHaveText(['2', '1']);
  await expect(dialog.getByTestId('packing-state')).toHaveText('検品済');
  expect(statusOf(chumon, 'E2E-PACK')).toBe('awaiting_shipment');

  // The next scan of its tracking number ships it.
  await scan('555566667777');
  await expect(dialog.getByTestId('packing-state')).toHaveText('出荷済');
  expect(statusOf(chumon, 'E2E-PACK')).toBe('shipped');
  const history = chumon.query<{ kind: string; to_value: string }>(
    `SELECT h.kind, h.to_value FROM order_history h JOIN orders o ON o.id = h.order_id
     WHERE o.order_no = 'E2E-PACK' AND h.kind = 'packing' ORDER BY h.id`,
  );
  expect(history.map((h) => h.to_value)).toEqual(['1/2', '2/2', '1/1', '検品済']);

  // Another order number switches to that order; Escape returns to the grid.
  await scan('E2E-OTHER');
  await expect(dialog).toContainText('E2E-OTHER');
  await expect(scannedCounts()).toHaveText(['0']);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(statusOf(chumon, 'E2E-OTHER')).toBe('awaiting_shipment');
});

test('検品やり直し clears the counts and 検品済, with a history row; the order is scanned again', async ({
  page,
  chumon,
}) => {
  layOut(chumon);
  await page.goto(chumon.url);
  await page.locator('[role=row][row-index="0"]').first().waitFor();
  const { dialog, input, scan, scannedCounts } = await openPacking(page);
  await scan('E2E-OTHER');
  await scan('4909876543213');
  await expect(dialog.getByTestId('packing-state')).toHaveText('検品済');

  await dialog.getByRole('button', { name: '検品やり直し' }).click();
  await expect(dialog.getByTestId('packing-state')).toHaveText('検品中');
  await expect(scannedCounts()).toHaveText(['0']);
  await expect(dialog.getByRole('button', { name: '出荷確定' })).toHaveCount(0);
  await expect(input).toBeFocused();
  const history = () =>
    chumon
      .query<{ to_value: string }>(
        `SELECT h.to_value FROM order_history h JOIN orders o ON o.id = h.order_id
         WHERE o.order_no = 'E2E-OTHER' AND h.kind = 'packing' ORDER BY h.id`,
      )
      .map((h) => h.to_value);
  expect(history()).toEqual(['1/1', '検品済', '検品やり直し']);

  await scan('4909876543213');
  await expect(dialog.getByTestId('packing-state')).toHaveText('検品済');
  expect(history()).toEqual(['1/1', '検品済', '検品やり直し', '1/1', '検品済']);
});

test.describe('with 「検品してから出荷確定する」 on', () => {
  test.use({ presetSettings: { packingStores: ['tokyo'] } });

  test('出荷確定 of an order not yet packed is refused with the reason', async ({ page, chumon }) => {
    layOut(chumon);
    await page.goto(chumon.url);
    await openTab(page, '出荷待ち');
    await check(page, 'E2E-OTHER');
    await page.getByRole('toolbar', { name: '処理' }).getByRole('button', { name: '出荷確定', exact: true }).click();
    await page.getByRole('dialog', { name: '出荷確定' }).getByRole('button', { name: '出荷確定する' }).click();
    await expect(page.getByRole('dialog', { name: /出荷確定/ })).toContainText(
      '検品が済んでいないため出荷確定できません',
    );
    expect(statusOf(chumon, 'E2E-OTHER')).toBe('awaiting_shipment');
  });

  test('a packed order whose 同梱 has an unchecked order is refused, naming it', async ({ page, chumon }) => {
    layOut(chumon);
    const db = openStoreDb(chumon);
    db.prepare("UPDATE orders SET bundle_group = 'e2e-bundle' WHERE order_no IN ('E2E-PACK', 'E2E-OTHER')").run();
    db.close();
    await page.goto(chumon.url);
    await page.locator('[role=row][row-index="0"]').first().waitFor();
    const { dialog, scan } = await openPacking(page);
    await scan('E2E-OTHER');
    await scan('4909876543213');
    await expect(dialog.getByTestId('packing-state')).toHaveText('検品済');
    await dialog.getByRole('button', { name: '出荷確定' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      '同梱の注文 E2E-PACK の検品が済んでいないため出荷確定できません',
    );
    expect(statusOf(chumon, 'E2E-OTHER')).toBe('awaiting_shipment');
    expect(statusOf(chumon, 'E2E-PACK')).toBe('awaiting_shipment');
  });
});

test('設定 → 検品: 「検品してから出荷確定する」 is turned on per store and then gates 出荷確定スキャン', async ({
  page,
  chumon,
}) => {
  layOut(chumon);
  await page.goto(chumon.url);
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '設定' });
  await settings.getByRole('tab', { name: '検品' }).click();
  const tokyo = settings.getByRole('group', { name: '検品してから出荷確定する' }).getByLabel('東京本店');
  await expect(tokyo).not.toBeChecked();
  await tokyo.check();
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '検品の設定を保存しました' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await page.keyboard.press('F4');
  await page
    .getByRole('menu', { name: '拡張メニュー' })
    .getByRole('menuitem', { name: /出荷確定スキャン/ })
    .click();
  await page.keyboard.type('888899990000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-result')).toContainText('検品が済んでいないため出荷確定できません');
  expect(statusOf(chumon, 'E2E-OTHER')).toBe('awaiting_shipment');
});
