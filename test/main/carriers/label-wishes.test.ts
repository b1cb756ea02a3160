import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabelExportResult } from '../../../src-shared/api/carriers.js';
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

const rowsOf = (r: LabelExportResult) =>
  iconv
    .decode(Buffer.from(r.files[0]!.base64, 'base64'), 'cp932')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));

function paid(orders: Partial<NewOrder>[]): number[] {
  return insertOrders(
    t.app.ctx.database.sqlite,
    orders.map((order) => ({ order, initial: { status: 'paid' } })),
  );
}

const exportAs = (format: 'yamato_b2' | 'sagawa_ehiden2' | 'japanpost_clickpost', orderIds: number[]) =>
  t.call('carriers:export', { format, orderIds, shipDate: '2026-12-02' });

describe('label files carry the delivery wishes in each carrier code', () => {
  it('B2クラウド: 送り状種類 from the 配送方法 and payment, お届け予定日 and the time-slot code', async () => {
    const ids = paid([
      { orderNo: 'W-1', deliveryDate: '2026-12-05', deliveryTimeSlot: 'am', deliveryMethod: '宅急便' },
      { orderNo: 'W-2', deliveryMethod: 'ネコポス' },
      { orderNo: 'W-3', deliveryMethod: '宅急便コンパクト', paymentMethod: 'cod', deliveryTimeSlot: '19-21' },
      { orderNo: 'W-4', deliveryMethod: 'クロネコDM便' },
      { orderNo: 'W-5', paymentMethod: 'cod', deliveryDate: '2026-12-03', deliveryTimeSlot: '14-16' },
    ]);
    const result = await exportAs('yamato_b2', ids);
    expect(result.problems).toEqual([]);
    const rows = rowsOf(result);
    expect(rows[0]!.slice(0, 7)).toEqual([
      'お客様管理番号',
      '送り状種類',
      'クール区分',
      '伝票番号',
      '出荷予定日',
      'お届け予定（指定）日',
      '配達時間帯',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4], r[5], r[6]])).toEqual([
      ['W-1', '0', '2026/12/02', '2026/12/05', '0812'],
      ['W-2', '7', '2026/12/02', '', ''],
      ['W-3', '9', '2026/12/02', '', '1921'],
      ['W-4', '3', '2026/12/02', '', ''],
      ['W-5', '2', '2026/12/02', '2026/12/03', '1416'],
    ]);
  });

  it('e飛伝Ⅱ: 配達日 and 配達指定時間帯', async () => {
    const ids = paid([
      { orderNo: 'S-1', deliveryDate: '2026-12-05', deliveryTimeSlot: '12-14', deliveryMethod: '飛脚宅配便' },
    ]);
    const rows = rowsOf(await exportAs('sagawa_ehiden2', ids));
    const header = rows[0]!;
    expect(rows[1]![header.indexOf('配達日')]).toBe('20261205');
    expect(rows[1]![header.indexOf('配達指定時間帯')]).toBe('12');
  });
});

describe('a wish the carrier cannot meet is refused by order before any file is made', () => {
  const refused = async (format: 'yamato_b2' | 'sagawa_ehiden2' | 'japanpost_clickpost', order: Partial<NewOrder>) => {
    const ok = paid([{ orderNo: 'OK-1', deliveryMethod: '' }])[0]!;
    const bad = paid([{ orderNo: 'NG-1', ...order }])[0]!;
    const result = await exportAs(format, [ok, bad]);
    expect(result.files).toEqual([]);
    expect(result.problems.map((p) => p.orderNo)).toEqual(['NG-1']);
    return result.problems[0]!.message;
  };

  it('a day before the shipping day', async () => {
    expect(await refused('yamato_b2', { deliveryDate: '2026-12-01' })).toContain('出荷日 2026/12/02 より前');
  });
  it('a day on ネコポス, a slot on DM便', async () => {
    expect(await refused('yamato_b2', { deliveryMethod: 'ネコポス', deliveryDate: '2026-12-05' })).toContain(
      'ネコポスはお届け日を指定できません',
    );
    t.close();
    t = createTestApp();
    setUpLabelStore(t);
    expect(await refused('yamato_b2', { deliveryMethod: 'DM便', deliveryTimeSlot: '14-16' })).toContain(
      'DM便は配達時間帯を指定できません',
    );
  });
  it('12時～14時 on ヤマト', async () => {
    expect(await refused('yamato_b2', { deliveryTimeSlot: '12-14' })).toContain(
      '「12時～14時」の配達時間帯はありません',
    );
  });
  it('代金引換 on ネコポス', async () => {
    expect(await refused('yamato_b2', { deliveryMethod: 'ネコポス', paymentMethod: 'cod' })).toContain(
      'ネコポスは代金引換で送れません',
    );
  });
  it('a service of another carrier', async () => {
    expect(await refused('yamato_b2', { deliveryMethod: 'ゆうパック' })).toContain('ヤマト');
  });
  it('a day on クリックポスト', async () => {
    expect(await refused('japanpost_clickpost', { deliveryDate: '2026-12-05' })).toContain(
      'クリックポストはお届け日を指定できません',
    );
  });
});
