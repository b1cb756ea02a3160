import { describe, expect, it } from 'vitest';
import { SearchWordsLane, WORDS_LANE_MIN_ORDERS } from '../../../src-main/search/search-words-lane.js';
import type { NewOrder } from '../../../src-shared/domain/order.js';
import { makeOrder } from '../../helpers/orders.js';
import { fileOrder, sjis, upload, yahooCombined } from '../../helpers/order-files.js';
import { useImportApp } from '../../helpers/order-import.js';

const { t, db, preview } = useImportApp();
const pad = (n: number) => String(n).padStart(4, '0');

/** Long enough for a worker started under vitest (tsx compiles its modules) to answer. */
const STARTUP_MS = 30_000;

const tricky: NewOrder[] = [
  makeOrder({
    buyer: {
      name: '髙橋　ﾀﾛｳ',
      kana: 'たかはし たろう',
      email: 'Taro.T@Example.JP',
      phone: '０９０－１２３４－５６７８',
    },
    shipTo: {
      ...makeOrder().shipTo,
      name: '﨑山 花子',
      prefecture: '東京都',
      address1: '千代田区霞ヶ関一丁目２番３号',
      address2: 'ハイツ"東"棟 305',
      phone: '03-1234-5678',
    },
  }),
  makeOrder({ buyer: { name: 'Smith John', kana: '', email: '', phone: '' } }),
];

describe('F5 search words made on a worker thread for a large batch', () => {
  it('are the words the search index’s SQL functions make from the same fields', () => {
    const lane = SearchWordsLane.get();
    const rows = JSON.parse(lane.take(lane.post(tricky), STARTUP_MS)!) as string[][];
    const sql = db().prepare(
      `SELECT chumon_name_tokens(?, ?, ?), chumon_address_tokens(?, ?, ?), chumon_contact_tokens(?, ?, ?)`,
    );
    expect(rows).toEqual(
      tricky.map(({ buyer, shipTo }) =>
        sql
          .raw()
          .get(
            buyer.name,
            buyer.kana,
            shipTo.name,
            shipTo.prefecture,
            shipTo.address1,
            shipTo.address2,
            buyer.email,
            buyer.phone,
            shipTo.phone,
          ),
      ),
    );
  });

  it('give a batch its own rows: an answer its writer stopped waiting for is dropped when it comes', () => {
    const lane = SearchWordsLane.get();
    lane.take(lane.post(tricky), STARTUP_MS);
    // 20,000 orders take the worker a good part of a second: not there at once.
    const late = lane.post(Array.from({ length: 20_000 }, () => tricky[0]!));
    expect(lane.take(late, 0)).toBeNull();
    const next = JSON.parse(lane.take(lane.post([tricky[1]!]), STARTUP_MS)!) as string[][];
    expect(next).toHaveLength(1);
    expect(next[0]![0]).toContain(' sm mi it th ');
  });

  it('index an import of thousands of new orders: each found by its own buyer, address and phone', async () => {
    const lane = SearchWordsLane.get();
    lane.take(lane.post(tricky), STARTUP_MS); // started and answering before the import begins
    const count = WORDS_LANE_MIN_ORDERS + 500;
    const orders = Array.from({ length: count }, (_, n) =>
      fileOrder({
        orderNo: `lane-${String(n).padStart(5, '0')}`,
        billLast: `買主${pad(n)}`,
        shipName: `届先${pad(n)} 様`,
        address1: `梅田${pad(n)}番地`,
        phone: `06-${pad(n)}-0000`,
      }),
    );
    const taken = lane.taken;
    const shown = await preview([upload('lane.csv', sjis(yahooCombined(orders)))]);
    expect(shown.counts.new).toBe(count);
    expect(await t.call('imports:commit', { previewId: shown.previewId })).toMatchObject({ inserted: count });
    expect(lane.taken).toBe(taken + 1);

    const found = async (criteria: Record<string, string>) =>
      (await t.call('orders:list', { criteria, offset: 0, limit: 100 })).rows.map((r) => r.orderNo);
    for (const n of [0, 1, 777, count - 1]) {
      const no = `lane-${String(n).padStart(5, '0')}`;
      // The phone is matched whole: the row of that order and no other.
      expect(await found({ phone: `06${pad(n)}0000` })).toEqual([no]);
      expect(await found({ buyer: `買主${pad(n)}` })).toContain(no);
      expect(await found({ buyer: `届先${pad(n)}` })).toContain(no);
      expect(await found({ address: `梅田${pad(n)}番地` })).toContain(no);
    }
    const rows = db().prepare('SELECT count(*) FROM order_search').pluck().get();
    expect(rows).toBe(db().prepare('SELECT count(*) FROM orders').pluck().get());
  });
});
