import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../src-shared/sync/protocol.js';
import { createClient, type ClientIdentity } from '../../../src-server/auth.js';
import { rows, type ServerDb } from '../../../src-server/db/open.js';
import { intakeOrders } from '../../../src-server/orders/intake.js';
import { pullPage } from '../../../src-server/sync/pull.js';
import { makeOrder } from '../../helpers/orders.js';
import { pgliteServerDatabase } from '../../helpers/server-database.js';

const server = pgliteServerDatabase();
const q = <T>(db: ServerDb, text: string) => rows<T>(db, sql.raw(text));

/**
 * The rest of the fleet at work: `count` changes of 5,000 other stores' orders (four each),
 * numbered on from the last change number. Only their history is written: it is what a pull
 * could wade through; the orders themselves are not needed for that.
 */
async function busyElsewhere(db: ServerDb, count: number): Promise<void> {
  await q(
    db,
    `WITH last AS (SELECT last_seq FROM sync_state WHERE id = 1)
     INSERT INTO order_history (order_id, seq, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
     SELECT 1000000 + g % 5000, last.last_seq + g, '2026-12-07T09:00:00Z', '店員', 'far', 'PC-far', 'status', 'new', 'paid', ''
     FROM last, generate_series(1, ${count}) g`,
  );
  await q(db, `UPDATE sync_state SET last_seq = last_seq + ${count} WHERE id = 1`);
}

describe("a store PC's pull of its orders' history", () => {
  it('reads the history of its own orders only, however much the rest of the fleet changed since the statistics were made', async () => {
    const db = server().db;
    const at = new Date('2026-12-07T09:00:00Z');
    await q(db, `INSERT INTO stores (id, name, created_at) VALUES ('near', '近店', 'x'), ('far', '遠店', 'x')`);
    await busyElsewhere(db, 20_000);
    const cursor = (await q<{ seq: number }>(db, 'SELECT last_seq AS seq FROM sync_state'))[0]!.seq;
    await q(db, 'ANALYZE');
    // After the statistics: another store's 20,000 changes, then this store's 20 new orders,
    // each changed once (as a PC's 在庫確認 would be), at its own change number.
    await busyElsewhere(db, 20_000);
    const near = Array.from({ length: 20 }, (_, i) => makeOrder({ orderNo: `NEAR-${i}`, storeId: 'near' }));
    await intakeOrders(db, near, 'テスト', at);
    await q(
      db,
      `INSERT INTO order_history (order_id, seq, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
       SELECT id, seq, '2026-12-07T09:01:00Z', '店員', 'near', 'PC-other', 'status', 'new', 'stock_confirmed', ''
       FROM orders WHERE store_id = 'near'`,
    );
    const { id } = await createClient(db, { kind: 'pc', name: 'PC-near', storeId: 'near' }, at);
    const client: ClientIdentity = {
      id,
      kind: 'pc',
      name: 'PC-near',
      storeId: 'near',
      storeName: '近店',
      isHeadOffice: false,
    };

    const { page, read } = await db.transaction(async (tx) => {
      const historyRead = async () =>
        (
          await q<{ n: number }>(
            tx as unknown as ServerDb,
            `SELECT coalesce(sum(pg_stat_get_xact_tuples_returned(indexrelid)), 0)::int AS n
             FROM pg_index WHERE indrelid = 'order_history'::regclass`,
          )
        )[0]!.n;
      const before = await historyRead();
      const pulled = await pullPage(tx as unknown as ServerDb, client, cursor, 2000, at);
      return { page: JSON.parse(pulled.json) as PullResponse, read: (await historyRead()) - before };
    });
    expect(page.orders.map((o) => o.orderNo).sort()).toEqual(near.map((o) => o.orderNo).sort());
    expect(page.history.map((h) => `${h.orderNo} ${h.to}`).sort()).toEqual(
      near.map((o) => `${o.orderNo} stock_confirmed`).sort(),
    );
    // The 20 orders' own rows (their intake and their change), not the 20,000 in between.
    expect(read).toBeLessThanOrEqual(100);
  });
});
