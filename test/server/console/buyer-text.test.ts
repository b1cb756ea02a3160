import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ConsoleRecords } from '../../../src-server/console/records.js';
import { rows, type ServerDb } from '../../../src-server/db/open.js';
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

  it('reads no buyer text for a change that leaves the buyer alone, and one row for a buyer edit, even after a change of thousands', async () => {
    const q = <T>(db: ServerDb, text: string) => rows<T>(db, sql.raw(text));
    const db = server().db;
    await q(db, `INSERT INTO stores (id, name, created_at) VALUES ('plan', '計画店', 'x') ON CONFLICT DO NOTHING`);
    await q(
      db,
      `INSERT INTO orders (channel, order_no, ordered_at, buyer_name, buyer_email, buyer_phone, ship_name, ship_postal_code,
         ship_prefecture, ship_address1, ship_phone, payment_method, needs_payment, subtotal, shipping_fee, total,
         store_id, status, created_at, updated_at, seq)
       SELECT 'own', 'PLAN-' || g, '2026-12-01', '買主 ' || g, '', '', '買主', '100-0001', '東京都', '千代田1', '',
         'cod', false, 1000, 0, 1000, 'plan', 'new', 'x', 'x', g
       FROM generate_series(1, 20000) g`,
    );
    await q(db, 'ANALYZE');
    // The buyer-text table's scans so far in this transaction.
    const scans = async (tx: ServerDb) =>
      (
        await q<{ seq: number; idx: number }>(
          tx,
          `SELECT seq_scan AS seq, idx_scan AS idx FROM pg_stat_xact_user_tables WHERE relname = 'order_buyer_text'`,
        )
      )[0]!;
    await db.transaction(async (tx) => {
      // A large change (a PC's push, a bulk change) first: the buyer text keeps no plan made for it.
      await q(tx, `UPDATE orders SET version = version + 1 WHERE order_no LIKE 'PLAN-%' AND seq <= 5000`);
      const before = await scans(tx);
      // Status changes (every push) leave the buyer's text alone and do not read it at all...
      for (const no of ['PLAN-19998', 'PLAN-19999', 'PLAN-20000'])
        await q(tx, `UPDATE orders SET status = 'paid' WHERE order_no = '${no}'`);
      expect(await scans(tx)).toEqual(before);
      // ...a buyer edit reads and writes that order's row, found by its key.
      await q(tx, `UPDATE orders SET buyer_name = '買主 改名' WHERE order_no = 'PLAN-20000'`);
      const after = await scans(tx);
      expect(after.seq - before.seq).toBe(0);
      expect(after.idx - before.idx).toBe(1);
    });
    expect(await found('買主 19999')).toEqual(['PLAN-19999']);
    expect(await found('買主 改名')).toEqual(['PLAN-20000']);
  });
});
