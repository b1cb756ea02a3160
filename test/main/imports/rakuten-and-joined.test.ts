import { describe, expect, it } from 'vitest';
import type { ImportNeedsMapping, ImportPreview } from '../../../src-shared/api/imports.js';
import { csvLine, fileOrder, sjis, upload, utf8bom } from '../../helpers/order-files.js';
import { useImportApp } from '../../helpers/order-import.js';
import { rakutenOrderData } from '../../helpers/rakuten-order-file.js';

const { t, db } = useImportApp();
const order = (no: string) =>
  db()
    .prepare(
      `SELECT channel, buyer_name, buyer_phone, ship_name, ship_postal_code, ship_prefecture, ship_address1, ship_address2,
         ship_phone, payment_method, discount, shipping_fee, cod_fee, total, order_comment FROM orders WHERE order_no = ?`,
    )
    .get(no) as Record<string, unknown> | undefined;

async function preview(file: ReturnType<typeof upload>, mappingId?: number): Promise<ImportPreview> {
  const result = await t.call('imports:preview', { files: [file], channel: 'yahoo_shopping', mappingId });
  if (result.kind !== 'preview') throw new Error(`expected a preview, got ${result.kind}`);
  return result;
}

describe('F1 楽天 order data (楽天ペイ)', () => {
  const card = fileOrder({
    orderNo: '318822-20261120-0000001',
    orderedAt: '2026-11-20 12:34:56',
    payment: 'クレジットカード',
    shipName: '髙橋 花子',
    phone: '06-1234-5678',
    comment: '不在時は宅配ボックスへ',
  });
  const cod = fileOrder({
    orderNo: '318822-20261120-0000002',
    orderedAt: '2026-11-20 13:00:00',
    payment: '代金引換',
    payCharge: 330,
    items: [{ itemId: 'tea', subCode: 'TE-200', title: '静岡県産 深蒸し煎茶 100g', quantity: 3, unitPrice: 1080 }],
  });

  it('is recognised by its header names: names, postal codes, addresses and phones joined, points and coupons as the discount', async () => {
    const file = upload(
      'RakutenOrder_20261120.csv',
      sjis(rakutenOrderData([card, cod], { [card.orderNo]: { points: 120, coupon: 300, wrapping: 220 } })),
    );
    const p = await preview(file);
    expect(p).toMatchObject({
      layout: '楽天ペイ 受注データ（楽天市場）',
      // The clerk's channel choice is for Yahoo! files: 楽天's own data is 楽天's.
      channel: 'rakuten',
      files: [{ name: 'RakutenOrder_20261120.csv', encoding: 'Shift_JIS', rows: 3 }],
      counts: { new: 2, updated: 0, unchanged: 0, rejected: 0 },
    });
    await t.call('imports:commit', { previewId: p.previewId });
    expect(order(card.orderNo)).toEqual({
      channel: 'rakuten',
      buyer_name: '鈴木 一郎',
      buyer_phone: '06-1234-5678',
      ship_name: '髙橋 花子',
      ship_postal_code: '530-0001',
      ship_prefecture: '大阪府',
      ship_address1: '大阪市北区梅田1丁目2-3 グランドハイツ 305号室',
      ship_address2: '',
      ship_phone: '06-1234-5678',
      payment_method: 'credit_card',
      discount: 420,
      // Postage and the wrapping fee.
      shipping_fee: 770,
      cod_fee: 0,
      total: 2 * 1650 + 2200 + 770 - 420,
      order_comment: '不在時は宅配ボックスへ',
    });
    expect(order(cod.orderNo)).toMatchObject({ payment_method: 'cod', cod_fee: 330, total: 3 * 1080 + 550 + 330 });
    const items = db()
      .prepare(
        'SELECT line_no, sku, title, quantity, unit_price FROM order_items WHERE order_id = (SELECT id FROM orders WHERE order_no = ?) ORDER BY line_no',
      )
      .all(card.orderNo);
    expect(items).toEqual([
      { line_no: 1, sku: 'MG-010', title: '有田焼 マグカップ 藍', quantity: 2, unit_price: 1650 },
      { line_no: 2, sku: 'towel', title: '今治タオル フェイスタオル', quantity: 1, unit_price: 2200 },
    ]);
  });

  it('refuses an order whose 請求金額 does not add up, with its line, and imports the others', async () => {
    const p = await preview(
      upload('RakutenOrder.csv', utf8bom(rakutenOrderData([card, cod], { [cod.orderNo]: { billed: 9999 } }))),
    );
    expect(p.counts).toMatchObject({ new: 1, rejected: 1 });
    expect(p.rejected).toEqual([
      expect.objectContaining({
        line: 4,
        orderNo: cod.orderNo,
        reason: expect.stringMatching(/合計金額がファイルと合いません/),
      }),
    ]);
    await t.call('imports:commit', { previewId: p.previewId });
    expect(order(card.orderNo)).toBeDefined();
    expect(order(cod.orderNo)).toBeUndefined();
  });
});

describe('F1 saved mappings that join several columns into one field', () => {
  const header = [
    '伝票番号',
    '受注日時',
    '姓',
    '名',
    '郵便番号1',
    '郵便番号2',
    '都道府県',
    '市区町村',
    '番地',
    '建物',
    '電話1',
    '電話2',
    '電話3',
    '決済',
    'SKU',
    '品名',
    '数量',
    '単価',
  ];
  const line = [
    'K-501',
    '2026/11/22 10:00',
    '田中',
    '花子',
    '160',
    '0023',
    '東京都',
    '新宿区',
    '西新宿2-8-1',
    '',
    '03',
    '1111',
    '2222',
    '銀行振込',
    'TE-200',
    '深蒸し煎茶 100g',
    '3',
    '1080',
  ];
  const file = () => upload('other-mall.csv', sjis(`${[csvLine(header), csvLine(line)].join('\r\n')}\r\n`));
  const fields = {
    orderNo: '伝票番号',
    orderedAt: '受注日時',
    shipName: ['姓', '名'],
    shipPostalCode: ['郵便番号1', '郵便番号2'],
    shipPrefecture: '都道府県',
    shipAddress1: ['市区町村', '番地'],
    shipAddress2: '建物',
    shipPhone: ['電話1', '電話2', '電話3'],
    paymentMethod: '決済',
    sku: 'SKU',
    title: '品名',
    quantity: '数量',
    unitPrice: '単価',
  };

  it('keeps the columns of each field in order, previews and imports them joined (the empty ones left out)', async () => {
    const asked = (await t.call('imports:preview', {
      files: [file()],
      channel: 'yahoo_shopping',
    })) as ImportNeedsMapping;
    expect(asked.kind).toBe('needs_mapping');
    const mapping = await t.call('imports:saveMapping', {
      name: '他モール',
      channel: 'own',
      fields: { ...fields, orderComment: ['', ''], shipAddress2: ['建物', ''] },
    });
    // Blank choices are dropped; one column stays a plain header.
    expect(mapping.fields).toMatchObject({ shipName: ['姓', '名'], shipAddress2: '建物' });
    expect(mapping.fields).not.toHaveProperty('orderComment');
    expect(await t.call('imports:mappings', {})).toEqual([mapping]);
    const p = await preview(file(), mapping.id);
    expect(p).toMatchObject({ channel: 'own', counts: { new: 1, rejected: 0 } });
    expect(p.newOrders).toEqual([expect.objectContaining({ orderNo: 'K-501', buyerName: '田中 花子' })]);
    await t.call('imports:commit', { previewId: p.previewId });
    expect(order('K-501')).toMatchObject({
      ship_name: '田中 花子',
      ship_postal_code: '160-0023',
      ship_prefecture: '東京都',
      ship_address1: '新宿区西新宿2-8-1',
      ship_phone: '03-1111-2222',
      payment_method: 'bank_transfer',
      total: 3240,
    });
  });

  it('names a joined column the file lacks, and imports nothing', async () => {
    const mapping = await t.call('imports:saveMapping', {
      name: '他モール旧',
      channel: 'own',
      fields: { ...fields, shipAddress1: ['市区町村', '番地', '丁目'] },
    });
    await expect(preview(file(), mapping.id)).rejects.toThrow(/マッピング「他モール旧」の見出しがありません: 丁目/);
    expect(order('K-501')).toBeUndefined();
  });

  it('refuses more than five columns for one field, in Japanese', async () => {
    await expect(
      t.call('imports:saveMapping', {
        name: '多すぎ',
        channel: 'own',
        fields: { ...fields, shipAddress1: ['a', 'b', 'c', 'd', 'e', 'f'] },
      }),
    ).rejects.toThrow(/5つまで/);
  });
});
