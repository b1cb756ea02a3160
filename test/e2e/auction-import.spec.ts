import { csvLine, sjis } from '../helpers/order-files.js';
import { expect, tabCount, test } from './fixtures.js';

test.use({ seedOrders: 20 });

const HEADER = [
  'オークションID',
  'タイトル',
  '落札価格',
  '落札数量',
  '落札日時',
  '落札者氏名',
  '落札者郵便番号',
  '落札者都道府県',
  '落札者住所',
  '落札者電話番号',
  '支払方法',
  '送料',
  '合計金額',
];

test('F1 reads the ヤフオク! store’s 落札データ by its headers and imports it as Yahoo!オークション orders', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  await expect(page.getByRole('grid').first()).toBeVisible();
  const before = await tabCount(page, '新規');
  const data = [
    HEADER.join(','),
    csvLine([
      'x1200000001',
      '南部鉄器 急須',
      4800,
      1,
      '2026/11/20 21:03:15',
      '佐藤 次郎',
      '020-0021',
      '岩手県',
      '盛岡市中央通1-1-1',
      '019-600-0000',
      'Yahoo!かんたん決済',
      800,
      5600,
    ]),
  ].join('\r\n');
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Yahoo!オークションCSV取込' });
  await dialog
    .getByLabel('CSVファイル')
    .setInputFiles({ name: '落札データ一覧.csv', mimeType: 'text/csv', buffer: sjis(data) });
  await expect(dialog.getByText('ヤフオク! ストア 落札データ（Yahoo!オークション）')).toBeVisible();
  await expect(dialog.getByRole('status', { name: '取込の内容' })).toHaveText(
    '新規 1件・更新 0件・変更なし 0件・エラー 0件',
  );
  await dialog.getByRole('button', { name: '取込' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => tabCount(page, '新規')).toBe(before + 1);
  expect(chumon.query("SELECT channel, ship_name, total FROM orders WHERE order_no = 'x1200000001'")).toEqual([
    { channel: 'yahoo_auction', ship_name: '佐藤 次郎', total: 5600 },
  ]);
});
