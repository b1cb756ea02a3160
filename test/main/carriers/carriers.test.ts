import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabelExportResult } from '../../../src-shared/api/carriers.js';
import { setUpLabelStore } from '../../helpers/carrier-store.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { insertOrders, makeOrder } from '../../helpers/orders.js';
import { csvLine, sjis, upload } from '../../helpers/order-files.js';

let t: TestApp;
const db = () => t.app.ctx.database.sqlite;

beforeEach(() => {
  t = createTestApp();
  setUpLabelStore(t);
});
afterEach(() => t.close());

const q = (values: string[]) => values.map((v) => `"${v}"`).join(',');
const fileText = (r: LabelExportResult, i = 0) => iconv.decode(Buffer.from(r.files[i]!.base64, 'base64'), 'cp932');

/** The B2 Cloud import layout, typed out from Yamato's specification (97 columns). */
const B2_HEADER =
  'お客様管理番号,送り状種類,クール区分,伝票番号,出荷予定日,お届け予定（指定）日,配達時間帯,お届け先コード,お届け先電話番号,お届け先電話番号枝番,お届け先郵便番号,お届け先住所,お届け先住所（アパートマンション名）,お届け先会社・部門名１,お届け先会社・部門名２,お届け先名,お届け先名略称カナ,敬称,ご依頼主コード,ご依頼主電話番号,ご依頼主電話番号枝番,ご依頼主郵便番号,ご依頼主住所,ご依頼主住所（アパートマンション名）,ご依頼主名,ご依頼主略称カナ,品名コード１,品名１,品名コード２,品名２,荷扱い１,荷扱い２,記事,コレクト代金引換額（税込）,コレクト内消費税額等,営業所止置き,営業所コード,発行枚数,個数口枠の印字,ご請求先顧客コード,ご請求先分類コード,運賃管理番号,クロネコwebコレクトデータ登録,クロネコwebコレクト加盟店番号,クロネコwebコレクト申込受付番号１,クロネコwebコレクト申込受付番号２,クロネコwebコレクト申込受付番号３,お届け予定ｅメール利用区分,お届け予定ｅメールe-mailアドレス,入力機種,お届け予定eメールメッセージ,お届け完了eメール利用区分,お届け完了ｅメールe-mailアドレス,お届け完了ｅメールメッセージ,クロネコ収納代行利用区分,収納代行決済ＱＲコード印刷,収納代行請求金額(税込),収納代行内消費税額等,収納代行請求先郵便番号,収納代行請求先住所,収納代行請求先住所（アパートマンション名）,収納代行請求先会社・部門名１,収納代行請求先会社・部門名２,収納代行請求先名(漢字),収納代行請求先名(カナ),収納代行問合せ先名(漢字),収納代行問合せ先郵便番号,収納代行問合せ先住所,収納代行問合せ先住所（アパートマンション名）,収納代行問合せ先電話番号,収納代行管理番号,収納代行品名,収納代行備考,複数口くくりキー,検索キータイトル１,検索キー１,検索キータイトル２,検索キー２,検索キータイトル３,検索キー３,検索キータイトル４,検索キー４,検索キータイトル５,検索キー５,予備,予備,投函予定メール利用区分,投函予定メールe-mailアドレス,投函予定メールメッセージ,投函完了メール（お届け先宛）利用区分,投函完了メール（お届け先宛）e-mailアドレス,投函完了メール（お届け先宛）メールメッセージ,投函完了メール（ご依頼主宛）利用区分,投函完了メール（ご依頼主宛）e-mailアドレス,投函完了メール（ご依頼主宛）メールメッセージ,連携管理番号,通知メールアドレス'.split(
    ',',
  );

/** A B2 row with the given 1-based columns set, the rest empty. */
function b2Row(set: Record<number, string>): string[] {
  const row = Array.from({ length: 97 }, () => '');
  for (const [no, value] of Object.entries(set)) row[Number(no) - 1] = value;
  return row;
}

describe('carrier label export', () => {
  it('Yamato B2 Cloud: the exact 97-column layout in Shift_JIS, COD as コレクト with its tax', async () => {
    expect(B2_HEADER).toHaveLength(97);
    const [plain, cod] = insertOrders(db(), [
      {
        order: { orderNo: 'Y-0001', shipTo: { ...makeOrder().shipTo, address2: 'サンライズ丸の内 1203号室' } },
        initial: { status: 'paid' },
      },
      { order: { orderNo: 'Y-0002', paymentMethod: 'cod', codFee: 330 }, initial: { status: 'paid' } },
    ]);
    const result = await t.call('carriers:export', {
      format: 'yamato_b2',
      orderIds: [plain!, cod!],
      shipDate: '2026-11-28',
    });
    expect(result.problems).toEqual([]);
    expect(result.files).toHaveLength(1);
    expect(result.files[0]!.fileName).toMatch(/^B2クラウド取込_\d{8}-\d{6}\.csv$/);
    const common = {
      3: '0',
      5: '2026/11/28',
      9: '090-1111-2222',
      11: '100-0005',
      12: '東京都千代田区丸の内1丁目2番3号',
      16: '山田 太郎',
      18: '様',
      20: '03-1234-5678',
      22: '103-0027',
      23: '東京都中央区日本橋1-1-1',
      25: 'チュウモン東京店',
      28: '有田焼 マグカップ 藍',
      38: '1',
      40: '0312345678',
      42: '01',
    };
    const expected = [
      q(B2_HEADER),
      q(b2Row({ ...common, 1: 'Y-0001', 2: '0', 13: 'サンライズ丸の内 1203号室' })),
      q(b2Row({ ...common, 1: 'Y-0002', 2: '2', 34: '4180', 35: '380' })),
    ].join('\r\n');
    expect(Buffer.from(result.files[0]!.base64, 'base64').equals(iconv.encode(`${expected}\r\n`, 'cp932'))).toBe(true);
  });

  it('Sagawa e飛伝Ⅱ: 39 columns, the address in lines of 16 full-width characters, and refuses what it cannot take', async () => {
    const long = '世田谷区三軒茶屋二丁目十一番二十三号サンライズ三軒茶屋ビル北館';
    const [ok, tooLong, badNo, badChar] = insertOrders(db(), [
      {
        order: {
          orderNo: 'S-1',
          shipTo: {
            ...makeOrder().shipTo,
            address1: '千代田区丸の内一丁目二番三号丸の内ビルディング',
            address2: '12階',
          },
        },
        initial: { status: 'paid' },
      },
      {
        order: { orderNo: 'S-2', shipTo: { ...makeOrder().shipTo, address1: long, address2: long } },
        initial: { status: 'paid' },
      },
      { order: { orderNo: 'chumon-store-10000001' }, initial: { status: 'paid' } },
      { order: { orderNo: 'S-4', shipTo: { ...makeOrder().shipTo, name: '𠮷田 花子' } }, initial: { status: 'paid' } },
    ]);
    const good = await t.call('carriers:export', { format: 'sagawa_ehiden2', orderIds: [ok!], shipDate: '2026-11-28' });
    const lines = fileText(good).split('\r\n');
    expect(lines[0]!.split(',')).toHaveLength(39);
    expect(lines[0]).toBe(
      q(
        '住所録コード,お届け先電話番号,お届け先郵便番号,お届け先住所１,お届け先住所２,お届け先住所３,お届け先名称１,お届け先名称２,お客様管理ナンバー,お客様コード,部署・担当者（荷送人）,荷送人電話番号,ご依頼主電話番号,ご依頼主郵便番号,ご依頼主住所１,ご依頼主住所２,ご依頼主名称１,ご依頼主名称２,荷姿コード,品名１,品名２,品名３,品名４,品名５,出荷個数,便種（スピードで選択）,便種（商品）,配達日,配達指定時間帯,配達指定時間（時分）,代引金額,消費税,保険金額,指定シール①,指定シール②,指定シール③,営業店止め,営業店コード,元着区分'.split(
          ',',
        ),
      ),
    );
    const row = lines[1]!.split(',').map((v) => v.slice(1, -1));
    expect(row.slice(1, 9)).toEqual([
      '090-1111-2222',
      '100-0005',
      '東京都千代田区丸の内一丁目二番三',
      '号丸の内ビルディング',
      '12階',
      '山田 太郎',
      '',
      'S-1',
    ]);
    expect([row[12], row[16], row[24], row[25], row[38]]).toEqual([
      '03-1234-5678',
      'チュウモン東京店',
      '1',
      '000',
      '1',
    ]);

    const bad = await t.call('carriers:export', {
      format: 'sagawa_ehiden2',
      orderIds: [ok!, tooLong!, badNo!, badChar!],
      shipDate: '2026-11-28',
    });
    expect(bad.files).toEqual([]);
    expect(bad.problems).toEqual([
      {
        orderNo: 'S-2',
        field: 'お届け先住所３',
        message: expect.stringMatching(/^長すぎます: 全角16文字（半角32文字）までのところ/),
      },
      {
        orderNo: 'chumon-store-10000001',
        field: 'お客様管理ナンバー',
        message: expect.stringMatching(/^佐川急便 e飛伝Ⅱのお客様管理ナンバーは半角16文字まで/),
      },
      {
        orderNo: 'S-4',
        field: 'お届け先名称１',
        message: '「𠮷」は送り状ソフト（Shift_JIS）で扱えない文字です。別の字に直してください。',
      },
    ]);
  });

  it('Japan Post Click Post: 40 rows a file, no COD, and the store need not be set', async () => {
    const many = insertOrders(
      db(),
      Array.from({ length: 45 }, (_, i) => ({
        order: { orderNo: `CP-${String(i + 1).padStart(3, '0')}`, storeId: null },
        initial: { status: 'paid' as const },
      })),
    );
    const result = await t.call('carriers:export', {
      format: 'japanpost_clickpost',
      orderIds: many,
      shipDate: '2026-11-28',
      itemName: '陶器マグカップ（割れ物）',
    });
    expect(result.files.map((f) => f.fileName)).toEqual([
      expect.stringMatching(/_1\.csv$/),
      expect.stringMatching(/_2\.csv$/),
    ]);
    const first = fileText(result, 0).split('\r\n');
    expect(first).toHaveLength(42);
    expect(first[0]).toBe(
      q([
        'お届け先郵便番号',
        'お届け先氏名',
        'お届け先敬称',
        'お届け先住所1行目',
        'お届け先住所2行目',
        'お届け先住所3行目',
        'お届け先住所4行目',
        '内容品',
      ]),
    );
    expect(first[1]).toBe(
      q(['1000005', '山田 太郎', '様', '東京都千代田区丸の内1丁目2番3号', '', '', '', '陶器マグカップ（割れ物）']),
    );
    expect(fileText(result, 1).split('\r\n')).toHaveLength(7);
    const [cod] = insertOrders(db(), [
      { order: { orderNo: 'CP-COD', paymentMethod: 'cod' }, initial: { status: 'paid' } },
    ]);
    const refused = await t.call('carriers:export', {
      format: 'japanpost_clickpost',
      orderIds: [cod!],
      shipDate: '2026-11-28',
    });
    expect(refused).toMatchObject({
      files: [],
      problems: [{ orderNo: 'CP-COD', message: expect.stringContaining('代金引換で送れません') }],
    });
  });

  it('makes one label for a bundle, with the COD amount of all its orders', async () => {
    const ids = insertOrders(db(), [
      { order: { orderNo: 'BD-1', paymentMethod: 'cod', codFee: 330 }, initial: { status: 'paid' } },
      { order: { orderNo: 'BD-2', paymentMethod: 'cod' }, initial: { status: 'paid' } },
    ]);
    db().prepare("UPDATE orders SET bundle_group = 'G1' WHERE id IN (?, ?)").run(ids[0], ids[1]);
    const result = await t.call('carriers:export', { format: 'yamato_b2', orderIds: ids, shipDate: '2026-11-28' });
    const rows = fileText(result).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(2);
    const cells = rows[1]!.split(',').map((v) => v.slice(1, -1));
    expect([cells[0], cells[1], cells[32], cells[33]]).toEqual(['BD-1', '2', '同梱2件', String(4180 + 3850)]);
  });

  it('refuses a shipped order with the reason', async () => {
    const [id] = insertOrders(db(), [{ order: { orderNo: 'Z-1' }, initial: { status: 'shipped' } }]);
    const result = await t.call('carriers:export', { format: 'yamato_b2', orderIds: [id!], shipDate: '2026-11-28' });
    expect(result.problems.map((p) => [p.field, p.message])).toEqual([
      ['', '「出荷済」の注文です。送り状は作れません。'],
    ]);
  });

  it('without the B2 billing code: one message pointing to 設定 → 印刷・CSV, not one problem per order', async () => {
    t.app.ctx.settings.set('shippingLabels', { yamatoCustomerCode: '', yamatoFreightNo: '01', sagawaCustomerCode: '' });
    const ids = insertOrders(db(), [
      { order: { orderNo: 'Z-2' }, initial: { status: 'paid' } },
      { order: { orderNo: 'Z-3' }, initial: { status: 'paid' } },
    ]);
    await expect(
      t.call('carriers:export', { format: 'yamato_b2', orderIds: ids, shipDate: '2026-11-28' }),
    ).rejects.toThrow(/^B2クラウドのご請求先顧客コードが設定されていません。設定 → 印刷・CSV/);
  });
});

describe('carrier issued-data import (tracking numbers)', () => {
  const b2Issued = (rows: [string, string][]) =>
    sjis(
      [
        csvLine(['お客様管理番号', '送り状種類', '伝票番号', 'お届け先名']),
        ...rows.map(([no, tn]) => csvLine([no, '0', tn, '山田 太郎'])),
      ].join('\r\n') + '\r\n',
    );

  it('B2 Cloud 発行済データ: registers through the status engine → 出荷待ち and reports every other row', async () => {
    const [paid1, paid2, fresh, has, same] = insertOrders(db(), [
      { order: { orderNo: 'T-1' }, initial: { status: 'paid' } },
      { order: { orderNo: 'T-2' }, initial: { status: 'paid' } },
      { order: { orderNo: 'T-3' }, initial: { status: 'new' } },
      {
        order: { orderNo: 'T-4' },
        initial: { status: 'awaiting_shipment', carrier: 'yamato', trackingNo: '999988887777' },
      },
      {
        order: { orderNo: 'T-5' },
        initial: { status: 'awaiting_shipment', carrier: 'yamato', trackingNo: '111122223333' },
      },
    ]);
    const file = upload(
      'b2-issued.csv',
      b2Issued([
        ['T-1', '4321-0000-0001'],
        ['T-2', '432100000002'],
        ['T-2', '432100000002'],
        ['T-3', '432100000003'],
        ['T-4', '432100000004'],
        ['T-5', '1111-2222-3333'],
        ['NOPE-9', '432100000009'],
        ['T-6', 'abc'],
      ]),
    );
    const preview = await t.call('carriers:importPreview', { file });
    expect(preview).toMatchObject({ format: 'ヤマト運輸 B2クラウド 発行済データ', carrier: 'yamato' });
    expect(preview.rows.map((r) => [r.line, r.managementNo, r.status])).toEqual([
      [2, 'T-1', 'register'],
      [3, 'T-2', 'register'],
      [4, 'T-2', 'duplicate'],
      [5, 'T-3', 'refused'],
      [6, 'T-4', 'conflict'],
      [7, 'T-5', 'already'],
      [8, 'NOPE-9', 'unmatched'],
      [9, 'T-6', 'refused'],
    ]);
    expect(preview.rows[4]!.message).toBe('別の送り状番号（999988887777）が登録済みです。上書きしません。');
    expect(preview.rows[3]!.message).toMatch(/「新規」の注文には送り状番号登録はできません/);
    const result = await t.call('carriers:importCommit', { previewId: preview.previewId });
    expect(result).toEqual({ registered: 2, refused: [] });
    const rows = db().prepare('SELECT id, status, tracking_no, carrier FROM orders ORDER BY id').all();
    expect(rows).toEqual([
      { id: paid1, status: 'awaiting_shipment', tracking_no: '432100000001', carrier: 'yamato' },
      { id: paid2, status: 'awaiting_shipment', tracking_no: '432100000002', carrier: 'yamato' },
      { id: fresh, status: 'new', tracking_no: null, carrier: null },
      { id: has, status: 'awaiting_shipment', tracking_no: '999988887777', carrier: 'yamato' },
      { id: same, status: 'awaiting_shipment', tracking_no: '111122223333', carrier: 'yamato' },
    ]);
    const history = (await t.call('orders:get', { id: paid1! })).history.at(-1)!;
    expect(history).toMatchObject({
      kind: 'status',
      from: 'paid',
      to: 'awaiting_shipment',
      reason: 'ヤマト運輸 B2クラウド 発行済データの取込',
    });

    // The same file again registers nothing and writes nothing.
    const before = db()
      .prepare('SELECT (SELECT count(*) FROM order_history) AS h, (SELECT count(*) FROM sync_outbox) AS o')
      .get();
    const again = await t.call('carriers:importPreview', { file });
    expect(again.counts).toMatchObject({ register: 0, already: 3 });
    expect(await t.call('carriers:importCommit', { previewId: again.previewId })).toEqual({
      registered: 0,
      refused: [],
    });
    expect(
      db().prepare('SELECT (SELECT count(*) FROM order_history) AS h, (SELECT count(*) FROM sync_outbox) AS o').get(),
    ).toEqual(before);
  });

  it('e飛伝Ⅱ 出荷データ: a bundle shares one number and moves together; a number shared by unbundled orders is held back', async () => {
    const ids = insertOrders(
      db(),
      ['SG-1', 'SG-2', 'SG-3', 'SG-4', 'SG-5'].map((orderNo) => ({
        order: { orderNo },
        initial: { status: 'paid' as const },
      })),
    );
    db().prepare("UPDATE orders SET bundle_group = 'G9' WHERE id IN (?, ?)").run(ids[0], ids[1]);
    const rows = [
      ['SG-1', '5000-1111-2222'],
      ['SG-2', '5000-1111-2222'],
      ['SG-3', '5000-3333-4444'],
      ['SG-4', '5000-5555-6666'],
      ['SG-5', '5000-5555-6666'],
    ];
    const text = [
      csvLine(['出荷日', 'お客様管理ナンバー', 'お問い合せ送り状No.']),
      ...rows.map(([no, tn]) => csvLine(['2026/11/28', no!, tn!])),
    ].join('\r\n');
    const preview = await t.call('carriers:importPreview', { file: upload('ehiden.csv', sjis(text)) });
    expect(preview.carrier).toBe('sagawa');
    expect(preview.rows.map((r) => r.status)).toEqual(['register', 'register', 'register', 'duplicate', 'duplicate']);
    expect(preview.rows[3]!.message).toBe('同じ送り状番号が別の注文（SG-5）の行にもあります。');
    expect(await t.call('carriers:importCommit', { previewId: preview.previewId })).toEqual({
      registered: 2,
      refused: [],
    });
    expect(db().prepare('SELECT order_no, status, tracking_no, carrier FROM orders ORDER BY id').all()).toEqual([
      { order_no: 'SG-1', status: 'awaiting_shipment', tracking_no: '500011112222', carrier: 'sagawa' },
      { order_no: 'SG-2', status: 'awaiting_shipment', tracking_no: '500011112222', carrier: 'sagawa' },
      { order_no: 'SG-3', status: 'awaiting_shipment', tracking_no: '500033334444', carrier: 'sagawa' },
      { order_no: 'SG-4', status: 'paid', tracking_no: null, carrier: null },
      { order_no: 'SG-5', status: 'paid', tracking_no: null, carrier: null },
    ]);
  });

  it('refuses a file that is not issued data, changing nothing', async () => {
    await expect(
      t.call('carriers:importPreview', { file: upload('x.csv', sjis('"a","b"\r\n"1","2"\r\n')) }),
    ).rejects.toThrow(/送り状の発行済データではないようです/);
  });
});
