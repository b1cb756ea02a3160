import { describe, expect, it } from 'vitest';
import {
  describeWish,
  jstWindow,
  parseTimeSlot,
  parseWishDate,
  refuseWish,
  serviceOf,
  yamatoInvoiceType,
} from '../../../src-shared/domain/delivery-wishes.js';
import { detectLayout } from '../../../src-shared/order-files/layouts.js';
import { parseOrders } from '../../../src-shared/order-files/parse-orders.js';

const wish = (date = '', timeSlot = '', method = '') => ({ date, timeSlot, method });

describe('配送希望 read from the channels', () => {
  it('reads dates and slots as the channels write them', () => {
    expect(parseWishDate('20261205')).toBe('2026-12-05');
    expect(parseWishDate('2026/12/5')).toBe('2026-12-05');
    expect(parseWishDate('')).toBe('');
    expect(parseWishDate('指定なし')).toBe('');
    expect(parseWishDate('2026/02/30')).toBeNull();
    expect(parseWishDate('土曜日')).toBeNull();
    expect(parseTimeSlot('午前中')).toBe('am');
    expect(parseTimeSlot('14:00-16:00')).toBe('14-16');
    expect(parseTimeSlot('１９時～２１時')).toBe('19-21');
    expect(parseTimeSlot('1820')).toBe('18-20');
    expect(parseTimeSlot('指定なし')).toBe('');
    expect(parseTimeSlot('夕方')).toBeNull();
    expect(parseTimeSlot('10:00-13:00')).toBeNull();
  });

  it("turns Amazon's scheduled window into the Japan-time day and slot", () => {
    expect(jstWindow('2026-12-05T08:00:00+09:00', '2026-12-05T12:00:00+09:00')).toEqual({
      date: '2026-12-05',
      slot: '8-12',
    });
    expect(jstWindow('2026-12-04T23:00:00Z', '2026-12-05T01:00:00Z')).toEqual({ date: '2026-12-05', slot: '8-10' });
    expect(jstWindow('2026-12-05T00:00:00+09:00', '2026-12-06T00:00:00+09:00')).toEqual({
      date: '2026-12-05',
      slot: '',
    });
    // ordersV0.json's example: a window over two days is a day, no slot.
    expect(jstWindow('2013-09-07T02:00:00Z', '2013-09-09T01:30:00Z')).toEqual({ date: '2013-09-07', slot: '' });
    expect(parseTimeSlot('8-12')).toBe('am');
  });

  it('names the service a 配送方法 means, and the B2 送り状種類 for it and the payment', () => {
    expect(serviceOf('クロネコゆうパケット')).toBe('nekopos');
    expect(serviceOf('ネコポス')).toBe('nekopos');
    expect(serviceOf('宅急便コンパクト')).toBe('compact');
    expect(serviceOf('クロネコDM便')).toBe('dm');
    expect(serviceOf('ヤマト運輸 宅急便')).toBe('takkyubin');
    expect(serviceOf('ゆうパック')).toBe('yupack');
    expect(serviceOf('')).toBeNull();
    expect(['takkyubin', 'nekopos', 'dm', 'compact'].map((s) => yamatoInvoiceType(s as 'dm', false))).toEqual([
      '0',
      '7',
      '3',
      '8',
    ]);
    expect(yamatoInvoiceType('takkyubin', true)).toBe('2');
    expect(yamatoInvoiceType('compact', true)).toBe('9');
    expect(describeWish(wish('2026-12-05', 'am', 'ネコポス'))).toBe('12/5 午前中 ネコポス');
  });

  it('reads ShipRequestDate / ShipRequestTime / ShipMethodName from a Yahoo! store file, and refuses an unreadable one', () => {
    const header =
      'OrderId,OrderTime,ShipName,ShipZipCode,ShipPrefecture,ShipCity,ShipAddress1,PayMethodName,ShipRequestDate,ShipRequestTime,ShipMethodName,ItemId,Title,Quantity,UnitPrice';
    const line = (no: string, date: string, time: string) =>
      `${no},2026/12/01 10:00:00,山田 花子,100-0005,東京都,千代田区,丸の内1-1,クレジットカード,${date},${time},宅急便,mug,マグ,1,1000`;
    const text = [header, line('A-1', '20261205', '午前中'), line('A-2', '20261205', '夕方')].join('\r\n');
    const detected = detectLayout([text.split('\r\n')[0]!.split(',')])!;
    const reader = detected.layout.files[0]!;
    const result = parseOrders(detected.layout, [{ name: 'y.csv', text, reader }], 'yahoo_shopping', [
      { code: 'card', name: 'クレジットカード' },
    ]);
    expect(result.orders.map((o) => [o.order.deliveryDate, o.order.deliveryTimeSlot, o.order.deliveryMethod])).toEqual([
      ['2026-12-05', 'am', '宅急便'],
    ]);
    expect(result.rejected).toMatchObject([{ orderNo: 'A-2', reason: expect.stringContaining('配送時間帯「夕方」') }]);
  });
});

describe('wishes a carrier cannot meet are refused with the reason', () => {
  it('a day before the shipping day', () => {
    expect(refuseWish(wish('2026-12-01'), 'takkyubin', '2026-12-02', false)).toBe(
      '配送希望日 2026/12/01 は出荷日 2026/12/02 より前です。お客様に確認してください。',
    );
    expect(refuseWish(wish('2026-12-02'), 'takkyubin', '2026-12-02', false)).toBeNull();
  });
  it('a day or a slot on a service that takes none (ネコポス, DM便, ゆうパケット, クリックポスト)', () => {
    expect(refuseWish(wish('2026-12-05'), 'nekopos', '2026-12-02', false)).toContain(
      'ネコポスはお届け日を指定できません',
    );
    expect(refuseWish(wish('', '14-16'), 'dm', '2026-12-02', false)).toContain('DM便は配達時間帯を指定できません');
    expect(refuseWish(wish('2026-12-05'), 'yupacket', '2026-12-02', false)).toContain('ゆうパケット');
    expect(refuseWish(wish('', 'am'), 'clickpost', '2026-12-02', false)).toContain('クリックポスト');
  });
  it('a slot the service lacks (ヤマト has no 12時～14時)', () => {
    expect(refuseWish(wish('', '12-14'), 'takkyubin', '2026-12-02', false)).toBe(
      '宅急便に「12時～14時」の配達時間帯はありません。お客様に確認してください。',
    );
    expect(refuseWish(wish('', '12-14'), 'sagawa', '2026-12-02', false)).toBeNull();
  });
  it('代金引換 on a service without it', () => {
    expect(refuseWish(wish(), 'nekopos', '2026-12-02', true)).toBe(
      'ネコポスは代金引換で送れません。配送方法を変えてください。',
    );
    expect(refuseWish(wish(), 'compact', '2026-12-02', true)).toBeNull();
  });
});
