import type { Page } from '@playwright/test';
import { csvLine, fileOrder, sjis } from '../helpers/order-files.js';
import { rakutenOrderData } from '../helpers/rakuten-order-file.js';
import { expect, tabCount, test } from './fixtures.js';

test.use({ seedOrders: 50 });

const grid = (page: Page) => page.getByRole('grid').first();

async function chooseFile(page: Page, name: string, bytes: Buffer) {
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Yahoo!オークションCSV取込' });
  // A chosen file is read at once.
  await dialog.getByLabel('CSVファイル').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  return dialog;
}

test('F1 reads 楽天’s order data by its headers and imports it as 楽天 orders', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  await expect(grid(page)).toBeVisible();
  const before = await tabCount(page, '新規');
  const orders = [
    fileOrder({
      orderNo: '900777-20261120-0000101',
      orderedAt: '2026-11-20 12:34:56',
      payment: 'クレジットカード',
      shipName: '髙橋 花子',
    }),
    fileOrder({
      orderNo: '900777-20261120-0000102',
      orderedAt: '2026-11-20 13:00:00',
      payment: '代金引換',
      payCharge: 330,
    }),
  ];
  const data = rakutenOrderData(orders, { [orders[0]!.orderNo]: { points: 100, coupon: 200 } });
  const dialog = await chooseFile(page, 'RakutenOrder_20261120.csv', sjis(data));
  await expect(dialog.getByText('楽天ペイ 受注データ（楽天市場）')).toBeVisible();
  await expect(dialog.getByRole('status', { name: '取込の内容' })).toHaveText(
    '新規 2件・更新 0件・変更なし 0件・エラー 0件',
  );
  await dialog.getByRole('button', { name: '取込' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => tabCount(page, '新規')).toBe(before + 2);
  expect(
    chumon.query(
      "SELECT channel, ship_name, ship_postal_code, ship_address1, discount, payment_method FROM orders WHERE order_no LIKE '900777-%' ORDER BY order_no",
    ),
  ).toEqual([
    {
      channel: 'rakuten',
      ship_name: '髙橋 花子',
      ship_postal_code: '530-0001',
      ship_address1: '大阪市北区梅田1丁目2-3 グランドハイツ 305号室',
      discount: 300,
      payment_method: 'credit_card',
    },
    expect.objectContaining({ channel: 'rakuten', payment_method: 'cod' }),
  ]);
});

test('F1 saves a mapping that joins 姓 + 名 and 郵便番号1 + 2, and imports another mall’s file through it', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await expect(grid(page)).toBeVisible();
  const header = [
    '伝票番号',
    '受注日時',
    '姓',
    '名',
    '郵便番号1',
    '郵便番号2',
    '住所',
    '決済',
    'SKU',
    '品名',
    '数量',
    '単価',
  ];
  const line = [
    'K-777',
    '2026/11/22 10:00',
    '田中',
    '花子',
    '160',
    '0023',
    '東京都新宿区西新宿2-8-1',
    '銀行振込',
    'TE-200',
    '深蒸し煎茶',
    '2',
    '1080',
  ];
  const dialog = await chooseFile(page, 'other-mall.csv', sjis(`${csvLine(header)}\r\n${csvLine(line)}\r\n`));
  const form = dialog.getByRole('form', { name: '列の対応（マッピング）' });
  await form.getByLabel('マッピング名').fill('他モール');
  await form.getByLabel('注文番号 ★').selectOption('伝票番号');
  await form.getByLabel('注文日時 ★').selectOption('受注日時');
  const joined = async (field: string, columns: string[]) => {
    const group = form.getByRole('group', { name: field, exact: true });
    await group.getByLabel(`${field} ★`).selectOption(columns[0]!);
    for (const [n, column] of columns.slice(1).entries()) {
      await group.getByRole('button', { name: '列をつなげる' }).click();
      await group.getByLabel(`${field}（${n + 2}列目）`).selectOption(column);
    }
  };
  await joined('お届け先名', ['姓', '名']);
  await joined('お届け先郵便番号', ['郵便番号1', '郵便番号2']);
  await form.getByLabel('お届け先住所 ★').selectOption('住所');
  await form.getByLabel('決済方法 ★').selectOption('決済');
  await form.getByLabel('商品コード（SKU） ★').selectOption('SKU');
  await form.getByLabel('商品名 ★').selectOption('品名');
  await form.getByLabel('数量 ★').selectOption('数量');
  await form.getByLabel('単価 ★').selectOption('単価');
  await form.getByRole('button', { name: 'マッピングを保存して読込' }).click();
  await expect(dialog.getByRole('status', { name: '取込の内容' })).toHaveText(
    '新規 1件・更新 0件・変更なし 0件・エラー 0件',
  );
  await dialog.getByRole('button', { name: '取込' }).click();
  await expect(dialog).toBeHidden();
  expect(
    chumon.query(
      "SELECT ship_name, ship_postal_code, ship_prefecture, ship_address1 FROM orders WHERE order_no = 'K-777'",
    ),
  ).toEqual([
    {
      ship_name: '田中 花子',
      ship_postal_code: '160-0023',
      ship_prefecture: '東京都',
      ship_address1: '新宿区西新宿2-8-1',
    },
  ]);
});
