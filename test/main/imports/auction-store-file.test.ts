import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../src-shared/api/imports.js';
import { csvLine, sjis, upload } from '../../helpers/order-files.js';
import { useImportApp } from '../../helpers/order-import.js';

const { t } = useImportApp();

const HEADER = [
  'オークションID',
  'タイトル',
  '管理番号',
  '落札価格',
  '落札数量',
  '落札日時',
  '落札者氏名',
  '落札者郵便番号',
  '落札者都道府県',
  '落札者住所',
  '落札者電話番号',
  '落札者メールアドレス',
  '送付先氏名',
  '送付先郵便番号',
  '送付先都道府県',
  '送付先住所',
  '送付先電話番号',
  '支払方法',
  '送料',
  '合計金額',
  '落札者コメント',
];

const line = (id: string, overrides: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    オークションID: id,
    タイトル: '南部鉄器 急須 0.5L',
    管理番号: 'NT-05',
    落札価格: '4800',
    落札数量: '1',
    落札日時: '2026/11/20 21:03:15',
    落札者氏名: '佐藤 次郎',
    落札者郵便番号: '020-0021',
    落札者都道府県: '岩手県',
    落札者住所: '盛岡市中央通1-1-1',
    落札者電話番号: '019-600-0000',
    落札者メールアドレス: 'jiro@example.jp',
    送付先氏名: '',
    送付先郵便番号: '',
    送付先都道府県: '',
    送付先住所: '',
    送付先電話番号: '',
    支払方法: 'Yahoo!かんたん決済',
    送料: '800',
    合計金額: '5600',
    落札者コメント: '',
    ...overrides,
  };
  return csvLine(HEADER.map((h) => values[h] ?? ''));
};

const order = (no: string) =>
  t.app.ctx.database.sqlite
    .prepare(
      'SELECT channel, buyer_name, ship_name, ship_postal_code, ship_prefecture, ship_address1, shipping_fee, total FROM orders WHERE order_no = ?',
    )
    .get(no);

describe('F1 ヤフオク! store 落札データ', () => {
  it('is recognised by its header names as Yahoo!オークション orders, the buyer standing in for an empty 送付先', async () => {
    const data = [
      HEADER.join(','),
      line('x1100000001'),
      line('x1100000002', {
        送付先氏名: '佐藤 花子',
        送付先郵便番号: '980-0021',
        送付先都道府県: '宮城県',
        送付先住所: '仙台市青葉区中央1-1',
      }),
    ].join('\r\n');
    const result = await t.call('imports:preview', {
      files: [upload('落札データ一覧.csv', sjis(data))],
      channel: 'yahoo_shopping',
    });
    expect(result.kind).toBe('preview');
    const p = result as ImportPreview;
    expect(p).toMatchObject({
      layout: expect.stringContaining('ヤフオク! ストア 落札データ'),
      // The store's own download is Yahoo!オークション whatever channel the clerk chose.
      channel: 'yahoo_auction',
      counts: { new: 2, updated: 0, unchanged: 0, rejected: 0 },
    });
    await t.call('imports:commit', { previewId: p.previewId });
    expect(order('x1100000001')).toEqual({
      channel: 'yahoo_auction',
      buyer_name: '佐藤 次郎',
      ship_name: '佐藤 次郎',
      ship_postal_code: '020-0021',
      ship_prefecture: '岩手県',
      ship_address1: '盛岡市中央通1-1-1',
      shipping_fee: 800,
      total: 5600,
    });
    expect(order('x1100000002')).toMatchObject({ ship_name: '佐藤 花子', ship_prefecture: '宮城県' });
  });

  it('without the 落札データ headers is not taken for it', async () => {
    const data = [HEADER.filter((h) => h !== '落札者氏名').join(','), line('x1100000003')].join('\r\n');
    const result = await t.call('imports:preview', {
      files: [upload('other.csv', sjis(data))],
      channel: 'yahoo_auction',
    });
    expect(result.kind).toBe('needs_mapping');
  });
});
