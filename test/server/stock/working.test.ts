import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { writeTransaction } from '../../../src-server/db/changes.js';
import { rows } from '../../../src-server/db/open.js';
import { intakeOrders } from '../../../src-server/orders/intake.js';
import { StockWorking, type ServerStockCause } from '../../../src-server/stock/working.js';
import { makeOrder } from '../../helpers/orders.js';
import { pgliteServerDatabase } from '../../helpers/server-database.js';

const at = '2026-11-27T01:00:00.000Z';
const by = (reason: string, order?: { id: number; no: string }): ServerStockCause => ({
  at,
  operator: '店員',
  pcId: 'PC1',
  reason,
  clientId: 7,
  order,
});

const server = pgliteServerDatabase();
const db = () => server().db;
const stockOf = async (sku: string) =>
  (
    await rows<{ on_hand: number; reserved: number }>(
      db(),
      sql`SELECT on_hand, reserved FROM stock WHERE store_id = 'tokyo' AND sku = ${sku}`,
    )
  )[0];
async function orderId(orderNo: string): Promise<number> {
  const [row] = await rows<{ id: number }>(db(), sql`SELECT id FROM orders WHERE order_no = ${orderNo}`);
  return row!.id;
}
const run = <T>(work: (w: StockWorking) => T, keys: { storeId: string; sku: string }[], orders: number[] = []) =>
  writeTransaction(db(), async (tx, numbers) => {
    const w = await StockWorking.load(
      tx,
      keys,
      orders.map((id) => ({ id, storeId: 'tokyo' })),
    );
    const out = work(w);
    await w.flush(tx, numbers);
    return out;
  });

describe('the central stock book', () => {
  it('gives the last unit to the first reservation, refuses the second, and keeps reserved = Σ reservations', async () => {
    await intakeOrders(
      db(),
      [
        makeOrder({
          orderNo: 'SRV-1',
          items: [{ lineNo: 1, sku: 'LAST', title: 'x', quantity: 1, unitPrice: 1, location: '' }],
        }),
        makeOrder({
          orderNo: 'SRV-2',
          items: [{ lineNo: 1, sku: 'LAST', title: 'x', quantity: 1, unitPrice: 1, location: '' }],
        }),
      ],
      'test',
      new Date(at),
    );
    await run(
      (w) => w.set('count', { storeId: 'tokyo', sku: 'LAST', onHand: 1 }, by('棚卸')),
      [{ storeId: 'tokyo', sku: 'LAST' }],
    );
    const [first, second] = [await orderId('SRV-1'), await orderId('SRV-2')];
    const verdicts = await run(
      (w) => [
        w.reserve(first, 'tokyo', by('在庫確認', { id: first, no: 'SRV-1' })),
        w.reserve(second, 'tokyo', by('在庫確認', { id: second, no: 'SRV-2' })),
      ],
      [],
      [first, second],
    );
    expect(verdicts[0]).toBeNull();
    expect(verdicts[1]).toBe('欠品があります: LAST（必要 1 / 在庫 0）。欠品登録してください。');
    expect(await stockOf('LAST')).toEqual({ on_hand: 1, reserved: 1 });

    await run((w) => w.settle(first, 'consume', by('出荷確定', { id: first, no: 'SRV-1' })), [], [first]);
    expect(await stockOf('LAST')).toEqual({ on_hand: 0, reserved: 0 });
    expect(
      await rows(
        db(),
        sql`SELECT kind, on_hand_after, reserved_after, order_no FROM stock_ledger WHERE sku = 'LAST' ORDER BY id`,
      ),
    ).toEqual([
      { kind: 'count', on_hand_after: 1, reserved_after: 0, order_no: null },
      { kind: 'reserve', on_hand_after: 1, reserved_after: 1, order_no: 'SRV-1' },
      { kind: 'consume', on_hand_after: 0, reserved_after: 0, order_no: 'SRV-1' },
    ]);
    expect(await rows(db(), sql`SELECT count(*)::int AS n FROM stock_reservations`)).toEqual([{ n: 0 }]);
  });

  it('refuses a count below what orders hold, and the database itself refuses on hand < reserved', async () => {
    await run(
      (w) => w.set('count', { storeId: 'tokyo', sku: 'HELD', onHand: 3 }, by('棚卸')),
      [{ storeId: 'tokyo', sku: 'HELD' }],
    );
    await db().execute(sql`UPDATE stock SET reserved = 2 WHERE sku = 'HELD'`);
    const refusal = await run(
      (w) => w.set('adjust', { storeId: 'tokyo', sku: 'HELD', onHand: 1 }, by('破損')),
      [{ storeId: 'tokyo', sku: 'HELD' }],
    );
    expect(refusal).toContain('在庫数 1 は引当数 2 を下回ります');
    const direct = await db()
      .execute(sql`UPDATE stock SET on_hand = 1 WHERE sku = 'HELD'`)
      .then(
        () => null,
        (err: Error & { cause?: { message?: string } }) => err.cause?.message ?? err.message,
      );
    expect(direct).toMatch(/stock_counts_ck/);
    expect(await stockOf('HELD')).toEqual({ on_hand: 3, reserved: 2 });
  });
});
