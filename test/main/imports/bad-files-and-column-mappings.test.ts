import { describe, expect, it } from 'vitest';
import type { ImportNeedsMapping } from '../../../src-shared/api/imports.js';
import { fixture, useImportApp } from '../../helpers/order-import.js';
import { fileOrder, sjis, upload, yahooCombined } from '../../helpers/order-files.js';

const { t, db, state, preview } = useImportApp();

describe('F1 atomicity and bad files', () => {
  it('is one transaction: a failure while writing leaves the database as it was', async () => {
    const p = await preview([fixture('yahoo-combined-sjis.csv')]);
    db().exec(
      "CREATE TRIGGER fail_on_fifth BEFORE INSERT ON orders WHEN NEW.order_no = 'yahoo-store-0005' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const before = state();
    await expect(t.call('imports:commit', { previewId: p.previewId })).rejects.toThrow(/予期しないエラー/);
    expect(state()).toEqual(before);
    db().exec('DROP TRIGGER fail_on_fifth');
    // The preview is used up; a fresh one imports everything.
    await expect(t.call('imports:commit', { previewId: p.previewId })).rejects.toThrow(/有効期限が切れました/);
    const fresh = await preview([fixture('yahoo-combined-sjis.csv')]);
    expect((await t.call('imports:commit', { previewId: fresh.previewId })).inserted).toBe(5);
  });

  const badFiles: [string, RegExp][] = [
    ['bad-empty.csv', /「bad-empty\.csv」は空です/],
    ['bad-header-only.csv', /見出し行だけで注文の行がありません/],
    ['bad-truncated-sjis.csv', /\d+行目/],
    ['bad-unbalanced-quote.csv', /6行目: 引用符（"）/],
    ['bad-euc-jp.csv', /EUC-JP で保存されています/],
    ['bad-binary.csv', /(CSV（テキスト）ファイルではない|文字コードを判別できません).*\d+行目/],
  ];
  for (const [name, message] of badFiles) {
    it(`refuses ${name} with a clear message and imports nothing`, async () => {
      const before = state();
      const error = await t
        .call('imports:preview', { files: [fixture(name)], channel: 'yahoo_shopping' })
        .catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toMatch(/何も取り込んでいません|選んでください/);
      expect(state()).toEqual(before);
    });
  }
});

describe('F1 and bytes that did not arrive as base64', () => {
  it('refuses text that is not base64 and imports nothing; the same file whole is read', async () => {
    const { base64 } = fixture('yahoo-combined-sjis.csv');
    if (base64 === undefined) throw new Error('the fixture is sent as base64');
    const broken = [
      `${base64.slice(0, 40)}$${base64.slice(41)}`, // a character outside the alphabet
      `${base64.slice(0, 40)} ${base64.slice(40)}`, // a space in the middle
      `${base64.slice(0, 40)}=${base64.slice(41)}`, // padding in the middle
      `${base64.replace(/=+$/, '')}===`, // too much padding
    ];
    const before = state();
    for (const text of broken) {
      const error = await t
        .call('imports:preview', { files: [{ name: '注文.csv', base64: text }], channel: 'yahoo_shopping' })
        .catch((e: Error) => e);
      expect(error, text.slice(30, 50)).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(
        /ファイルの内容を読み取れませんでした。もう一度ファイルを選んでください。/,
      );
    }
    expect(state()).toEqual(before);
    const whole = await preview([{ name: '注文.csv', base64 }]);
    expect(whole.counts.new).toBeGreaterThan(0);
  });
});

describe("F1 and a file cut off after a line's quantity", () => {
  it('refuses the order whose last line lost its price instead of importing that line at ¥0', async () => {
    const item = (title: string, unitPrice: number) => ({
      itemId: 'SKU-1',
      subCode: '',
      title,
      quantity: 1,
      unitPrice,
    });
    const whole = fileOrder({ items: [item('急須', 3000)] });
    const cut = fileOrder({ items: [item('湯呑', 1200), { ...item('茶托', 800), itemId: 'SKU-2' }] });
    const text = yahooCombined([whole, cut]);
    // The file ends right after the last line's quantity: `…,"1",` with the price and line break gone.
    const truncated = text.slice(0, text.lastIndexOf('"800"'));
    expect(truncated.endsWith('"1",')).toBe(true);
    const p = await preview([upload('cut.csv', sjis(truncated))]);
    expect(p.counts).toMatchObject({ new: 1, rejected: 1 });
    expect(p.rejected[0]).toMatchObject({ orderNo: cut.orderNo });
    expect(p.rejected[0]!.reason).toMatch(/単価が空です.*途中で切れて/);
  });
});

describe('F1 saved column mappings for other layouts', () => {
  const shopFields = {
    orderNo: '受注番号',
    orderedAt: '受注日',
    shipName: '氏名',
    shipPostalCode: '郵便番号',
    shipAddress1: '住所',
    shipPhone: '電話',
    paymentMethod: '支払',
    shippingFee: '送料',
    sku: '商品コード',
    title: '品名',
    quantity: '個数',
    unitPrice: '価格',
  };

  it('asks for a mapping for an unknown layout, saves it, and imports through it', async () => {
    const first = (await t.call('imports:preview', {
      files: [fixture('own-shop-utf8.csv')],
      channel: 'yahoo_shopping',
    })) as ImportNeedsMapping;
    expect(first.kind).toBe('needs_mapping');
    expect(first.headers).toEqual([
      '受注番号',
      '受注日',
      '氏名',
      '郵便番号',
      '住所',
      '電話',
      '支払',
      '送料',
      '商品コード',
      '品名',
      '個数',
      '価格',
    ]);
    await expect(
      t.call('imports:saveMapping', { name: '自社', channel: 'own', fields: { orderNo: '受注番号' } }),
    ).rejects.toThrow(/注文日時、お届け先名/);
    const mapping = await t.call('imports:saveMapping', { name: '自社サイト', channel: 'own', fields: shopFields });
    expect(await t.call('imports:mappings', {})).toEqual([mapping]);
    const p = await t.call('imports:preview', {
      files: [fixture('own-shop-utf8.csv')],
      channel: 'yahoo_shopping',
      mappingId: mapping.id,
    });
    if (p.kind !== 'preview') throw new Error('expected a preview');
    expect(p).toMatchObject({ channel: 'own', counts: { new: 1, rejected: 0 } });
    await t.call('imports:commit', { previewId: p.previewId });
    expect(
      db()
        .prepare(
          "SELECT channel, ship_prefecture, ship_address1, payment_method, total FROM orders WHERE order_no = 'S-1001'",
        )
        .get(),
    ).toEqual({
      channel: 'own',
      ship_prefecture: '東京都',
      ship_address1: '新宿区西新宿2-8-1',
      payment_method: 'bank_transfer',
      total: 4120,
    });
  });

  it('reads a file whose headers fit a saved mapping by that mapping without asking again', async () => {
    // A looser mapping fits too; the one naming more of the file's headers is the file's own.
    const fewer = Object.fromEntries(Object.entries(shopFields).filter(([field]) => field !== 'shippingFee'));
    await t.call('imports:saveMapping', { name: '自社（送料なし）', channel: 'yahoo_shopping', fields: fewer });
    await t.call('imports:saveMapping', { name: '自社サイト', channel: 'own', fields: shopFields });
    await t.call('imports:saveMapping', {
      name: '別形式',
      channel: 'own',
      fields: { ...shopFields, orderComment: '備考欄' },
    });
    const p = await t.call('imports:preview', { files: [fixture('own-shop-utf8.csv')], channel: 'yahoo_shopping' });
    if (p.kind !== 'preview') throw new Error(`expected a preview, got ${p.kind}`);
    expect(p).toMatchObject({ channel: 'own', layout: 'マッピング「自社サイト」（自社サイト）', counts: { new: 1 } });
  });

  it('refuses a file that lacks a mapped header, naming it', async () => {
    const mapping = await t.call('imports:saveMapping', {
      name: '別形式',
      channel: 'own',
      fields: { ...shopFields, orderComment: '備考欄' },
    });
    await expect(
      t.call('imports:preview', {
        files: [fixture('own-shop-utf8.csv')],
        channel: 'yahoo_shopping',
        mappingId: mapping.id,
      }),
    ).rejects.toThrow(/マッピング「別形式」の見出しがありません: 備考欄/);
  });
});
