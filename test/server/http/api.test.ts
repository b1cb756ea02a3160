import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SOURCE_ROOT } from '../../../src-main/app/paths.js';
import type { PullResponse, PushResponse, WireOp, WireOpOf } from '../../../src-shared/sync/protocol.js';
import { rows } from '../../../src-server/db/open.js';
import { sql } from 'drizzle-orm';
import { describeOnBackends, startTestServer, type TestServer } from '../../helpers/central-server.js';
import { makeOrder } from '../../helpers/orders.js';
import { fileOrder, sjis } from '../../helpers/order-files.js';
import { rakutenOrderData } from '../../helpers/rakuten-order-file.js';

let opCount = 0;

function statusOp(
  orderNo: string,
  operation: WireOpOf<'status'>['operation'] | undefined,
  extra: Record<string, unknown> = {},
): WireOp {
  return {
    opId: `op-${++opCount}-${orderNo}`,
    channel: 'yahoo_shopping',
    orderNo,
    kind: 'status',
    at: '2026-11-27T01:00:00.000Z',
    actor: { operator: '店員', pcId: 'PC1', storeId: 'tokyo' },
    reason: '',
    from: null,
    to: null,
    operation,
    ...extra,
  } as WireOp;
}

describeOnBackends('central server API', (backend) => {
  let s: TestServer;
  let tokyo: string;
  let osaka: string;
  let head: string;

  beforeAll(async () => {
    s = await startTestServer(backend);
    await s.addStore('honbu', '本部', true);
    await s.addStore('tokyo', '東京店');
    await s.addStore('osaka', '大阪店');
    // The test orders' SKU at every store: the server reserves pushed 在庫確認 from its own stock.
    await s.intakeStock(['honbu', 'tokyo', 'osaka'].map((store) => ['MG-010', store, 100_000]));
    tokyo = await s.addPc('tokyo', '東京PC');
    osaka = await s.addPc('osaka', '大阪PC');
    head = await s.addPc('honbu', '本部PC');
  }, 60_000);
  afterAll(async () => s?.close());

  const pull = async (token: string, cursor = 0, limit = 2000) =>
    (await s.request<PullResponse>(token, 'GET', `/sync/pull?cursor=${cursor}&limit=${limit}`)).body;
  const push = async (token: string, ops: WireOp[]) =>
    (await s.request<PushResponse>(token, 'POST', '/sync/push', { ops })).body;

  it('refuses every request without a valid token, and logs it without the token', async () => {
    expect((await s.request('', 'GET', '/sync/pull')).status).toBe(401);
    expect((await s.request('chm_wrong', 'GET', '/sync/pull')).status).toBe(401);
    expect((await s.request(tokyo, 'POST', '/admin/stores', { id: 'x', name: 'x' })).status).toBe(403);
    expect((await s.request(tokyo, 'POST', '/intake/orders', { orders: [makeOrder()] })).status).toBe(403);
    expect((await s.request(tokyo, 'POST', '/sync/masters', { kinds: {} })).status).toBe(403);
    const log = await rows<{ reason: string; path: string }>(
      s.server.database.db,
      sql`SELECT reason, path FROM refused_access`,
    );
    expect(log.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(log)).not.toContain(tokyo);
    const stored = await rows<{ token_hash: string }>(s.server.database.db, sql`SELECT token_hash FROM clients`);
    expect(stored.map((r) => r.token_hash)).not.toContain(tokyo);
  });

  it('takes orders in once per channel + order number', async () => {
    const orders = [
      makeOrder({ orderNo: 'IN-1', storeId: 'tokyo' }),
      makeOrder({ orderNo: 'IN-2', storeId: 'osaka' }),
      makeOrder({ orderNo: 'IN-3', storeId: null }),
    ];
    expect(await s.intake(orders)).toEqual({ created: 3, duplicates: [], filled: [] });
    expect(await s.intake(orders)).toEqual({ created: 0, duplicates: ['IN-1', 'IN-2', 'IN-3'], filled: [] });
    const bad = await s.request<{ error: string }>(s.adminToken, 'POST', '/intake/orders', {
      orders: [{ ...makeOrder(), channel: 'ebay' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('入力内容に誤りがあります');
  });

  it('takes the same CSV files as F1 centrally, once', async () => {
    const file = {
      name: 'amazon-unshipped-sjis.txt',
      base64: readFileSync(path.join(SOURCE_ROOT, 'test/fixtures/amazon-unshipped-sjis.txt')).toString('base64'),
    };
    const first = await s.request<{ created: number; duplicates: string[]; rejected: unknown[] }>(
      s.adminToken,
      'POST',
      '/intake/csv',
      { files: [file], storeId: 'osaka' },
    );
    expect(first.status).toBe(200);
    expect(first.body.created).toBeGreaterThan(0);
    const again = await s.request<{ created: number; duplicates: string[] }>(s.adminToken, 'POST', '/intake/csv', {
      files: [file],
      storeId: 'osaka',
    });
    expect(again.body).toMatchObject({ created: 0 });
    expect(again.body.duplicates).toHaveLength(first.body.created);
    const [amazon] = await rows<{ n: number }>(
      s.server.database.db,
      sql`SELECT count(*)::int AS n FROM orders WHERE channel = 'amazon' AND store_id = 'osaka'`,
    );
    expect(amazon!.n).toBe(first.body.created);
    const junk = await s.request<{ error: string }>(s.adminToken, 'POST', '/intake/csv', {
      files: [{ name: 'x.csv', base64: Buffer.from('a,b\n1,2\n').toString('base64') }],
    });
    expect(junk.status).toBe(400);
    expect(junk.body.error).toContain('何も取り込んでいません');
  });

  it('reads 楽天’s order data at /intake/csv with the same readers as F1', async () => {
    const order = fileOrder({
      orderNo: '318822-20261121-0000900',
      orderedAt: '2026-11-21 09:00:00',
      payment: '銀行振込',
    });
    const file = { name: 'RakutenOrder.csv', base64: sjis(rakutenOrderData([order])).toString('base64') };
    const r = await s.request<{ created: number }>(s.adminToken, 'POST', '/intake/csv', {
      files: [file],
      storeId: 'osaka',
    });
    expect(r.body).toMatchObject({ created: 1 });
    const [stored] = await rows<{ channel: string; ship_name: string; ship_postal_code: string }>(
      s.server.database.db,
      sql`SELECT channel, ship_name, ship_postal_code FROM orders WHERE order_no = ${order.orderNo}`,
    );
    expect(stored).toEqual({ channel: 'rakuten', ship_name: '鈴木 一郎', ship_postal_code: '530-0001' });
  });

  it('shows a store PC only its own store, head office everything', async () => {
    const t = await pull(tokyo);
    expect(t.orders.map((o) => o.orderNo)).toEqual(['IN-1']);
    expect(t.masters.some((m) => m.kind === 'stores' && m.key === 'osaka')).toBe(true);
    const h = await pull(head);
    expect(
      h.orders
        .map((o) => o.orderNo)
        .filter((n) => n.startsWith('IN-'))
        .sort(),
    ).toEqual(['IN-1', 'IN-2', 'IN-3']);
    // Nothing new: an empty page, same cursor.
    const again = await pull(tokyo, t.cursor);
    expect(again.orders).toEqual([]);
    expect(again.cursor).toBe(t.cursor);
  });

  it('pages orders and stock in change order without losing or repeating anything', async () => {
    await s.intake(Array.from({ length: 3 }, (_, i) => makeOrder({ orderNo: `PG-${i}`, storeId: 'osaka' })));
    await s.intakeStock(Array.from({ length: 4 }, (_, i) => [`PGS-${i}`, 'osaka', 10 + i]));
    await s.intake(Array.from({ length: 4 }, (_, i) => makeOrder({ orderNo: `PG-${i + 3}`, storeId: 'osaka' })));
    await s.intakeStock([
      ['PGS-1', 'osaka', 7],
      ['PGS-4', 'osaka', 3],
    ]);
    const pullAll = async (copy: boolean) => {
      const seen: string[] = [];
      const stock = new Map<string, { onHand: number; moved: boolean }>();
      let cursor = 0;
      for (let guard = 0; guard < 50; guard++) {
        const page = (
          await s.request<PullResponse>(osaka, 'GET', `/sync/pull?cursor=${cursor}&limit=3${copy ? '&copy=1' : ''}`)
        ).body;
        const stockRows = page.stock ?? [];
        expect(page.orders.length + page.masters.length + page.removed.length + stockRows.length).toBeLessThanOrEqual(
          3,
        );
        seen.push(...page.orders.map((o) => o.orderNo));
        for (const row of stockRows) stock.set(row.sku, { onHand: row.onHand, moved: row.move != null });
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      expect(seen.filter((n) => /^(IN|PG)-/.test(n)).sort()).toEqual([
        'IN-2',
        'PG-0',
        'PG-1',
        'PG-2',
        'PG-3',
        'PG-4',
        'PG-5',
        'PG-6',
      ]);
      expect(new Set(seen).size).toBe(seen.length);
      return stock;
    };
    const stock = await pullAll(false);
    expect([...stock].filter(([sku]) => sku.startsWith('PGS-')).map(([sku, r]) => [sku, r.onHand])).toEqual([
      ['PGS-0', 10],
      ['PGS-2', 12],
      ['PGS-3', 13],
      ['PGS-1', 7],
      ['PGS-4', 3],
    ]);
    // Each row says who moved it last (head office's 棚卸), for the PC's ledger…
    expect(stock.get('PGS-1')?.moved).toBe(true);
    // …except in a PC's first copy, which keeps no ledger of it: the same rows, no look-up.
    const copy = await pullAll(true);
    expect([...copy].map(([sku, r]) => [sku, r.onHand])).toEqual([...stock].map(([sku, r]) => [sku, r.onHand]));
    expect([...copy.values()].some((r) => r.moved)).toBe(false);
  });

  it('applies a pushed op once, judges it against its own state, and answers per op', async () => {
    const ok = statusOp('IN-1', 'stock_ok');
    const first = await push(tokyo, [ok]);
    expect(first.results).toEqual([{ opId: ok.opId, accepted: true }]);
    const resend = await push(tokyo, [ok]);
    expect(resend.results[0]).toMatchObject({ opId: ok.opId, accepted: true });
    const history = await rows<{ n: number }>(
      s.server.database.db,
      sql`SELECT count(*)::int AS n FROM order_history h JOIN orders o ON o.id = h.order_id WHERE o.order_no = 'IN-1' AND h.kind = 'status'`,
    );
    expect(history[0]!.n).toBe(1);
    // Shipping a stock-confirmed (unpaid bank transfer) order is not allowed: refused with the server's copy.
    const ship = statusOp('IN-1', 'confirm_shipment');
    const refused = (await push(tokyo, [ship])).results[0]!;
    expect(refused.accepted).toBe(false);
    expect(refused.reason).toContain('出荷確定はできません');
    expect(refused.reason).toContain('在庫確認済');
    expect(refused.order?.status).toBe('stock_confirmed');
  });

  it("refuses an op on another store's order and logs it", async () => {
    const op = statusOp('IN-2', 'cancel');
    const result = (await push(tokyo, [op])).results[0]!;
    expect(result.accepted).toBe(false);
    expect(result.reason).toContain('担当ではなくなりました');
    expect(result.order).toBeNull();
    const log = await rows<{ reason: string }>(
      s.server.database.db,
      sql`SELECT reason FROM refused_access WHERE path = '/sync/push'`,
    );
    expect(log.length).toBeGreaterThan(0);
  });

  it('moves a reassigned order (E5) to the new store and away from the old one', async () => {
    const before = await pull(tokyo);
    const move = statusOp('IN-1', undefined, {
      kind: 'store',
      operation: undefined,
      from: 'tokyo',
      to: 'osaka',
      fields: { storeId: 'osaka' },
    });
    expect((await push(head, [move])).results[0]!.accepted).toBe(true);
    const t = await pull(tokyo, before.cursor);
    expect(t.removed).toEqual([{ channel: 'yahoo_shopping', orderNo: 'IN-1' }]);
    expect(t.orders).toEqual([]);
    const o = await pull(osaka);
    const moved = o.orders.find((x) => x.orderNo === 'IN-1')!;
    expect(moved.storeId).toBe('osaka');
    expect(o.history.filter((h) => h.orderNo === 'IN-1').map((h) => h.kind)).toContain('store');
  });

  it('refuses a move to a store the server does not know, in Japanese, and takes the move to a known one', async () => {
    const move = (to: string) =>
      statusOp('IN-3', undefined, { kind: 'store', operation: undefined, from: null, to, fields: { storeId: to } });
    const results = (await push(head, [move('nagoya'), move('tokyo')])).results;
    expect(results.map((r) => r.accepted)).toEqual([false, true]);
    expect(results[0]!.reason).toBe('出荷店舗「nagoya」はサーバーに登録されていません。');
    const moved = (await pull(tokyo)).orders.find((x) => x.orderNo === 'IN-3')!;
    expect(moved.storeId).toBe('tokyo');
  });

  it('takes masters from head office only and sends them down', async () => {
    const upload = {
      kinds: {
        sub_statuses: [
          {
            key: '1',
            data: {
              id: 1,
              main_status: 'new',
              name: '要確認（本部）',
              color: '#123456',
              sort_order: 0,
              retired_at: null,
            },
          },
        ],
      },
    };
    expect((await s.request(osaka, 'POST', '/sync/masters', upload)).status).toBe(403);
    const before = await pull(osaka);
    const r = await s.request<{ changed: number }>(head, 'POST', '/sync/masters', upload);
    expect(r.status).toBe(200);
    // Row 1 changed; rows 2..6 that head office no longer lists are marked deleted.
    expect(r.body.changed).toBe(6);
    const after = await pull(osaka, before.cursor);
    expect(after.masters.find((m) => m.key === '1')?.data.name).toBe('要確認（本部）');
    expect(after.masters.filter((m) => m.deleted)).toHaveLength(5);
    const same = await s.request<{ changed: number }>(head, 'POST', '/sync/masters', upload);
    expect(same.body.changed).toBe(0);
  });

  it('erases Amazon personal data 30 days after shipment, and records it', async () => {
    await s.intake([
      makeOrder({ channel: 'amazon', orderNo: 'AMZ-1', storeId: 'tokyo' }),
      makeOrder({ channel: 'amazon', orderNo: 'AMZ-2', storeId: 'tokyo' }),
    ]);
    const ops = ['stock_ok', 'confirm_payment', 'register_tracking', 'confirm_shipment'] as const;
    for (const op of ops) {
      await push(tokyo, [
        {
          ...statusOp('AMZ-1', op, { trackingNo: '1234-5678-9012' }),
          channel: 'amazon',
          at: s.clock.now().toISOString(),
        },
      ]);
    }
    s.clock.advanceDays(29);
    expect(await s.server.purgeNow()).toBe(0);
    s.clock.advanceDays(2);
    expect(await s.server.purgeNow()).toBe(1);
    const t = await pull(tokyo);
    const purged = t.orders.find((o) => o.orderNo === 'AMZ-1')!;
    expect(purged).toMatchObject({
      buyerName: '',
      buyerEmail: '',
      shipName: '',
      shipAddress1: '',
      shipPhone: '',
      total: 3850,
      // No mail can reach the buyer any more: the order leaves メール未送信 on every PC.
      mailPending: false,
    });
    expect(purged.items).toHaveLength(1);
    expect(purged.piiPurgedAt).not.toBeNull();
    expect(t.history.some((h) => h.orderNo === 'AMZ-1' && h.kind === 'pii_purge')).toBe(true);
    // Intake rows stay on the server: a PC's history starts with the first change.
    expect(t.history.some((h) => h.kind === 'intake')).toBe(false);
    expect(t.orders.find((o) => o.orderNo === 'AMZ-2')!.buyerName).toBe('山田 太郎');
    expect(await s.server.purgeNow()).toBe(0);
  });
});
