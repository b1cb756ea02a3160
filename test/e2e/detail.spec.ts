import { insertTopOrders, line, openStoreDb } from './day-data.js';
import { expect, test } from './fixtures.js';

async function openDetail(page: import('@playwright/test').Page, orderNo: string) {
  await page.getByRole('gridcell', { name: orderNo, exact: true }).click();
  await page.keyboard.press('F12');
  const dialog = page.getByRole('dialog', { name: `注文詳細 ${orderNo}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('F12 edits prices, discount, fees, comment and sub-status; totals follow live; every change is in the history', async ({
  page,
  chumon,
}) => {
  const db = openStoreDb(chumon);
  insertTopOrders(db, [
    {
      order: {
        orderNo: 'E2E-DET',
        paymentMethod: 'cod',
        items: [line('E2E-X', 2, 1650), line('E2E-Y', 1, 2000, 2)],
        shippingFee: 550,
        codFee: 330,
      },
    },
  ]);
  db.close();
  await page.goto(chumon.url);
  const dialog = await openDetail(page, 'E2E-DET');
  const total = dialog.getByTestId('detail-total');
  await expect(total).toHaveText('¥6,180');

  await dialog.getByLabel('単価 1行目 E2E-X').fill('１，５００');
  await expect(dialog.getByTestId('detail-subtotal')).toHaveText('¥5,000');
  await dialog.getByLabel('値引', { exact: true }).fill('200');
  await dialog.getByLabel('送料', { exact: true }).fill('770');
  await expect(total).toHaveText('¥5,900');
  await dialog.getByLabel('受注後コメント').fill('午前中配達希望');
  await dialog.getByLabel('サブステータス').selectOption({ label: '要確認' });
  await dialog.getByLabel('受注後コメント').press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: '注文 E2E-DET の7項目を変更しました。' })).toBeVisible();

  const history = dialog.getByRole('table', { name: '履歴' });
  await expect(history.getByRole('row').filter({ hasText: '単価' })).toContainText(
    '¥1,650¥1,5001行目 E2E-X 注文詳細で変更',
  );
  await expect(history.getByRole('row').filter({ hasText: '合計' })).toContainText('¥6,180¥5,900');
  await expect(history.getByRole('row').filter({ hasText: 'サブステータス' })).toContainText('要確認');
  await expect(dialog.getByRole('region', { name: 'メール' })).toContainText(
    'この注文に送ったメールはまだありません。',
  );

  const order = chumon.query<Record<string, unknown>>(
    "SELECT subtotal, discount, shipping_fee, cod_fee, total, staff_comment, sub_status_id FROM orders WHERE order_no = 'E2E-DET'",
  )[0]!;
  expect(order).toMatchObject({
    subtotal: 5000,
    discount: 200,
    shipping_fee: 770,
    cod_fee: 330,
    total: 5900,
    staff_comment: '午前中配達希望',
  });
  expect(order.sub_status_id).not.toBeNull();
  const kinds = chumon
    .query<{ kind: string }>(
      "SELECT kind FROM order_history h JOIN orders o ON o.id = h.order_id WHERE o.order_no = 'E2E-DET' ORDER BY h.id",
    )
    .map((r) => r.kind);
  expect(kinds).toEqual(['unit_price', 'discount', 'shipping_fee', 'staff_comment', 'sub_status', 'subtotal', 'total']);
  expect(
    chumon.query(
      "SELECT unit_price FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.order_no = 'E2E-DET' ORDER BY line_no",
    ),
  ).toEqual([{ unit_price: 1500 }, { unit_price: 2000 }]);
});

test('F12 refuses bad money with a clear message and saves nothing', async ({ page, chumon }) => {
  const db = openStoreDb(chumon);
  insertTopOrders(db, [
    {
      order: { orderNo: 'E2E-BAD', paymentMethod: 'bank_transfer', items: [line('E2E-X', 1, 1000)], shippingFee: 550 },
    },
  ]);
  db.close();
  const before = () => ({
    order: chumon.query("SELECT * FROM orders WHERE order_no = 'E2E-BAD'"),
    history: chumon.query(
      "SELECT count(*) AS n FROM order_history h JOIN orders o ON o.id = h.order_id WHERE o.order_no = 'E2E-BAD'",
    ),
  });
  const initial = before();
  await page.goto(chumon.url);
  const dialog = await openDetail(page, 'E2E-BAD');
  const save = dialog.getByRole('button', { name: '保存' });

  await dialog.getByLabel('送料', { exact: true }).fill('-100');
  await expect(dialog.getByRole('alert')).toContainText('送料は0以上の整数（円）で入力してください。');
  await expect(dialog.getByTestId('detail-total')).toHaveText('—');
  await expect(save).toBeDisabled();

  await dialog.getByLabel('送料', { exact: true }).fill('550');
  await dialog.getByLabel('値引', { exact: true }).fill('5000');
  await expect(dialog.getByRole('alert')).toContainText('値引が小計を超えています');
  await expect(save).toBeDisabled();

  await dialog.getByLabel('値引', { exact: true }).fill('0');
  await dialog.getByLabel('代引手数料', { exact: true }).fill('330');
  await expect(dialog.getByRole('alert')).toContainText('代金引換ではない注文に代引手数料は設定できません。');
  await dialog.getByLabel('受注後コメント').press('Control+Enter');
  expect(before()).toEqual(initial);
});
