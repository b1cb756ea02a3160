import { stockUp } from '../helpers/stock.js';
import { check, insertTopOrders, line, openStoreDb, openTab, uncheck } from './day-data.js';
import { expect, test } from './fixtures.js';

const buyer = (name: string) => ({ name, kana: '', email: 'b@example.jp', phone: '' });
const shipTo = (postalCode: string, address1: string) => ({
  name: '',
  postalCode,
  prefecture: '京都府',
  address1,
  address2: '',
  phone: '',
});

test('F10 finds one buyer typed three ways, bundles the three orders, they move together, unbundling restores the fees', async ({
  page,
  chumon,
}) => {
  const db = openStoreDb(chumon);
  insertTopOrders(db, [
    {
      order: {
        orderNo: 'E2E-B1',
        buyer: buyer('ｷｮｳﾄ ﾊﾅｺ'),
        shipTo: shipTo('600-8216', '京都市下京区烏丸通七条下る東塩小路町7丁目8番9号'),
        items: [line('E2E-M', 1)],
        shippingFee: 550,
      },
    },
    {
      order: {
        orderNo: 'E2E-B2',
        channel: 'amazon',
        paymentMethod: 'cod',
        buyer: buyer('きょうと　はなこ'),
        shipTo: shipTo('〒６００－８２１６', '京都市下京区烏丸通七条下る東塩小路町７－８－９'),
        items: [line('E2E-M', 1)],
        shippingFee: 880,
        codFee: 330,
      },
    },
    {
      order: {
        orderNo: 'E2E-B3',
        channel: 'rakuten',
        buyer: buyer('キョウト ハナコ'),
        shipTo: shipTo('6008216', '京都市下京区烏丸通七条下る東塩小路町7-8-9'),
        items: [line('E2E-M', 1)],
        shippingFee: 550,
      },
    },
  ]);
  stockUp(db, 'tokyo', { 'E2E-M': 10 });
  db.close();
  const money = () =>
    chumon.query<{
      order_no: string;
      shipping_fee: number;
      cod_fee: number;
      total: number;
      bundle_group: string | null;
      status: string;
    }>(
      "SELECT order_no, shipping_fee, cod_fee, total, bundle_group, status FROM orders WHERE order_no LIKE 'E2E-B%' ORDER BY order_no",
    );
  const before = money();

  await page.goto(chumon.url);
  await check(page, 'E2E-B2');
  await page.keyboard.press('F10');
  const dialog = page.getByRole('dialog', { name: '同梱設定' });
  const group = dialog.getByRole('region', { name: '同梱候補 1' });
  await expect(group).toContainText('購入者名「キョウトハナコ」');
  await expect(group).toContainText('郵便番号「6008216」');
  await expect(group).toContainText('住所「京都府京都市下京区烏丸通七条下ル東塩小路町7-8-9」');
  await expect(group.getByRole('row')).toHaveCount(4);
  await group.getByRole('button', { name: 'チェックした3件を同梱する' }).click();
  await expect(dialog).toContainText('同梱しました: 3件（E2E-B3 送料 ¥550→¥0、E2E-B1 送料 ¥550→¥0）');
  const bundled = money();
  expect(new Set(bundled.map((o) => o.bundle_group)).size).toBe(1);
  expect(bundled[0]!.bundle_group).not.toBeNull();
  expect(bundled.map((o) => [o.order_no, o.shipping_fee, o.cod_fee, o.total])).toEqual([
    ['E2E-B1', 0, 0, 1000],
    ['E2E-B2', 880, 330, 2210],
    ['E2E-B3', 0, 0, 1000],
  ]);
  await page.keyboard.press('Escape');

  // F11 on one member checks the whole bundle.
  await check(page, 'E2E-B1');
  await uncheck(page, 'E2E-B2');
  await page.keyboard.press('F11');
  await expect(page.getByRole('status').filter({ hasText: '在庫確認: 3件を処理しました' })).toBeVisible();
  expect(money().map((o) => o.status)).toEqual(['stock_confirmed', 'paid', 'stock_confirmed']);
  expect(chumon.query("SELECT reserved FROM stock WHERE sku = 'E2E-M' AND store_id = 'tokyo'")).toEqual([
    { reserved: 3 },
  ]);

  await openTab(page, '在庫確認済');
  await page.keyboard.press('F10');
  await page.getByRole('dialog', { name: '同梱設定' }).getByRole('button', { name: '同梱Aを解除' }).click();
  await expect(page.getByRole('dialog', { name: '同梱設定' })).toContainText('同梱を解除しました: 3件');
  const after = money();
  expect(after.map(({ status: _s, ...rest }) => rest)).toEqual(before.map(({ status: _s, ...rest }) => rest));
});

test('F10 refuses to bundle orders at different stages and says why, changing nothing', async ({ page, chumon }) => {
  const db = openStoreDb(chumon);
  insertTopOrders(db, [
    { order: { orderNo: 'E2E-N1', buyer: buyer('沖縄 次郎'), shipTo: shipTo('900-0015', '那覇市久茂地9-9-9') } },
    {
      order: { orderNo: 'E2E-P1', buyer: buyer('沖縄　次郎'), shipTo: shipTo('900-0015', '那覇市久茂地９－９－９') },
      initial: { status: 'awaiting_shipment' },
    },
  ]);
  db.close();
  await page.goto(chumon.url);
  await check(page, 'E2E-N1');
  await page.keyboard.press('F10');
  const group = page.getByRole('dialog', { name: '同梱設定' }).getByRole('region', { name: '同梱候補 1' });
  await group.getByRole('button', { name: 'チェックした2件を同梱する' }).click();
  await expect(page.getByRole('dialog', { name: '同梱設定' }).getByRole('alert')).toContainText(
    '処理段階の違う注文は同梱できません',
  );
  expect(
    chumon.query("SELECT count(*) AS n FROM orders WHERE bundle_group IS NOT NULL AND order_no LIKE 'E2E-%'"),
  ).toEqual([{ n: 0 }]);
  expect(
    chumon.query(
      "SELECT count(*) AS n FROM order_history h JOIN orders o ON o.id = h.order_id WHERE o.order_no LIKE 'E2E-%'",
    ),
  ).toEqual([{ n: 0 }]);
});
