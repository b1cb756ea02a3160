import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ConsoleRecords } from '../../../src-server/console/records.js';
import { intakeOrders } from '../../../src-server/orders/intake.js';
import { makeOrder } from '../../helpers/orders.js';
import { pgliteServerDatabase } from '../../helpers/server-database.js';

const server = pgliteServerDatabase();

const found = async (text: string) =>
  (await new ConsoleRecords(server().db).orders({ text, limit: 50 })).map((o) => o.orderNo).sort();

describe("the console's buyer search, kept beside the orders", () => {
  it('follows an order in, a change of its buyer, a change of anything else, and its removal', async () => {
    await intakeOrders(
      server().db,
      [
        makeOrder({
          orderNo: 'BT-1',
          buyer: { name: '山田 太郎', kana: 'ヤマダ タロウ', email: 'taro@example.jp', phone: '090-1111-2222' },
        }),
        makeOrder({
          orderNo: 'BT-2',
          buyer: { name: '佐藤 花子', kana: 'サトウ ハナコ', email: 'hanako@example.jp', phone: '080-3333-4444' },
        }),
      ],
      'テスト',
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(await found('山田')).toEqual(['BT-1']);
    expect(await found('hanako@')).toEqual(['BT-2']);
    expect(await found('BT-')).toEqual(['BT-1', 'BT-2']);
    await server().db.execute(
      sql`UPDATE orders SET buyer_name = '高橋 次郎', buyer_email = '' WHERE order_no = 'BT-1'`,
    );
    await server().db.execute(sql`UPDATE orders SET status = 'cancelled' WHERE order_no = 'BT-2'`);
    expect(await found('山田')).toEqual([]);
    expect(await found('高橋')).toEqual(['BT-1']);
    expect(await found('taro@')).toEqual([]);
    expect(await found('ハナコ')).toEqual(['BT-2']);
    await server().db.execute(sql`DELETE FROM orders WHERE order_no = 'BT-2'`);
    expect(await found('ハナコ')).toEqual([]);
  });
});
