import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabelExportResult, LabelFormat } from '../../../src-shared/api/carriers.js';
import type { NewOrder } from '../../../src-shared/domain/order.js';
import { setUpLabelStore } from '../../helpers/carrier-store.js';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  setUpLabelStore(t);
});
afterEach(() => t.close());

const paid = (orders: Partial<NewOrder>[]) =>
  insertOrders(
    t.app.ctx.database.sqlite,
    orders.map((order) => ({ order, initial: { status: 'paid' } })),
  );
const exportAs = (format: LabelFormat, orderIds: number[]): Promise<LabelExportResult> =>
  t.call('carriers:export', { format, orderIds, shipDate: '2026-12-02' });
const bytesOf = (r: LabelExportResult) => Buffer.from(r.files[0]!.base64, 'base64');
/** The file's lines as Shift_JIS bytes, each cut after its first `cells` cells. */
const leadingCells = (r: LabelExportResult, cells: number) =>
  iconv
    .decode(bytesOf(r), 'cp932')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => iconv.encode(l.split(',').slice(0, cells).join(','), 'cp932'));
const sjis = (line: string) => iconv.encode(line, 'cp932');

describe('B2クラウド 送り状種類: every type a 配送方法 can name', () => {
  it('0 発払い, 2 コレクト, 3 DM便, 4 タイム, 5 着払い, 7 ネコポス, 8 コンパクト, 9 コンパクトコレクト', async () => {
    const ids = paid([
      { orderNo: 'B-0', deliveryMethod: '宅急便' },
      { orderNo: 'B-2', deliveryMethod: '宅急便', paymentMethod: 'cod' },
      { orderNo: 'B-3', deliveryMethod: 'クロネコゆうメール' },
      { orderNo: 'B-4', deliveryMethod: '宅急便タイムサービス', deliveryDate: '2026-12-03' },
      { orderNo: 'B-5', deliveryMethod: '宅急便（着払い）', deliveryTimeSlot: '18-20' },
      { orderNo: 'B-7', deliveryMethod: 'クロネコゆうパケット' },
      { orderNo: 'B-8', deliveryMethod: '宅急便コンパクト' },
      { orderNo: 'B-9', deliveryMethod: '宅急便コンパクト', paymentMethod: 'cod' },
    ]);
    const result = await exportAs('yamato_b2', ids);
    expect(result.problems).toEqual([]);
    expect(leadingCells(result, 7).slice(1)).toEqual(
      [
        '"B-0","0","0","","2026/12/02","",""',
        '"B-2","2","0","","2026/12/02","",""',
        '"B-3","3","0","","2026/12/02","",""',
        '"B-4","4","0","","2026/12/02","2026/12/03","0010"',
        '"B-5","5","0","","2026/12/02","","1820"',
        '"B-7","7","0","","2026/12/02","",""',
        '"B-8","8","0","","2026/12/02","",""',
        '"B-9","9","0","","2026/12/02","",""',
      ].map(sjis),
    );
  });

  it('refuses by order what no 送り状種類 is: 着払い with 代引, コンパクト 着払い, a slot on タイム', async () => {
    const ids = paid([
      { orderNo: 'OK-1', deliveryMethod: '宅急便' },
      { orderNo: 'NG-1', deliveryMethod: '宅急便 着払い', paymentMethod: 'cod' },
      { orderNo: 'NG-2', deliveryMethod: '宅急便コンパクト着払い' },
      { orderNo: 'NG-3', deliveryMethod: 'タイムサービス', deliveryTimeSlot: 'am' },
    ]);
    const result = await exportAs('yamato_b2', ids);
    expect(result.files).toEqual([]);
    expect(result.problems.map((p) => [p.orderNo, p.message])).toEqual([
      ['NG-1', '着払いと代金引換は一緒に指定できません。配送方法か支払方法を確認してください。'],
      ['NG-2', '宅急便コンパクトは着払いで送れません。配送方法を変えてください。'],
      ['NG-3', '宅急便タイムサービスは配達時間帯を指定できません（配送時間帯 午前中）。'],
    ]);
  });
});

describe('ゆうパックプリントR', () => {
  it('ゆうパック and ゆうパケット rows, byte by byte', async () => {
    const ids = paid([
      {
        orderNo: 'Y-1',
        deliveryMethod: 'ゆうパック',
        deliveryDate: '2026-12-04',
        deliveryTimeSlot: '19-21',
        paymentMethod: 'cod',
      },
      { orderNo: 'Y-2', deliveryMethod: 'ゆうパケット', shipTo: { ...shipTo, address2: 'コーポ丸の内 101' } },
      { orderNo: 'Y-3', deliveryMethod: 'ゆうパック着払い' },
    ]);
    const result = await exportAs('japanpost_yupackprint', ids);
    expect(result.problems).toEqual([]);
    expect(result.files[0]!.fileName).toMatch(/^ゆうプリR取込_\d{8}-\d{6}\.csv$/);
    const head =
      '"お客様側管理番号","発送予定日","郵便種別","保冷種別","元/着払/代引","お届け先郵便番号","お届け先住所1","お届け先住所2","お届け先住所3","お届け先名","お届け先敬称","お届け先電話番号","お届け予定日","配達時間帯","ご依頼主郵便番号","ご依頼主住所1","ご依頼主住所2","ご依頼主名","ご依頼主電話番号","品名","代引金額","代引消費税額","記事","書留/セキュリティ/特定記録種別"';
    const store = '"103-0027","東京都中央区日本橋1-1-1","","チュウモン東京店","03-1234-5678","有田焼 マグカップ 藍"';
    const to = '"100-0005","東京都千代田区丸の内1丁目2番3号"';
    expect(bytesOf(result)).toEqual(
      sjis(
        [
          head,
          `"Y-1","20261202","0","0","2",${to},"","","山田 太郎","様","090-1111-2222","20261204","57",${store},"3850","350","",""`,
          `"Y-2","20261202","9","0","0",${to},"コーポ丸の内 101","","山田 太郎","様","090-1111-2222","","00",${store},"","","",""`,
          `"Y-3","20261202","0","0","1",${to},"","","山田 太郎","様","090-1111-2222","","00",${store},"","","",""`,
          '',
        ].join('\r\n'),
      ),
    );
  });

  it('refuses what the service cannot meet before any file is made', async () => {
    const ids = paid([
      { orderNo: 'OK-1', deliveryMethod: 'ゆうパック' },
      { orderNo: 'NG-1', deliveryMethod: 'ゆうパケット', deliveryTimeSlot: 'am' },
      { orderNo: 'NG-2', deliveryMethod: 'ゆうパック', deliveryDate: '2026-12-01' },
      { orderNo: 'NG-3', deliveryMethod: '宅急便' },
      { orderNo: 'NG-4', deliveryMethod: 'ゆうパケット', paymentMethod: 'cod' },
      { orderNo: 'AMZ-503-1234567-1234567', deliveryMethod: 'ゆうパック' },
    ]);
    const result = await exportAs('japanpost_yupackprint', ids);
    expect(result.files).toEqual([]);
    expect(result.problems.map((p) => [p.orderNo, p.field])).toEqual([
      ['NG-1', '配送希望'],
      ['NG-2', '配送希望'],
      ['NG-3', '配送希望'],
      ['NG-4', '配送希望'],
      ['AMZ-503-1234567-1234567', 'お客様側管理番号'],
    ]);
    const messages = result.problems.map((p) => p.message);
    expect(messages[0]).toBe('ゆうパケットは配達時間帯を指定できません（配送時間帯 午前中）。');
    expect(messages[1]).toContain('配送希望日 2026/12/01 は出荷日 2026/12/02 より前です');
    expect(messages[2]).toContain('日本郵便 ゆうパックプリントRでは出せません');
    expect(messages[3]).toBe('ゆうパケットは代金引換で送れません。配送方法を変えてください。');
    expect(messages[4]).toContain('半角15文字まで');
  });
});

const shipTo = {
  name: '山田 太郎',
  postalCode: '100-0005',
  prefecture: '東京都',
  address1: '千代田区丸の内1丁目2番3号',
  address2: '',
  phone: '090-1111-2222',
};
