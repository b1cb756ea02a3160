import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LABEL_FORMATS, type LabelExportResult } from '../../../src-shared/api/carriers.js';
import { readCsv } from '../../../src-shared/order-files/csv-read.js';
import { setUpLabelStore } from '../../helpers/carrier-store.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { insertOrders, makeOrder } from '../../helpers/orders.js';

let t: TestApp;
const db = () => t.app.ctx.database.sqlite;
const shipDate = '2026-11-28';

beforeEach(() => {
  t = createTestApp();
  setUpLabelStore(t);
});
afterEach(() => t.close());

/** The label file as the carrier's import (or Excel) reads it: header + records of cells. */
function cells(result: LabelExportResult): { header: string[]; rows: string[][] } {
  expect(result.problems).toEqual([]);
  const table = readCsv(iconv.decode(Buffer.from(result.files[0]!.base64, 'base64'), 'cp932'), 'label');
  return { header: table.header, rows: table.records.map((r) => r.fields) };
}

const cell = (file: { header: string[]; rows: string[][] }, row: number, header: string) =>
  file.rows[row]![file.header.indexOf(header)];

/** Everything that changes when the app writes: nothing may on a refused export. */
const journalCounts = () =>
  db()
    .prepare(
      'SELECT (SELECT count(*) FROM order_history) AS h, (SELECT count(*) FROM sync_outbox) AS o, (SELECT max(version) FROM orders) AS v',
    )
    .get();

describe('carrier label CSV: customer text never becomes a spreadsheet formula', () => {
  it('names, addresses and item titles starting with = + - @ arrive as the same text, in every carrier layout', async () => {
    const [id] = insertOrders(db(), [
      {
        order: {
          orderNo: 'F-1',
          shipTo: {
            name: '-田中',
            postalCode: '１００－０００５',
            prefecture: '',
            address1: '=SUM(A1:A9)丁目',
            address2: '@ハイツ\t101号',
            phone: '-090-1111-2222-',
          },
          items: [
            { lineNo: 1, sku: 'MG-010', title: '+プラス マグ', quantity: 1, unitPrice: 1650, location: 'B-02-01' },
          ],
        },
        initial: { status: 'paid' },
      },
    ]);
    for (const format of LABEL_FORMATS) {
      const file = cells(await t.call('carriers:export', { format, orderIds: [id!], shipDate }));
      // Excel runs a cell beginning with = + - @ (or a tab/CR before them) as a formula: none may.
      for (const value of file.rows.flat()) expect(value, `${format}: ${value}`).not.toMatch(/^[=+\-@\t\r]/);
      const name =
        format === 'japanpost_clickpost'
          ? 'お届け先氏名'
          : format === 'sagawa_ehiden2'
            ? 'お届け先名称１'
            : 'お届け先名';
      expect(cell(file, 0, name), format).toBe('－田中');
      const item = { japanpost_clickpost: '内容品', japanpost_yupackprint: '品名' }[format as string] ?? '品名１';
      expect(cell(file, 0, item), format).toBe('＋プラス マグ');
    }
    const b2 = cells(await t.call('carriers:export', { format: 'yamato_b2', orderIds: [id!], shipDate }));
    expect(cell(b2, 0, 'お届け先住所')).toBe('＝SUM(A1:A9)丁目');
    expect(cell(b2, 0, 'お届け先住所（アパートマンション名）')).toBe('＠ハイツ 101号');
    // A phone number or postal code never begins with a hyphen: the stray ones go, the number stays.
    expect(cell(b2, 0, 'お届け先電話番号')).toBe('090-1111-2222');
    expect(cell(b2, 0, 'お届け先郵便番号')).toBe('100-0005');
    const clickPost = cells(
      await t.call('carriers:export', { format: 'japanpost_clickpost', orderIds: [id!], shipDate }),
    );
    expect(cell(clickPost, 0, 'お届け先郵便番号')).toBe('1000005');
  });

  it('refuses a phone number or postal code that is not one, naming the order, and makes no file', async () => {
    const [badPhone, badZip, ok] = insertOrders(db(), [
      { order: { orderNo: 'P-1', shipTo: { ...makeOrder().shipTo, phone: '=1+2' } }, initial: { status: 'paid' } },
      {
        order: { orderNo: 'P-2', shipTo: { ...makeOrder().shipTo, postalCode: '-100-5' } },
        initial: { status: 'paid' },
      },
      { order: { orderNo: 'P-3' }, initial: { status: 'paid' } },
    ]);
    const before = journalCounts();
    const result = await t.call('carriers:export', {
      format: 'yamato_b2',
      orderIds: [badPhone!, badZip!, ok!],
      shipDate,
    });
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([
      { orderNo: 'P-1', field: 'お届け先電話番号', message: expect.stringContaining('電話番号「=1+2」') },
      { orderNo: 'P-2', field: 'お届け先郵便番号', message: expect.stringContaining('郵便番号「-100-5」') },
    ]);
    expect(journalCounts()).toEqual(before);
  });

  it('refuses an order number that begins like a formula, since お客様管理番号 must come back unchanged', async () => {
    const [id] = insertOrders(db(), [{ order: { orderNo: '=HYPERLINK(1)' }, initial: { status: 'paid' } }]);
    const result = await t.call('carriers:export', { format: 'yamato_b2', orderIds: [id!], shipDate });
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([
      { orderNo: '=HYPERLINK(1)', field: 'お客様管理番号', message: expect.stringContaining('「=」で始まる') },
    ]);
  });
});

describe('佐川 e飛伝Ⅱ: お客様管理ナンバー is at most 16 half-width characters', () => {
  it('refuses longer order numbers by name, with the reason and what to do, changing nothing', async () => {
    const [amazon, yahoo, fits] = insertOrders(db(), [
      { order: { orderNo: '503-1234567-1234567', channel: 'amazon' }, initial: { status: 'paid' } },
      { order: { orderNo: 'chumon-store-10000001' }, initial: { status: 'paid' } },
      { order: { orderNo: '1234567890123456' }, initial: { status: 'paid' } },
    ]);
    const before = journalCounts();
    const result = await t.call('carriers:export', {
      format: 'sagawa_ehiden2',
      orderIds: [amazon!, yahoo!, fits!],
      shipDate,
    });
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([
      {
        orderNo: '503-1234567-1234567',
        field: 'お客様管理ナンバー',
        message:
          '佐川急便 e飛伝Ⅱのお客様管理ナンバーは半角16文字までですが、注文番号「503-1234567-1234567」は19文字あります。注文番号は送り状番号の取込で注文を見分けるのに使うため、短くして出力することはしません。この注文はほかの送り状ソフトで出力してください。',
      },
      {
        orderNo: 'chumon-store-10000001',
        field: 'お客様管理ナンバー',
        message: expect.stringContaining('注文番号「chumon-store-10000001」は21文字あります'),
      },
    ]);
    expect(journalCounts()).toEqual(before);
    // Exactly 16 characters fit, and the number arrives whole.
    const file = cells(await t.call('carriers:export', { format: 'sagawa_ehiden2', orderIds: [fits!], shipDate }));
    expect(cell(file, 0, 'お客様管理ナンバー')).toBe('1234567890123456');
    // The same orders go to B2クラウド (50 characters) unchanged.
    const b2 = cells(await t.call('carriers:export', { format: 'yamato_b2', orderIds: [amazon!, yahoo!], shipDate }));
    expect(b2.rows.map((r) => r[0])).toEqual(['503-1234567-1234567', 'chumon-store-10000001']);
  });
});
