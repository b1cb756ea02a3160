import { beforeAll, expect, it } from 'vitest';
import type { MainStatus } from '../../../src-shared/domain/status.js';
import { transition } from '../../../src-shared/domain/transitions.js';
import type { PushResponse } from '../../../src-shared/sync/protocol.js';
import { listenForChanges, settle, whoWakes, type WakeProbe } from '../../helpers/change-listener.js';
import { makeOrder } from '../../helpers/orders.js';
import { describeNeeding, POSTGRES } from '../../helpers/requirements.js';
import {
  call,
  chunks,
  intakeThroughBoth,
  op,
  orderNo,
  ordersOf,
  Puller,
  useServerProcessPair,
} from '../../helpers/server-process-pair.js';

/**
 * Two central server processes on one PostgreSQL (how a large seller scales out): intake
 * and pushes through both at once end in one outcome, and a PC pulling through either in
 * small pages meanwhile ends with exactly the server's orders and history.
 */
const ORDERS = 240;

/** The operation behind each status a test op leads to (cod orders: stock_ok goes to 入金済). */
const OPERATION_TO = {
  paid: 'stock_ok',
  awaiting_shipment: 'register_tracking',
  shipped: 'confirm_shipment',
  cancelled: 'cancel',
} as const;

describeNeeding(POSTGRES, 'two server processes on one PostgreSQL (PGlite is one process)', () => {
  const pair = useServerProcessPair();
  const pullers = [new Puller(pair, 'watcher', 7), new Puller(pair, 'reader', 5000)];
  beforeAll(() => {
    for (const puller of pullers) puller.start();
  });

  it('takes the same channel orders through both at once exactly once', async () => {
    const { created, duplicates } = await intakeThroughBoth(pair, ordersOf('MP', ORDERS));
    expect(created).toHaveLength(ORDERS);
    expect(new Set(created).size).toBe(ORDERS);
    expect(duplicates).toHaveLength(ORDERS);
    const { rows } = await pair.sql.query<{ orders: number; items: number; intakes: number }>(
      `SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM order_items) AS items,
              (SELECT count(*)::int FROM order_history WHERE kind = 'intake') AS intakes`,
    );
    expect(rows[0]).toEqual({ orders: ORDERS, items: ORDERS, intakes: ORDERS });
  });

  it('judges conflicting pushes through both at once: each op once, one outcome per order', async () => {
    const [a, b] = pair.servers;
    const nos = Array.from({ length: ORDERS }, (_, i) => orderNo(i));
    // The store ships (its outbox, in order); head office cancels; both write a comment.
    const store = nos.flatMap((no) => [
      op(no, `t-ok-${no}`, 'tokyo', { operation: 'stock_ok' }),
      op(no, `t-trk-${no}`, 'tokyo', { operation: 'register_tracking', trackingNo: `TRK${no}` }),
      op(no, `t-cmt-${no}`, 'tokyo', { kind: 'staff_comment', fields: { staffComment: `店舗 ${no}` } }),
      op(no, `t-ship-${no}`, 'tokyo', { operation: 'confirm_shipment' }),
    ]);
    const head = [...nos]
      .reverse()
      .flatMap((no) => [
        op(no, `h-cancel-${no}`, 'head', { operation: 'cancel', reason: '顧客都合' }),
        op(no, `h-cmt-${no}`, 'head', { kind: 'staff_comment', fields: { staffComment: `本部 ${no}` } }),
      ]);
    // Every batch goes to both servers at the same moment (a resend through the other one),
    // while new orders come in through both.
    const storeBatches = chunks(store, 80).map((ops) => ({ token: pair.tokens.tokyo, ops }));
    const headBatches = chunks(head, 60).map((ops) => ({ token: pair.tokens.head, ops }));
    const pushes = storeBatches.flatMap((batch, i) => [batch, ...(headBatches[i] ? [headBatches[i]] : [])]);
    const [answers] = await Promise.all([
      Promise.all(
        pushes.flatMap(({ token, ops }) =>
          [a, b].map((server) => call<PushResponse>(server, token, 'POST', '/sync/push', { ops })),
        ),
      ),
      intakeThroughBoth(pair, ordersOf('MQ', 80)),
    ]);

    const verdicts = new Map<string, { accepted: boolean; reason?: string }>();
    for (const answer of answers) {
      for (const r of answer.results) {
        const verdict = { accepted: r.accepted, reason: r.reason };
        if (verdicts.has(r.opId)) expect(verdict, r.opId).toEqual(verdicts.get(r.opId));
        else verdicts.set(r.opId, verdict);
      }
    }
    expect(verdicts.size).toBe(store.length + head.length);
    const applied = await pair.sql.query<{ op_id: string; accepted: boolean }>(
      'SELECT op_id, accepted FROM applied_ops',
    );
    expect(applied.rows).toHaveLength(verdicts.size);
    for (const row of applied.rows) expect(row.accepted, row.op_id).toBe(verdicts.get(row.op_id)!.accepted);

    const history = await pair.sql.query<{
      order_no: string;
      kind: string;
      to_value: string | null;
      pc_id: string;
      status: string;
      staff_comment: string;
    }>(
      `SELECT o.order_no, h.kind, h.to_value, h.pc_id, o.status, o.staff_comment FROM order_history h JOIN orders o ON o.id = h.order_id
       WHERE h.kind <> 'intake' AND o.order_no LIKE 'MP-%' ORDER BY h.seq, h.id`,
    );
    for (const no of nos) {
      const shipOk = verdicts.get(`t-ship-${no}`)!.accepted;
      const cancelOk = verdicts.get(`h-cancel-${no}`)!.accepted;
      expect(shipOk !== cancelOk, `${no}: exactly one of 出荷確定 and 注文取消`).toBe(true);
      const rows = history.rows.filter((h) => h.order_no === no);
      const accepted = [...verdicts].filter(([id, v]) => v.accepted && id.endsWith(`-${no}`)).length;
      expect(rows, no).toHaveLength(accepted);
      // Replaying the accepted status changes in change order leads to the order's status.
      let status: MainStatus = 'new';
      for (const h of rows.filter((r) => r.kind === 'status')) {
        const step = transition(status, OPERATION_TO[h.to_value as keyof typeof OPERATION_TO], {
          needsPaymentConfirmation: false,
        });
        expect(step.ok, `${no}: ${status} → ${h.to_value}`).toBe(true);
        if (step.ok) status = step.to;
      }
      expect(rows[0]!.status).toBe(status);
      expect(status).toBe(shipOk ? 'shipped' : 'cancelled');
      // Both comments went in; the later one stands.
      const comments = rows.filter((r) => r.kind === 'staff_comment');
      expect(comments).toHaveLength(2);
      // The history names the PC of the token that pushed (東京PC or 本部PC), whatever the op says.
      expect(rows[0]!.staff_comment).toBe(comments[1]!.pc_id === '東京PC' ? `店舗 ${no}` : `本部 ${no}`);
    }
    // Which side wins each order is up to timing (usually some of each; in one run every order
    // shipped): what holds either way is one outcome per order, checked above.
  }, 120_000);

  it('hands out every change number once, and a PC pulling through both misses and repeats nothing', async () => {
    await Promise.all(pullers.map((p) => p.finish()));
    const check = async (query: string) => (await pair.sql.query(query)).rows;
    expect(await check('SELECT seq FROM orders GROUP BY seq HAVING count(*) > 1')).toEqual([]);
    expect(await check('SELECT seq FROM order_history GROUP BY seq HAVING count(DISTINCT order_id) > 1')).toEqual([]);
    expect(await check('SELECT seq FROM master_rows INTERSECT SELECT seq FROM order_history')).toEqual([]);
    expect(
      await check(
        'SELECT o.id FROM orders o WHERE o.seq <> (SELECT max(h.seq) FROM order_history h WHERE h.order_id = o.id)',
      ),
    ).toEqual([]);
    const [{ last }] = (await check('SELECT last_seq::int AS last FROM sync_state')) as [{ last: number }];
    const [{ top }] = (await check(
      'SELECT greatest((SELECT max(seq) FROM orders), (SELECT max(seq) FROM master_rows))::int AS top',
    )) as [{ top: number }];
    expect(top).toBeLessThanOrEqual(last);

    const orders = await pair.sql.query<{ order_no: string; status: string; version: number; staff_comment: string }>(
      'SELECT order_no, status, version, staff_comment FROM orders',
    );
    const history = await pair.sql.query<{ row: string }>(
      `SELECT json_build_array(o.order_no, h.kind, h.from_value, h.to_value, h.pc_id, h.reason, h.at)::text AS row
       FROM order_history h JOIN orders o ON o.id = h.order_id WHERE h.kind <> 'intake'`,
    );
    const expected = history.rows.map((r) => JSON.stringify(JSON.parse(r.row))).sort();
    for (const puller of pullers) {
      // The cursor only ever moved forward, and ended at the last change.
      expect(puller.cursors.every((c, i) => i === 0 || c >= puller.cursors[i - 1]!)).toBe(true);
      expect(puller.cursor).toBe(last);
      expect(puller.orders.size).toBe(orders.rows.length);
      for (const o of orders.rows)
        expect(puller.orders.get(o.order_no), o.order_no).toEqual({
          status: o.status,
          version: o.version,
          staffComment: o.staff_comment,
        });
      expect(puller.history.length).toBe(expected.length);
      expect([...puller.history].sort()).toEqual(expected);
    }
  }, 60_000);

  it("tells a PC connected to one process of a change made through the other, and only the order's store", async () => {
    const [a, b] = pair.servers;
    const tokyo = await listenForChanges(b.url, pair.tokens.tokyo);
    const osaka = await listenForChanges(b.url, pair.tokens.osaka);
    let markers = 0;
    const probe: WakeProbe<'tokyo' | 'osaka'> = {
      listeners: { tokyo, osaka },
      lastChange: async () =>
        (await pair.sql.query<{ last: number }>('SELECT last_seq::int AS last FROM sync_state')).rows[0]!.last,
      marker: () =>
        call(a, pair.tokens.admin, 'POST', '/admin/stores', { id: `marker-${++markers}`, name: `目印${markers}` }),
    };
    try {
      await settle(probe);
      const woke = await whoWakes(probe, 'tokyo', () =>
        call(a, pair.tokens.connectorA, 'POST', '/intake/orders', {
          orders: [makeOrder({ orderNo: 'MP-SSE-1', storeId: 'tokyo' })],
        }),
      );
      expect(woke.tokyo).not.toBeNull();
      expect(woke.tokyo!).toBeLessThan(2000);
      expect(woke.osaka).toBeNull();
    } finally {
      tokyo.close();
      osaka.close();
    }
  });
});
