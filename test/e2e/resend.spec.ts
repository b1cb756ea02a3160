import { stockUp } from '../helpers/stock.js';
import { check, insertTopOrders, line, openMenuItem, openStoreDb, openTab } from './day-data.js';
import { expect, test } from './fixtures.js';

test('再送注文: chosen lines of a shipped order go again as a ¥0 <no>-R1 that ships with no 入金確認', async ({
  page,
  chumon,
}) => {
  const db = openStoreDb(chumon);
  insertTopOrders(db, [
    {
      order: { orderNo: 'E2E-RESEND', items: [line('E2E-MUG', 2), line('E2E-DISH', 1, 500, 2)] },
      initial: { status: 'shipped', carrier: 'yamato', trackingNo: '999988887777', mailSent: true },
    },
    { order: { orderNo: 'E2E-OPEN', items: [line('E2E-MUG', 1)] }, initial: { status: 'paid' } },
  ]);
  stockUp(db, 'tokyo', { 'E2E-MUG': 10, 'E2E-DISH': 10 });
  db.close();
  const row = (no: string) =>
    chumon.query<Record<string, string | number | null>>('SELECT * FROM orders WHERE order_no = ?', no)[0];
  const bar = page.getByRole('toolbar', { name: '処理' });
  const shippedBefore = row('E2E-RESEND');
  await page.goto(chumon.url);

  // An order not yet shipped is refused, and nothing is made.
  await openTab(page, '入金済');
  await check(page, 'E2E-OPEN');
  await openMenuItem(page, /再送注文/);
  const refused = page.getByRole('dialog', { name: '再送注文' });
  await refused.getByLabel('1行目 E2E-MUG 再送する数量').fill('1');
  await refused.getByRole('button', { name: '再送注文を作成' }).click();
  await expect(refused.getByRole('alert')).toContainText('再送注文は出荷済の注文からだけ作成できます');
  expect(row('E2E-OPEN-R1')).toBeUndefined();
  await page.keyboard.press('Escape');
  await expect(refused).toBeHidden();

  await openTab(page, '出荷済');
  await check(page, 'E2E-RESEND');
  await openMenuItem(page, /再送注文/);
  const dialog = page.getByRole('dialog', { name: '再送注文' });
  await dialog.getByLabel('1行目 E2E-MUG 再送する数量').fill('3');
  await dialog.getByRole('button', { name: '再送注文を作成' }).click();
  // More than was ordered: the box refuses it before anything is sent.
  await expect(dialog.getByLabel('1行目 E2E-MUG 再送する数量')).toHaveJSProperty('validity.rangeOverflow', true);
  await expect(dialog).toBeVisible();
  expect(row('E2E-RESEND-R1')).toBeUndefined();
  await dialog.getByLabel('1行目 E2E-MUG 再送する数量').fill('1');
  await dialog.getByLabel('再送の理由').fill('破損');
  await dialog.getByRole('button', { name: '再送注文を作成' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: '注文 E2E-RESEND の再送注文 E2E-RESEND-R1 を作成しました' }),
  ).toBeVisible();
  expect(row('E2E-RESEND-R1')).toMatchObject({
    channel_order_no: 'E2E-RESEND',
    split_from: 'E2E-RESEND',
    total: 0,
    status: 'paid',
  });
  expect(row('E2E-RESEND')).toEqual(shippedBefore);

  await openTab(page, '入金済');
  await check(page, 'E2E-RESEND-R1');
  await bar.getByRole('button', { name: '送り状番号登録' }).click();
  const labels = page.getByRole('dialog', { name: '送り状番号登録' });
  await labels.getByLabel('送り状番号 E2E-RESEND-R1', { exact: true }).fill('4444-5555-6666');
  await labels.getByRole('button', { name: '登録' }).click();
  await expect(labels).toBeHidden();

  await openTab(page, '出荷待ち');
  await check(page, 'E2E-RESEND-R1');
  await bar.getByRole('button', { name: '出荷確定', exact: true }).click();
  await page.getByRole('dialog', { name: '出荷確定' }).getByRole('button', { name: '出荷確定する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '出荷確定: 1件を処理しました' })).toBeVisible();
  expect(row('E2E-RESEND-R1')).toMatchObject({ status: 'shipped', tracking_no: '444455556666' });
});
