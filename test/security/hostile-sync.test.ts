import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src-server/db/open.js';
import type { MastersUploadResponse, PushResponse, WireOp } from '../../src-shared/sync/protocol.js';
import { startTestServer, type TestServer } from '../helpers/central-server.js';
import { makeOrder } from '../helpers/orders.js';
import { closePc, connectedPc, localId } from '../helpers/sync-pcs.js';
import { TestClock, type TestApp } from '../helpers/test-app.js';

/**
 * What a store PC's token can send the central server, sent as an attacker holding one
 * would: the server refuses each hostile operation or master row on its own, stores none of
 * it, and keeps taking the honest ones in the same batch.
 */

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

let s: TestServer;
const tokens = {} as Record<'tokyo' | 'osaka' | 'head', string>;
let opCounter = 0;

/** An operation as an attacker sends it: any fields, whatever its kind allows. */
function op(orderNo: string, extra: Record<string, unknown>): WireOp {
  opCounter += 1;
  return {
    opId: `hostile-${opCounter}-${Math.random().toString(36).slice(2)}`,
    channel: 'yahoo_shopping',
    orderNo,
    kind: 'status',
    at: s.clock.now().toISOString(),
    actor: { operator: '東京担当', pcId: 'TOKYO-PC', storeId: 'tokyo' },
    reason: '',
    from: null,
    to: null,
    ...extra,
  } as WireOp;
}

async function push(token: string, ops: unknown[]): Promise<{ status: number; body: PushResponse }> {
  return s.request<PushResponse>(token, 'POST', '/sync/push', { ops });
}

async function serverOrder(orderNo: string) {
  const [row] = await rows<Record<string, unknown>>(
    s.server.database.db,
    sql`SELECT o.status, o.subtotal, o.discount, o.shipping_fee, o.cod_fee, o.total, o.store_id, o.staff_comment,
          o.shipped_at, o.paid_at, o.version, (SELECT count(*)::int FROM order_items i WHERE i.order_id = o.id) AS items
        FROM orders o WHERE o.order_no = ${orderNo}`,
  );
  return row;
}

beforeAll(async () => {
  s = await startTestServer('pglite', { clock: new TestClock(new Date()) });
  await s.addStore('honbu', '本部', true);
  await s.addStore('tokyo', '東京店');
  await s.addStore('osaka', '大阪店');
  tokens.tokyo = await s.addPc('tokyo', '東京PC');
  tokens.osaka = await s.addPc('osaka', '大阪PC');
  tokens.head = await s.addPc('honbu', '本部PC');
  await s.intake([
    ...['H-1', 'H-2', 'H-3'].map((orderNo) => makeOrder({ orderNo, storeId: 'tokyo' })),
    makeOrder({ orderNo: 'H-O1', storeId: 'osaka' }),
  ]);
  // The orders' SKU in stock at both stores: the server reserves a pushed 在庫確認 from its own stock.
  await s.intakeStock([
    ['MG-010', 'tokyo', 100],
    ['MG-010', 'osaka', 100],
  ]);
}, 60_000);
afterAll(async () => s?.close());

describe('hostile operations pushed with a store token', () => {
  it('refuses each one alone with a Japanese reason, stores none of it, and applies the honest op beside them', async () => {
    const before = await serverOrder('H-1');
    const far = new Date(s.clock.now().getTime() + 86_400_000).toISOString();
    const hostile: [string, unknown][] = [
      ['NUL in a comment', op('H-1', { kind: 'staff_comment', fields: { staffComment: 'a\u0000b' } })],
      ['lone surrogate', op('H-1', { kind: 'staff_comment', fields: { staffComment: 'x\ud800' } })],
      ['bidi override', op('H-1', { kind: 'staff_comment', fields: { staffComment: '\u202eexe.txt' } })],
      ['negative subtotal', op('H-1', { kind: 'subtotal', fields: { subtotal: -5000 } })],
      ['a total unrelated to the lines', op('H-1', { kind: 'total', fields: { total: 1 } })],
      ['a subtotal unrelated to the lines', op('H-1', { kind: 'subtotal', fields: { subtotal: 99_999 } })],
      ['a discount taking the total below zero', op('H-1', { kind: 'discount', fields: { discount: 1_000_000 } })],
      ['an empty item list', op('H-1', { kind: 'unit_price', fields: { items: [] } })],
      ['a store that does not exist', op('H-1', { kind: 'store', fields: { storeId: 'ghost' } })],
      ['a time a day ahead', op('H-1', { operation: 'stock_ok', at: far })],
      ['a time that is no date', op('H-1', { operation: 'stock_ok', at: 'x'.repeat(40) })],
      ['a paid date in the future', op('H-1', { operation: 'stock_ok', paidAt: far })],
    ];
    const honest = op('H-2', {
      operation: 'stock_ok',
      // Names another store's PC and staff: the history takes the token's store and PC.
      actor: { operator: '大阪の誰か', pcId: 'OSAKA-PC', storeId: 'osaka' },
    });
    const { status, body } = await push(tokens.tokyo, [...hostile.map(([, o]) => o), honest]);
    expect(status).toBe(200);
    expect(body.results).toHaveLength(hostile.length + 1);
    hostile.forEach(([what], i) => {
      const result = body.results[i]!;
      expect(result.accepted, what).toBe(false);
      expect(result.reason, what).toMatch(JAPANESE);
    });
    expect(body.results.at(-1)).toMatchObject({ accepted: true });
    expect(await serverOrder('H-1')).toEqual(before);
    expect((await serverOrder('H-2'))!.status).toBe('stock_confirmed');
    const [history] = await rows<{ store_id: string; pc_id: string; actor: string }>(
      s.server.database.db,
      sql`SELECT h.store_id, h.pc_id, h.actor FROM order_history h JOIN orders o ON o.id = h.order_id
          WHERE o.order_no = 'H-2' AND h.kind = 'status'`,
    );
    expect(history).toEqual({ store_id: 'tokyo', pc_id: '東京PC', actor: '大阪の誰か' });
  });

  it('derives the money: a discount moves the total, and a matching subtotal/total is taken', async () => {
    const before = (await serverOrder('H-3'))!;
    const expectedTotal = Number(before.subtotal) - 300 + Number(before.shipping_fee) + Number(before.cod_fee);
    const { body } = await push(tokens.tokyo, [
      op('H-3', { kind: 'discount', fields: { discount: 300 } }),
      op('H-3', { kind: 'total', fields: { total: expectedTotal } }),
    ]);
    expect(body.results.map((r) => r.accepted)).toEqual([true, true]);
    expect(await serverOrder('H-3')).toMatchObject({ discount: 300, total: expectedTotal });
  });

  it('answers an entry that is not an operation at all by its id, without failing the batch', async () => {
    const honest = op('H-3', { kind: 'staff_comment', fields: { staffComment: '梱包注意' } });
    const { status, body } = await push(tokens.tokyo, [{ opId: 'broken-entry-1', kind: 7 }, null, 'x', honest]);
    expect(status).toBe(200);
    expect(body.results.map((r) => [r.opId, r.accepted])).toEqual([
      ['broken-entry-1', false],
      [honest.opId, true],
    ]);
  });

  it("keeps op ids per PC: another store's reused id gets nothing of the first answer", async () => {
    const [applied, probed] = ['reused-op-id-0001', 'reused-op-id-0002'];
    const first = await push(tokens.tokyo, [
      op('H-1', { opId: applied, operation: 'stock_ok' }),
      op('H-1', { opId: probed, kind: 'staff_comment', fields: { staffComment: '東京のメモ' } }),
    ]);
    expect(first.body.results.map((r) => r.accepted)).toEqual([true, true]);
    // 大阪 reuses an id for its own order: applied, not answered from tokyo's record.
    const own = await push(tokens.osaka, [op('H-O1', { opId: applied, operation: 'stock_ok' })]);
    expect(own.body.results[0]).toMatchObject({ accepted: true });
    expect((await serverOrder('H-O1'))!.status).toBe('stock_confirmed');
    // And one about tokyo's order is judged as its own: refused, with nothing of tokyo's order.
    const probe = await push(tokens.osaka, [op('H-1', { opId: probed, operation: 'stock_ok' })]);
    expect(probe.body.results[0]!.accepted).toBe(false);
    expect(probe.body.results[0]!.order ?? null).toBeNull();
    expect(JSON.stringify(probe.body)).not.toMatch(/stock_confirmed|在庫|東京のメモ/);
  });
});

describe('hostile master rows', () => {
  it('refuses each bad row of head office upload and keeps the good ones; nothing bad reaches the server', async () => {
    const upload = {
      kinds: {
        sub_statuses: [
          {
            key: '1',
            data: { id: 1, main_status: 'new', name: '要確認', color: '#f9a825', sort_order: 0, retired_at: null },
          },
          {
            key: '2',
            data: {
              id: 2,
              main_status: 'new',
              name: { toString: 'x' },
              color: '#000000',
              sort_order: 1,
              retired_at: null,
            },
          },
          {
            key: '3',
            data: {
              id: 3,
              main_status: 'new',
              name: 'あ'.repeat(5021),
              color: '#000000',
              sort_order: 2,
              retired_at: null,
            },
          },
          {
            key: '4',
            data: {
              id: 4,
              main_status: 'new',
              name: 'CSS',
              color: 'red;background:url(x)',
              sort_order: 3,
              retired_at: null,
            },
          },
          {
            key: '5',
            data: { id: 5, main_status: 'hacked', name: '不明', color: '#000000', sort_order: 4, retired_at: null },
          },
          {
            key: '6',
            data: { id: 7, main_status: 'new', name: '鍵違い', color: '#000000', sort_order: 5, retired_at: null },
          },
        ],
      },
    };
    const { status, body } = await s.request<MastersUploadResponse>(tokens.head, 'POST', '/sync/masters', upload);
    expect(status).toBe(200);
    expect(body.refused.map((r) => r.key).sort()).toEqual(['2', '3', '4', '5', '6']);
    for (const r of body.refused) expect(r.reason).toMatch(JAPANESE);
    const stored = await rows<{ key: string; name: unknown; color: unknown; deleted: boolean }>(
      s.server.database.db,
      sql`SELECT key, data->'name' AS name, data->'color' AS color, deleted FROM master_rows WHERE kind = 'sub_statuses' ORDER BY key`,
    );
    for (const row of stored) {
      expect(typeof row.name).toBe('string');
      expect(String(row.name).length).toBeLessThanOrEqual(20);
      expect(String(row.color)).toMatch(/^#[0-9a-fA-F]{6}$/);
    }
    expect(stored.find((r) => r.key === '1')).toMatchObject({ name: '要確認', deleted: false });
  });

  it('a PC skips a bad row that is on the server already, says so, and takes the rest of the page', async () => {
    let pc: TestApp | null = null;
    try {
      pc = await connectedPc(s, 'tokyo', '東京PC2');
      // A row stored before the server checked rows: an object where the name belongs.
      await s.server.database.db.execute(
        sql`UPDATE master_rows SET data = jsonb_set(data, '{name}', '{"evil": true}'::jsonb), seq = (SELECT last_seq + 1 FROM sync_state)
            WHERE kind = 'sub_statuses' AND key = '1'`,
      );
      await s.server.database.db.execute(sql`UPDATE sync_state SET last_seq = last_seq + 1`);
      await s.intake([makeOrder({ orderNo: 'H-AFTER', storeId: 'tokyo' })]);
      const report = await pc.call('sync:now', {});
      expect(localId(pc, 'H-AFTER')).toBeDefined();
      const skipped = report.refused.filter((r) => r.attempted.includes('サブステータス（1）'));
      expect(skipped).toHaveLength(1);
      expect(skipped[0]!.reason).toMatch(/本部のマスタの内容に誤り/);
      const name = pc.app.ctx.database.sqlite.prepare('SELECT name FROM sub_statuses WHERE id = 1').pluck().get();
      expect(typeof name).toBe('string');
      // The next round does not report it again, and sync goes on.
      expect((await pc.call('sync:now', {})).refused).toEqual([]);
    } finally {
      if (pc) closePc(pc);
    }
  });
});
