import { stockUp } from '../helpers/stock.js';
import { check, insertTopOrders, line, openStoreDb, openTab } from './day-data.js';
import { expect, test } from './fixtures.js';

const todayJst = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

test('F11 reserves what is in stock, 欠品登録 registers the rest, orders without a store are refused', async ({
  page,
  chumon,
}) => {
  const db = openStoreDb(chumon);
  insertTopOrders(db, [
    { order: { orderNo: 'E2E-CARD', paymentMethod: 'credit_card', items: [line('E2E-A', 1)] } },
    { order: { orderNo: 'E2E-BANK', paymentMethod: 'bank_transfer', items: [line('E2E-A', 1)] } },
    { order: { orderNo: 'E2E-SHORT', items: [line('E2E-B', 2)] } },
    { order: { orderNo: 'E2E-NOSTORE', storeId: null, items: [line('E2E-A', 1)] } },
  ]);
  stockUp(db, 'tokyo', { 'E2E-A': 2, 'E2E-B': 1 });
  db.close();

  await page.goto(chumon.url);
  for (const no of ['E2E-CARD', 'E2E-BANK', 'E2E-SHORT', 'E2E-NOSTORE']) await check(page, no);
  await page.keyboard.press('F11');

  const dialog = page.getByRole('dialog', { name: '欠品登録', exact: true });
  await expect(dialog).toBeVisible();
  const short = dialog.getByRole('table', { name: '欠品' }).getByRole('row').nth(1);
  await expect(short).toContainText('E2E-SHORT');
  await expect(short.getByRole('cell')).toHaveText(['E2E-SHORT', '山田 太郎', 'E2E-B', 'テスト商品 E2E-B', '2', '1']);
  await expect(dialog.getByRole('table', { name: '処理できなかった注文' })).toContainText('出荷店舗が指定されていない');
  await dialog.getByRole('button', { name: '欠品登録する' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('alert').filter({ hasText: '欠品登録: 1件を処理しました / 1件は処理できませんでした' }),
  ).toBeVisible();
  await expect(page.getByRole('dialog', { name: '欠品登録の結果' })).toContainText('E2E-NOSTORE');

  const statuses = Object.fromEntries(
    chumon
      .query<{ order_no: string; status: string }>("SELECT order_no, status FROM orders WHERE order_no LIKE 'E2E-%'")
      .map((r) => [r.order_no, r.status]),
  );
  expect(statuses).toEqual({
    'E2E-CARD': 'paid',
    'E2E-BANK': 'stock_confirmed',
    'E2E-SHORT': 'out_of_stock',
    'E2E-NOSTORE': 'new',
  });
  expect(chumon.query("SELECT on_hand, reserved FROM stock WHERE sku = 'E2E-A' AND store_id = 'tokyo'")).toEqual([
    { on_hand: 2, reserved: 2 },
  ]);
  expect(chumon.query('SELECT sku, needed, available FROM stock_shortages')).toEqual([
    { sku: 'E2E-B', needed: 2, available: 1 },
  ]);
});

test('入金確認登録, 送り状番号登録, 出荷確定 and 注文取消 from the operation bar', async ({ page, chumon }) => {
  const db = openStoreDb(chumon);
  insertTopOrders(db, [
    { order: { orderNo: 'E2E-PAY' }, initial: { status: 'stock_confirmed' } },
    { order: { orderNo: 'E2E-LABEL' }, initial: { status: 'paid' } },
    {
      order: { orderNo: 'E2E-GO' },
      initial: { status: 'awaiting_shipment', carrier: 'sagawa', trackingNo: '202020202020' },
    },
    { order: { orderNo: 'E2E-CXL' } },
  ]);
  db.close();
  const bar = page.getByRole('toolbar', { name: '処理' });
  const row = (no: string) =>
    chumon.query<Record<string, string | null>>('SELECT * FROM orders WHERE order_no = ?', no)[0]!;
  await page.goto(chumon.url);

  await openTab(page, '在庫確認済');
  await check(page, 'E2E-PAY');
  await bar.getByRole('button', { name: '入金確認登録' }).click();
  const payment = page.getByRole('dialog', { name: '入金確認登録' });
  await expect(payment.getByLabel('入金日')).toHaveValue(todayJst());
  await payment.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('status').filter({ hasText: '入金確認登録: 1件を処理しました' })).toBeVisible();
  expect(row('E2E-PAY')).toMatchObject({
    status: 'paid',
    paid_at: new Date(`${todayJst()}T00:00:00+09:00`).toISOString(),
  });

  await openTab(page, '入金済');
  await check(page, 'E2E-LABEL');
  await bar.getByRole('button', { name: '送り状番号登録' }).click();
  const labels = page.getByRole('dialog', { name: '送り状番号登録' });
  await labels.getByRole('combobox').selectOption({ label: '日本郵便' });
  // A scanner types the digits and Enter; the next Enter registers.
  const field = labels.getByLabel('送り状番号 E2E-LABEL');
  await field.click();
  await page.keyboard.type('1357-2468-0000');
  await page.keyboard.press('Enter');
  await expect(labels.getByRole('button', { name: '登録' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(labels).toBeHidden();
  expect(row('E2E-LABEL')).toMatchObject({
    status: 'awaiting_shipment',
    tracking_no: '135724680000',
    carrier: 'japanpost',
  });

  await openTab(page, '出荷待ち');
  await check(page, 'E2E-GO');
  await bar.getByRole('button', { name: '出荷確定', exact: true }).click();
  await page.getByRole('dialog', { name: '出荷確定' }).getByRole('button', { name: '出荷確定する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '出荷確定: 1件を処理しました' })).toBeVisible();
  expect(row('E2E-GO').status).toBe('shipped');

  await openTab(page, '新規');
  await check(page, 'E2E-CXL');
  await bar.getByRole('button', { name: '注文取消' }).click();
  const cancel = page.getByRole('dialog', { name: '注文取消' });
  await cancel.getByRole('button', { name: '取消する' }).click();
  await expect(cancel.getByRole('alert')).toHaveText('取消理由を入力してください。');
  expect(row('E2E-CXL').status).toBe('new');
  await cancel.getByLabel('取消理由（必須）').fill('お客様都合によるキャンセル');
  await cancel.getByRole('button', { name: '取消する' }).click();
  await expect(cancel).toBeHidden();
  expect(row('E2E-CXL')).toMatchObject({ status: 'cancelled', cancel_reason: 'お客様都合によるキャンセル' });
});

test('scanning confirms shipment at once, says clearly what went wrong, and keeps the focus', async ({
  page,
  chumon,
}) => {
  const db = openStoreDb(chumon);
  insertTopOrders(db, [
    {
      order: { orderNo: 'E2E-SCAN-1' },
      initial: { status: 'awaiting_shipment', carrier: 'yamato', trackingNo: '1111-2222-3333' },
    },
    {
      order: { orderNo: 'E2E-SCAN-2' },
      initial: { status: 'awaiting_shipment', carrier: 'yamato', trackingNo: '444455556666' },
    },
    { order: { orderNo: 'E2E-EARLY' }, initial: { status: 'paid' } },
    { order: { orderNo: 'E2E-GONE' }, initial: { status: 'cancelled', carrier: 'sagawa', trackingNo: '777788889999' } },
  ]);
  db.close();
  await page.goto(chumon.url);
  await page.locator('[role=row][row-index="0"]').first().waitFor();
  await page.keyboard.press('F4');
  await page
    .getByRole('menu', { name: '拡張メニュー' })
    .getByRole('menuitem', { name: /出荷確定スキャン/ })
    .click();
  const input = page.getByRole('dialog', { name: '出荷確定スキャン' }).getByLabel('スキャン入力');
  await expect(input).toBeFocused();
  const result = page.getByTestId('scan-result');
  const history = page.getByRole('table', { name: 'スキャン履歴' }).getByRole('row');
  let scans = 0;
  const scan = async (code: string, headline: string) => {
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    // This scan's answer, not the last one's (two scans in a row can both say OK 出荷確定).
    scans += 1;
    await expect(history).toHaveCount(scans + 1);
    await expect(result).toContainText(headline);
    await expect(input).toBeFocused();
    await expect(input).toHaveValue('');
  };
  const status = (no: string) =>
    chumon.query<{ status: string }>('SELECT status FROM orders WHERE order_no = ?', no)[0]!.status;

  await scan('111122223333', 'OK 出荷確定');
  expect(status('E2E-SCAN-1')).toBe('shipped');
  await scan('E2E-SCAN-2', 'OK 出荷確定');
  expect(status('E2E-SCAN-2')).toBe('shipped');
  await scan('111122223333', '出荷済みです');
  await scan('999999999999', '見つかりません');
  await scan('E2E-EARLY', '出荷確定できません');
  await expect(result).toContainText('「入金済」');
  await scan('777788889999', 'キャンセル済 — 出荷しないでください');
  expect([status('E2E-EARLY'), status('E2E-GONE')]).toEqual(['paid', 'cancelled']);
  await expect(page.getByText('このスキャンで出荷確定: 2件')).toBeVisible();
  await expect(history).toHaveCount(7);
});
