import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShipFileResult } from '../../../src-shared/api/ship-files.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { insertOrders } from '../../helpers/orders.js';

let t: TestApp;
const db = () => t.app.ctx.database.sqlite;

beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const bytes = (r: ShipFileResult) => Buffer.from(r.file!.base64, 'base64');
const lines = (r: ShipFileResult) => iconv.decode(bytes(r), 'cp932').split('\r\n');
const shipped = (carrier: string, trackingNo: string | null) => ({
  status: 'shipped' as const,
  shippedAt: '2026-11-27T16:30:00.000Z', // 2026-11-28 in Japan
  carrier,
  trackingNo,
});
const notice = (id: number) =>
  db().prepare('SELECT ship_notice FROM orders WHERE id = ?').pluck().get(id) as string | null;

describe('F4 出荷通知ファイル', () => {
  it('Amazon: the ShippingConfirmation flat file, tab-separated, the carrier as Amazon names it', async () => {
    const [id] = insertOrders(db(), [
      { order: { channel: 'amazon', orderNo: '503-1234567-1234567' }, initial: shipped('yamato', '123456789012') },
    ]);
    const result = await t.call('shipFiles:export', { channel: 'amazon', orderIds: [id!] });
    expect(result.refused).toEqual([]);
    expect(result.file!.fileName).toMatch(/^Amazon出荷通知_\d{8}-\d{6}\.txt$/);
    expect(lines(result)).toEqual([
      'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method',
      '503-1234567-1234567\t\t\t2026-11-28\tYamato Transport\t\t123456789012\t',
      '',
    ]);
    expect(notice(id!)).toBe('file');
  });

  it('Amazon: a carrier Amazon has no code for goes as Other with its name in Japanese (Shift_JIS)', async () => {
    const [id] = insertOrders(db(), [
      { order: { channel: 'amazon', orderNo: '503-7654321-7654321' }, initial: shipped('西濃運輸', '9988776655') },
    ]);
    const result = await t.call('shipFiles:export', { channel: 'amazon', orderIds: [id!] });
    expect(lines(result)[1]).toBe('503-7654321-7654321\t\t\t2026-11-28\tOther\t西濃運輸\t9988776655\t');
    expect(bytes(result).includes(iconv.encode('西濃運輸', 'cp932'))).toBe(true);
  });

  it('楽天 発送完了: RMS 発送情報 CSV (Shift_JIS), 送付先ID/発送明細ID empty, 配送会社 numbered, 発送日 yyyy-mm-dd', async () => {
    const [id] = insertOrders(db(), [
      {
        order: { channel: 'rakuten', orderNo: '123456-20261128-0000012345' },
        initial: shipped('sagawa', '0123-4567-8901'),
      },
    ]);
    const result = await t.call('shipFiles:export', { channel: 'rakuten', orderIds: [id!] });
    expect(result.file!.fileName).toMatch(/^楽天発送完了_.*\.csv$/);
    expect(bytes(result).subarray(0, 9)).toEqual(iconv.encode('"注文番号', 'cp932'));
    expect(lines(result).slice(0, 2)).toEqual([
      '"注文番号","送付先ID","発送明細ID","お荷物伝票番号","配送会社","発送日"',
      '"123456-20261128-0000012345","","","0123-4567-8901","1002","2026-11-28"',
    ]);
  });

  it('Yahoo!ショッピング 出荷情報: OrderId, ShipStatus 3, ShipCompanyCode, ShipInvoiceNumber1, ShipDate', async () => {
    const [id] = insertOrders(db(), [
      {
        order: { channel: 'yahoo_shopping', orderNo: 'store-10000123' },
        initial: shipped('japanpost', '112233445566'),
      },
    ]);
    const result = await t.call('shipFiles:export', { channel: 'yahoo_shopping', orderIds: [id!] });
    expect(lines(result).slice(0, 2)).toEqual([
      '"OrderId","ShipStatus","ShipCompanyCode","ShipInvoiceNumber1","ShipDate"',
      '"store-10000123","3","1003","112233445566","20261128"',
    ]);
  });

  it('refuses other channels, orders not 出荷済 and orders without a 送り状番号, with the reason, and marks only the rest', async () => {
    const [ok, other, notShipped, noTracking] = insertOrders(db(), [
      { order: { channel: 'rakuten', orderNo: 'R-OK' }, initial: shipped('yamato', '111122223333') },
      { order: { channel: 'amazon', orderNo: 'A-OTHER' }, initial: shipped('yamato', '444455556666') },
      { order: { channel: 'rakuten', orderNo: 'R-PAID' }, initial: { status: 'paid' } },
      { order: { channel: 'rakuten', orderNo: 'R-NOTRACK' }, initial: shipped('yamato', null) },
    ]);
    const result = await t.call('shipFiles:export', {
      channel: 'rakuten',
      orderIds: [ok!, other!, notShipped!, noTracking!],
    });
    expect(result.marked).toBe(1);
    expect(result.refused).toEqual([
      { orderNo: 'A-OTHER', reason: 'Amazonの注文です。楽天 発送完了CSVには入れられません。' },
      { orderNo: 'R-PAID', reason: '「出荷済」の注文だけが出荷通知ファイルに入ります（現在「入金済」）。' },
      { orderNo: 'R-NOTRACK', reason: '送り状番号が登録されていません。先に送り状番号を登録してください。' },
    ]);
    expect(lines(result)).toHaveLength(3); // header, one row, the last line end
    expect([ok, other, notShipped, noTracking].map((id) => notice(id!))).toEqual(['file', null, null, null]);
    const history = db()
      .prepare("SELECT to_value, reason FROM order_history WHERE order_id = ? AND kind = 'ship_notice_file'")
      .all(ok!);
    expect(history).toEqual([{ to_value: 'file', reason: 'F4 楽天 発送完了CSV' }]);
    // The mark goes to the central server with the store's other changes.
    const outbox = db().prepare("SELECT entity_id FROM sync_outbox WHERE kind = 'ship_notice_file'").pluck().all();
    expect(outbox).toEqual([String(ok)]);
  });

  it('no file at all when every checked order is refused', async () => {
    const [id] = insertOrders(db(), [{ order: { channel: 'amazon' }, initial: { status: 'paid' } }]);
    const result = await t.call('shipFiles:export', { channel: 'amazon', orderIds: [id!] });
    expect(result.file).toBeNull();
    expect(result.marked).toBe(0);
    expect(notice(id!)).toBeNull();
  });
});
