import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse, WireOp } from '../../../src-shared/sync/protocol.js';
import { rows } from '../../../src-server/db/open.js';
import { wireExpression } from '../../../src-server/orders/wire.js';
import { BACKENDS, startTestServer, type TestServer } from '../../helpers/central-server.js';
import { makeOrder } from '../../helpers/orders.js';
import { wireOp } from '../../helpers/wire-ops.js';

/**
 * A push packs each judged order's text from the values it holds (numbered-writes.ts). What a
 * PC pulls must be the same order as the stored columns say, whatever the change was.
 */
describe.each(BACKENDS)('the packed text a push stores (%s)', (backend) => {
  let s: TestServer;
  let pc: string;
  const NUMBERS = ['PW-1', 'PW-2', 'PW-3', 'PW-4', 'PW-5'];

  beforeAll(async () => {
    s = await startTestServer(backend);
    await s.addStore('tokyo', '東京店');
    await s.intakeStock([['MG-010', 'tokyo', 100]]);
    pc = await s.addPc('tokyo', '東京PC');
    await s.intake(NUMBERS.map((orderNo) => makeOrder({ orderNo, storeId: 'tokyo', paymentMethod: 'credit_card' })));
  }, 60_000);
  afterAll(async () => s?.close());

  const push = async (ops: WireOp[]) => {
    const answer = await s.request<PushResponse>(pc, 'POST', '/sync/push', { ops });
    expect(answer.status).toBe(200);
    // A refusal shows its reason.
    return answer.body.results.map((r) => r.reason ?? r.accepted);
  };
  const db = () => s.server.database.db;
  /** Orders whose kept text is not the order its columns hold (compared as JSON, not as spelling). */
  const differing = async () =>
    (
      await rows<{ orderNo: string }>(
        db(),
        sql`SELECT o.order_no AS "orderNo" FROM orders o
            WHERE o.wire IS NULL OR o.wire::jsonb IS DISTINCT FROM (${wireExpression('o')})::jsonb ORDER BY o.order_no`,
      )
    ).map((r) => r.orderNo);
  const column = async (orderNo: string, expression: string) =>
    (
      await rows<{ v: unknown }>(db(), sql`SELECT ${sql.raw(expression)} AS v FROM orders WHERE order_no = ${orderNo}`)
    )[0]?.v;

  it('keeps every order’s text equal to its columns after a push of many kinds at once', async () => {
    const accepted = await push([
      wireOp('PW-1', 'status', { operation: 'stock_ok' }),
      wireOp('PW-2', 'staff_comment', { fields: { staffComment: '「至急」 "二重引用" \\ 円記号 ¥ 絵文字😀' } }),
      wireOp('PW-3', 'ship_to', {
        fields: {
          shipName: '山田 花子',
          shipPostalCode: '150-0001',
          shipPrefecture: '東京都',
          shipAddress1: '渋谷区神宮前1-2-3',
          shipAddress2: 'コーポ 101',
          shipPhone: '03-1234-5678',
        },
      }),
      wireOp('PW-4', 'unit_price', {
        lineNo: 1,
        sku: 'MG-010',
        fields: {
          items: [
            {
              lineNo: 1,
              sku: 'MG-010',
              title: 'マグカップ',
              quantity: 3,
              unitPrice: 1450,
              location: 'B-2',
              taxRate: 8,
            },
          ],
        },
      }),
      wireOp('PW-1', 'sub_status', { fields: { subStatusId: null } }),
    ]);
    expect(accepted).toEqual([true, true, true, true, true]);
    expect(await differing()).toEqual([]);
    expect(await column('PW-2', 'staff_comment')).toBe('「至急」 "二重引用" \\ 円記号 ¥ 絵文字😀');
    expect(await column('PW-3', 'ship_address1')).toBe('渋谷区神宮前1-2-3');
    expect(await column('PW-1', 'status')).toBe('paid');
    expect(await column('PW-1', 'version')).toBe(2); // one new version per push, however many ops
    // The item a price changed travels with its new line.
    expect(await column('PW-4', 'wire')).toContain('"マグカップ"');
  });

  it('packs again from the columns an order whose kept text an older version packed', async () => {
    await db().execute(sql`UPDATE orders SET wire = '["pold","PW-5"]' WHERE order_no = 'PW-5'`);
    expect(await push([wireOp('PW-5', 'status', { operation: 'stock_ok' })])).toEqual([true]);
    expect(await differing()).toEqual([]);
  });
});
