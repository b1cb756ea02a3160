import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchCriteria } from '../../../src-shared/api/orders.js';
import type { NewOrder } from '../../../src-shared/domain/order.js';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const sqlite = () => t.app.ctx.database.sqlite;

function person(name: string, kana: string, extra: Partial<NewOrder['buyer']> = {}): Partial<NewOrder> {
  const buyer = { name, kana, email: `${kana.length}@example.jp`, phone: '090-0000-0000', ...extra };
  return {
    buyer,
    shipTo: {
      name,
      postalCode: '100-0005',
      prefecture: '東京都',
      address1: '千代田区丸の内1丁目2番3号',
      address2: '',
      phone: buyer.phone,
    },
  };
}

async function search(criteria: SearchCriteria): Promise<string[]> {
  const page = await t.call('orders:list', { criteria, limit: 1000 });
  return page.rows.map((r) => r.orderNo).sort();
}

describe('F5 注文検索: names and kana', () => {
  beforeEach(() => {
    insertOrders(sqlite(), [
      { order: { orderNo: 'KATA', ...person('片仮名 花子', 'カタカナ ハナコ') } },
      { order: { orderNo: 'YAMADA', ...person('山田 太郎', 'ヤマダ タロウ') } },
      { order: { orderNo: 'KOBAYASHI', ...person('小林 誠', 'コバヤシ マコト') } },
      { order: { orderNo: 'HAYASHI', ...person('林 一', 'ﾊﾔｼ ﾊｼﾞﾒ') } },
      { order: { orderNo: 'LATIN', ...person('ＪＯＨＮ　ＳＭＩＴＨ', 'ジョン スミス') } },
    ]);
  });

  it('finds ｶﾀｶﾅ = カタカナ = かたかな alike', async () => {
    for (const typed of ['ｶﾀｶﾅ', 'カタカナ', 'かたかな', 'かたかな　はなこ']) {
      expect(await search({ buyer: typed }), typed).toEqual(['KATA']);
    }
  });

  it('matches kana stored half-width, and full-width letters typed half-width in any case', async () => {
    expect(await search({ buyer: 'はやし' })).toEqual(['HAYASHI']);
    expect(await search({ buyer: 'ﾊﾞﾔｼ' })).toEqual(['KOBAYASHI']);
    expect(await search({ buyer: 'ハジメ' })).toEqual(['HAYASHI']);
    expect(await search({ buyer: 'john smith' })).toEqual(['LATIN']);
    expect(await search({ buyer: 'Ｓｍｉｔｈ' })).toEqual(['LATIN']);
  });

  it('finds one- and two-character fragments, which a trigram index could not', async () => {
    expect(await search({ buyer: '林' })).toEqual(['HAYASHI', 'KOBAYASHI']);
    expect(await search({ buyer: '山田' })).toEqual(['YAMADA']);
    expect(await search({ buyer: '田太' })).toEqual(['YAMADA']);
  });

  it('matches a longer fragment exactly, not its pairs scattered over the name', async () => {
    expect(await search({ buyer: '山田太郎' })).toEqual(['YAMADA']);
    expect(await search({ buyer: '太郎山田' })).toEqual([]);
    // ヤマ and マコ both occur in other names, ヤマコ nowhere.
    expect(await search({ buyer: 'やまこ' })).toEqual([]);
  });

  it('follows changes to the name, such as the Amazon personal-data purge', async () => {
    sqlite()
      .prepare("UPDATE orders SET buyer_name = '', buyer_kana = '', ship_name = '' WHERE order_no = 'YAMADA'")
      .run();
    expect(await search({ buyer: '山田' })).toEqual([]);
    sqlite().prepare("DELETE FROM orders WHERE order_no = 'KATA'").run();
    expect(await search({ buyer: 'カタカナ' })).toEqual([]);
  });
});

describe('F5 注文検索: the other conditions', () => {
  beforeEach(() => {
    insertOrders(sqlite(), [
      {
        order: {
          orderNo: 'AB-000123',
          orderedAt: '2026-11-19T15:30:00.000Z', // 2026-11-20 00:30 JST
          channel: 'yahoo_auction',
          ...person('佐藤 健太', 'サトウ ケンタ', { email: 'Kenta.Sato@example.jp', phone: '090-1234-5678' }),
          items: [
            {
              lineNo: 1,
              sku: 'KN-300',
              title: '関の包丁 三徳 165mm',
              quantity: 1,
              unitPrice: 8800,
              location: 'E-01-01',
            },
          ],
          orderComment: '午前中指定',
          mailInquiry: true,
          storeId: null,
        },
      },
      {
        order: {
          orderNo: 'AB-000456',
          orderedAt: '2026-11-19T14:30:00.000Z', // 2026-11-19 23:30 JST
          ...person('鈴木 美咲', 'スズキ ミサキ', { email: 'misaki@example.com', phone: '03-9999-0000' }),
          paymentMethod: 'credit_card',
          storeId: 'osaka',
        },
        initial: { status: 'awaiting_shipment', carrier: 'japanpost', trackingNo: '1234-5678-9012', subStatusId: 6 },
      },
    ]);
    sqlite().prepare("UPDATE orders SET staff_comment = '再送' WHERE order_no = 'AB-000456'").run();
  });

  it('matches order number, tracking number and SKU/title anywhere, whatever the width', async () => {
    expect(await search({ orderNo: 'ａｂ－０００' })).toEqual(['AB-000123', 'AB-000456']);
    expect(await search({ orderNo: 'ａｂ－０００１' })).toEqual(['AB-000123']);
    expect(await search({ orderNo: '456' })).toEqual(['AB-000456']);
    expect(await search({ trackingNo: '５６７８９０１２' })).toEqual(['AB-000456']);
    expect(await search({ item: 'kn-3' })).toEqual(['AB-000123']);
    expect(await search({ item: '包丁' })).toEqual(['AB-000123']);
  });

  it('matches e-mail and phone from their beginning, phones without hyphens', async () => {
    expect(await search({ email: 'ＫＥＮＴＡ.sato@' })).toEqual(['AB-000123']);
    expect(await search({ phone: '０９０１２３４' })).toEqual(['AB-000123']);
    expect(await search({ phone: '03-9999' })).toEqual(['AB-000456']);
    expect(await search({ phone: '5678' })).toEqual([]);
  });

  it('matches addresses whatever the notation of the block number or the kana', async () => {
    expect(await search({ address: '丸の内１－２－３' })).toEqual(['AB-000123', 'AB-000456']);
    expect(await search({ address: '千代田区丸ノ内1丁目2番' })).toEqual(['AB-000123', 'AB-000456']);
    expect(await search({ address: '丸の内2丁目' })).toEqual([]);
  });

  it('takes order dates as days in Japan time', async () => {
    expect(await search({ orderedFrom: '2026-11-20' })).toEqual(['AB-000123']);
    expect(await search({ orderedTo: '2026-11-19' })).toEqual(['AB-000456']);
    expect(await search({ orderedFrom: '2026-11-19', orderedTo: '2026-11-20' })).toEqual(['AB-000123', 'AB-000456']);
  });

  it('combines channel, payment, status, sub-status, store (including none), amount and flags', async () => {
    expect(await search({ channels: ['yahoo_auction'] })).toEqual(['AB-000123']);
    expect(await search({ paymentMethods: ['credit_card'] })).toEqual(['AB-000456']);
    expect(await search({ statuses: ['awaiting_shipment', 'shipped'] })).toEqual(['AB-000456']);
    expect(await search({ subStatusIds: [6] })).toEqual(['AB-000456']);
    expect(await search({ storeIds: [''] })).toEqual(['AB-000123']);
    expect(await search({ storeIds: ['', 'osaka'] })).toEqual(['AB-000123', 'AB-000456']);
    expect(await search({ totalMin: 9000 })).toEqual(['AB-000123']);
    expect(await search({ totalMax: 9000 })).toEqual(['AB-000456']);
    expect(await search({ orderComment: true })).toEqual(['AB-000123']);
    expect(await search({ staffComment: true })).toEqual(['AB-000456']);
    expect(await search({ mailInquiry: true })).toEqual(['AB-000123']);
    expect(await search({ buyer: 'すずき', statuses: ['new'] })).toEqual([]);
    expect(await search({ buyer: 'すずき', phone: '090', statuses: ['awaiting_shipment'] })).toEqual([]);
    expect(await search({ buyer: 'すずき', phone: '039', statuses: ['awaiting_shipment'] })).toEqual(['AB-000456']);
  });

  it('refuses contradictory or too short conditions with a Japanese message', async () => {
    await expect(search({ orderedFrom: '2026-11-21', orderedTo: '2026-11-20' })).rejects.toThrow(/注文日の範囲/);
    await expect(search({ totalMin: 10, totalMax: 5 })).rejects.toThrow(/金額の範囲/);
    await expect(search({ address: '丸' })).rejects.toThrow(/住所は2文字以上/);
    await expect(search({ phone: '０３' })).rejects.toThrow(/電話番号は先頭から3桁以上/);
    await expect(search({ buyer: '・・' })).rejects.toThrow(/文字か数字/);
    await expect(search({ orderNo: 'ＡＢ' })).rejects.toThrow(/注文番号は3文字以上/);
    await expect(search({ trackingNo: '1-2' })).rejects.toThrow(/送り状番号は3文字以上/);
  });
});

describe('lists other than a tab', () => {
  it('page a search deeply in the same order as its first page, with every id for 全選択', async () => {
    const orders = Array.from({ length: 30 }, (_, i) => ({
      order: {
        orderNo: `P-${String(i).padStart(2, '0')}`,
        orderedAt: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
        ...person(i % 3 === 0 ? '森 蓮' : '木村 葵', i % 3 === 0 ? 'モリ レン' : 'キムラ アオイ'),
        discount: i * 10,
      },
    }));
    insertOrders(sqlite(), orders);
    const criteria = { buyer: 'もり' };
    const pages = [];
    for (let offset = 0; offset < 10; offset += 4)
      pages.push(...(await t.call('orders:list', { criteria, offset, limit: 4 })).rows);
    expect(pages.map((r) => r.orderNo)).toEqual([
      'P-27',
      'P-24',
      'P-21',
      'P-18',
      'P-15',
      'P-12',
      'P-09',
      'P-06',
      'P-03',
      'P-00',
    ]);
    const cheapest = await t.call('orders:list', {
      criteria,
      offset: 8,
      limit: 4,
      sort: { column: 'total', direction: 'desc' },
    });
    expect(cheapest).toMatchObject({ total: 10, rows: [{ orderNo: 'P-24' }, { orderNo: 'P-27' }] });
    const ids = await t.call('orders:ids', { criteria });
    expect(ids.length).toBe(10);
    expect(new Set(ids)).toEqual(new Set(pages.map((r) => r.id)));
    // The same within the 新規 tab (its index walked instead of the rows).
    const inTab = await t.call('orders:list', { tab: 'new', criteria, offset: 4, limit: 4 });
    expect(inTab).toMatchObject({ total: 10, rows: pages.slice(4, 8).map((r) => ({ orderNo: r.orderNo })) });
    expect(new Set(await t.call('orders:ids', { tab: 'new', criteria }))).toEqual(new Set(ids));
    expect(await t.call('orders:ids', { tab: 'paid', criteria })).toEqual([]);
  });

  it('sorts a deep page of name matches by date from the narrow (id, date) index, reading no order row', async () => {
    insertOrders(
      sqlite(),
      Array.from({ length: 12 }, (_, i) => ({
        order: { orderNo: `D-${String(i).padStart(2, '0')}`, ...person('森 蓮', 'モリ レン') },
      })),
    );
    const prepared: string[] = [];
    const prepare = sqlite().prepare.bind(sqlite());
    const spy = vi.spyOn(sqlite(), 'prepare').mockImplementation((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    });
    try {
      expect((await t.call('orders:list', { criteria: { buyer: '森' }, offset: 10, limit: 5 })).rows).toHaveLength(2);
    } finally {
      spy.mockRestore();
    }
    const sorted = prepared.find((sql) => /^SELECT o\.id FROM orders o .*ORDER BY o\.ordered_at DESC/s.test(sql));
    const plan = (
      sqlite().prepare(`EXPLAIN QUERY PLAN ${sorted}`).all({ match: 'name : "森"' }) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH o USING COVERING INDEX orders_id_ordered_idx/);
  });

  it('extracts the orders of a tab with an order-time comment, a staff comment or an inquiry (E2–E4)', async () => {
    insertOrders(sqlite(), [
      { order: { orderNo: 'N-COMMENT', orderComment: '箱なしで' } },
      { order: { orderNo: 'N-PLAIN' } },
      { order: { orderNo: 'N-ASK', mailInquiry: true } },
      { order: { orderNo: 'P-COMMENT', orderComment: 'のし希望' }, initial: { status: 'paid' } },
    ]);
    const list = (criteria: SearchCriteria) => t.call('orders:list', { tab: 'new', criteria });
    expect((await list({ orderComment: true })).rows.map((r) => r.orderNo)).toEqual(['N-COMMENT']);
    expect((await list({ mailInquiry: true })).total).toBe(1);
    expect(await t.call('orders:ids', { tab: 'paid', criteria: { orderComment: true } })).toHaveLength(1);
    // Without a tab the same extraction spans every status.
    expect((await t.call('orders:list', { criteria: { orderComment: true } })).total).toBe(2);
  });

  it('reads the extraction and search indexes, not every order', () => {
    const plan = (sql: string) =>
      (sqlite().prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(
      plan(
        "SELECT id FROM orders o WHERE (status = 'new') AND o.order_comment <> '' ORDER BY o.ordered_at DESC, o.id DESC LIMIT 100",
      ),
    ).toMatch('orders_order_comment_idx');
    expect(
      plan(
        "SELECT id FROM orders o WHERE (status = 'new') AND o.mail_inquiry = 1 ORDER BY o.ordered_at DESC LIMIT 100",
      ),
    ).toMatch('orders_mail_inquiry_idx');
    expect(
      plan(
        `SELECT id FROM orders o INDEXED BY orders_ordered_idx WHERE o.id IN (SELECT rowid FROM order_search WHERE order_search MATCH 'name : "山田"')
         ORDER BY o.ordered_at DESC, o.id DESC LIMIT 100`,
      ),
    ).toMatch(/COVERING INDEX orders_ordered_idx[\s\S]*VIRTUAL TABLE/);
  });
});
