import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../src-server/db/open.js';
import type { PushResponse, WireOp } from '../../../src-shared/sync/protocol.js';
import { BACKENDS, startTestServer, type TestServer } from '../../helpers/central-server.js';
import { makeOrder } from '../../helpers/orders.js';

describe.each(BACKENDS)('検品 history pushed from a store PC (%s)', (backend) => {
  let s: TestServer;
  let tokyo: string;

  beforeAll(async () => {
    s = await startTestServer(backend);
    await s.addStore('tokyo', '東京店');
    tokyo = await s.addPc('tokyo', '東京PC');
    await s.intake([makeOrder({ orderNo: 'PK-1', storeId: 'tokyo' })]);
  }, 60_000);
  afterAll(async () => s?.close());

  const packing = (n: number, from: string, to: string) =>
    ({
      opId: `packing-op-${n}`.padEnd(16, '0'),
      channel: 'yahoo_shopping',
      orderNo: 'PK-1',
      kind: 'packing',
      at: `2026-11-27T01:00:0${n}.000Z`,
      actor: { operator: '検品担当', pcId: 'PC1', storeId: 'tokyo' },
      reason: '',
      from,
      to,
    }) as WireOp;

  it('accepts each scan and keeps it in the order history, and changes nothing else', async () => {
    const before = await rows<{ status: string }>(
      s.server.database.db,
      sql`SELECT status FROM orders WHERE order_no = 'PK-1'`,
    );
    const { body } = await s.request<PushResponse>(tokyo, 'POST', '/sync/push', {
      ops: [packing(1, 'MG-010', '1/1'), packing(2, 'MG-010', '検品済')],
    });
    expect(body.results.map((r) => r.accepted)).toEqual([true, true]);
    const history = await rows<{ from_value: string; to_value: string; actor: string }>(
      s.server.database.db,
      sql`SELECT h.from_value, h.to_value, h.actor FROM order_history h JOIN orders o ON o.id = h.order_id
          WHERE o.order_no = 'PK-1' AND h.kind = 'packing' ORDER BY h.seq`,
    );
    expect(history.map((h) => [h.from_value, h.to_value])).toEqual([
      ['MG-010', '1/1'],
      ['MG-010', '検品済'],
    ]);
    expect(history[0]!.actor).toContain('検品担当');
    const after = await rows<{ status: string }>(
      s.server.database.db,
      sql`SELECT status FROM orders WHERE order_no = 'PK-1'`,
    );
    expect(after).toEqual(before);
  });
});
