import { check, insertTopOrders, line, openMenuItem, openStoreDb, openTab } from './day-data.js';
import { expect, test } from './fixtures.js';

test('注文分割: part of an order becomes <no>-2 and both parts ship, each with its own tracking number', async ({
  page,
  chumon,
}) => {
  const db = openStoreDb(chumon);
  insertTopOrders(db, [
    {
      order: { orderNo: 'E2E-SPLIT', items: [line('E2E-MUG', 2), line('E2E-DISH', 1, 500, 2)] },
      initial: { status: 'paid' },
    },
  ]);
  db.close();
  const row = (no: string) =>
    chumon.query<Record<string, string | number | null>>('SELECT * FROM orders WHERE order_no = ?', no)[0];
  const bar = page.getByRole('toolbar', { name: '処理' });
  await page.goto(chumon.url);

  await openTab(page, '入金済');
  await check(page, 'E2E-SPLIT');
  await openMenuItem(page, /注文分割/);
  const dialog = page.getByRole('dialog', { name: '注文分割' });
  // Everything moved is refused: a line must stay on each side.
  await dialog.getByLabel('1行目 E2E-MUG 新しい注文へ移す数量').fill('2');
  await dialog.getByLabel('2行目 E2E-DISH 新しい注文へ移す数量').fill('1');
  await dialog.getByRole('button', { name: '分割' }).click();
  await expect(dialog.getByRole('alert')).toContainText('元の注文に商品を1つ以上残してください');
  expect(row('E2E-SPLIT-2')).toBeUndefined();

  await dialog.getByLabel('1行目 E2E-MUG 新しい注文へ移す数量').fill('0');
  await dialog.getByRole('button', { name: '分割' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: '注文 E2E-SPLIT を分割し、注文 E2E-SPLIT-2 を作成しました' }),
  ).toBeVisible();
  expect(row('E2E-SPLIT-2')).toMatchObject({ channel_order_no: 'E2E-SPLIT', split_from: 'E2E-SPLIT', total: 500 });

  await openTab(page, '入金済');
  await check(page, 'E2E-SPLIT');
  await check(page, 'E2E-SPLIT-2');
  await bar.getByRole('button', { name: '送り状番号登録' }).click();
  const labels = page.getByRole('dialog', { name: '送り状番号登録' });
  await labels.getByLabel('送り状番号 E2E-SPLIT', { exact: true }).fill('1111-2222-3333');
  await labels.getByLabel('送り状番号 E2E-SPLIT-2', { exact: true }).fill('4444-5555-6666');
  await labels.getByRole('button', { name: '登録' }).click();
  await expect(labels).toBeHidden();

  await openTab(page, '出荷待ち');
  await check(page, 'E2E-SPLIT');
  await check(page, 'E2E-SPLIT-2');
  await bar.getByRole('button', { name: '出荷確定', exact: true }).click();
  await page.getByRole('dialog', { name: '出荷確定' }).getByRole('button', { name: '出荷確定する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '出荷確定: 2件を処理しました' })).toBeVisible();
  expect(row('E2E-SPLIT')).toMatchObject({ status: 'shipped', tracking_no: '111122223333' });
  expect(row('E2E-SPLIT-2')).toMatchObject({ status: 'shipped', tracking_no: '444455556666' });
});
