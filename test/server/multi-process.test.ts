import { type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureAdminToken, type ClientIdentity } from '../../src-server/auth.js';
import { lastChange } from '../../src-server/db/changes.js';
import { openServerDatabase, type ServerDb } from '../../src-server/db/open.js';
import { intakeOrders } from '../../src-server/orders/intake.js';
import { pullPage } from '../../src-server/sync/pull.js';
import { applyOps } from '../../src-server/sync/push.js';
import type { MainStatus } from '../../src-shared/domain/status.js';
import { transition } from '../../src-shared/domain/transitions.js';
import type { NewOrder } from '../../src-shared/domain/order.js';
import type { PullResponse, PushResponse, WireOp } from '../../src-shared/sync/protocol.js';
import { listenForChanges, settle, whoWakes, type WakeProbe } from '../helpers/change-listener.js';
import { freshPostgres } from '../helpers/central-server.js';
import { makeOrder } from '../helpers/orders.js';
import { describeNeeding, POSTGRES } from '../helpers/requirements.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { stockIntakeBody } from '../helpers/stock.js';

/**
 * Two central server processes on one PostgreSQL (how a large seller scales out): intake
 * and pushes through both at once end in one outcome, and a PC pulling through either in
 * small pages meanwhile ends with exactly the server's orders and history.
 */
const ORDERS = 240;

let database: { url: string; drop(): Promise<void> };
let servers: ServerProcess[];
let sql: pg.Client;
const tokens = {} as Record<
  'admin' | 'tokyo' | 'head' | 'watcher' | 'reader' | 'osaka' | 'connectorA' | 'connectorB',
  string
>;

async function call<T>(
  server: ServerProcess,
  token: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const orderNo = (i: number, batch = 'MP') => `${batch}-${String(i).padStart(4, '0')}`;
const ordersOf = (batch: string, n: number): NewOrder[] =>
  Array.from({ length: n }, (_, i) =>
    makeOrder({ orderNo: orderNo(i, batch), storeId: 'tokyo', paymentMethod: 'cod' }),
  );
const chunks = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** The same orders through both servers at once, in opposite orders; what each call created. */
async function intakeThroughBoth(orders: NewOrder[]): Promise<{ created: string[]; duplicates: string[] }> {
  const sends = [
    ...chunks(orders, 40).map((part) => ({ server: servers[0]!, token: tokens.connectorA, part })),
    ...chunks([...orders].reverse(), 40).map((part) => ({ server: servers[1]!, token: tokens.connectorB, part })),
  ];
  const answers = await Promise.all(
    sends.map(async ({ server, token, part }) => {
      const r = await call<{ created: number; duplicates: string[] }>(server, token, 'POST', '/intake/orders', {
        orders: part,
      });
      const dup = new Set(r.duplicates);
      expect(r.created).toBe(part.length - dup.size);
      return { created: part.map((o) => o.orderNo).filter((no) => !dup.has(no)), duplicates: r.duplicates };
    }),
  );
  return { created: answers.flatMap((a) => a.created), duplicates: answers.flatMap((a) => a.duplicates) };
}

/**
 * A head-office PC that only pulls, through both servers in turn, the whole time: what it
 * ends up with must be exactly what the database holds. One takes seven entries a page
 * (pages cut between an order's changes), one whole pages (each read races the writers).
 */
class Puller {
  constructor(
    private readonly token: () => string,
    private readonly limit: number,
  ) {}

  cursor = 0;
  readonly cursors: number[] = [];
  readonly orders = new Map<string, { status: string; version: number; staffComment: string }>();
  readonly history: string[] = [];
  private stopped = false;
  private loop: Promise<void> | null = null;

  start(): void {
    this.loop = (async () => {
      let turn = 0;
      while (!this.stopped) {
        await this.page(servers[turn++ % 2]!);
        // Pacing between pages, as a PC pulls again and again (nothing is awaited here).
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
  }

  private async page(server: ServerProcess): Promise<boolean> {
    const page = await call<PullResponse>(
      server,
      this.token(),
      'GET',
      `/sync/pull?cursor=${this.cursor}&limit=${this.limit}`,
    );
    for (const o of page.orders)
      this.orders.set(o.orderNo, { status: o.status, version: o.version, staffComment: o.staffComment });
    for (const h of page.history)
      this.history.push(JSON.stringify([h.orderNo, h.kind, h.from, h.to, h.pcId, h.reason, h.at]));
    this.cursors.push(page.cursor);
    this.cursor = page.cursor;
    return page.hasMore;
  }

  async finish(): Promise<void> {
    this.stopped = true;
    await this.loop;
    let turn = 0;
    while (await this.page(servers[turn++ % 2]!));
  }
}

function op(no: string, opId: string, actor: 'tokyo' | 'head', extra: Record<string, unknown>): WireOp {
  return {
    opId,
    channel: 'yahoo_shopping',
    orderNo: no,
    kind: 'status',
    at: new Date().toISOString(),
    actor: {
      operator: actor === 'tokyo' ? '東京担当' : '本部担当',
      pcId: `${actor}-PC`,
      storeId: actor === 'tokyo' ? 'tokyo' : 'honbu',
    },
    reason: '',
    from: null,
    to: null,
    ...extra,
  } as WireOp;
}

/** The operation behind each status a test op leads to (cod orders: stock_ok goes to 入金済). */
const OPERATION_TO = {
  paid: 'stock_ok',
  awaiting_shipment: 'register_tracking',
  shipped: 'confirm_shipment',
  cancelled: 'cancel',
} as const;

const pullers = [new Puller(() => tokens.watcher, 7), new Puller(() => tokens.reader, 5000)];

describeNeeding(POSTGRES, 'two server processes on one PostgreSQL (PGlite is one process)', () => {
  beforeAll(async () => {
    database = await freshPostgres();
    // Both start at once on the empty database: migrations, masters and the admin token race.
    servers = await Promise.all([startServerProcess({ url: database.url }), startServerProcess({ url: database.url })]);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    const admins = servers.map((s) => s.adminToken).filter((t): t is string => t !== null);
    expect(admins).toHaveLength(1);
    tokens.admin = admins[0]!;
    const [a, b] = servers as [ServerProcess, ServerProcess];
    await call(a, tokens.admin, 'POST', '/admin/stores', { id: 'honbu', name: '本部', isHeadOffice: true });
    await call(b, tokens.admin, 'POST', '/admin/stores', { id: 'tokyo', name: '東京店' });
    await call(a, tokens.admin, 'POST', '/admin/stores', { id: 'osaka', name: '大阪店' });
    // The test orders' SKU at every store: the server reserves pushed 在庫確認 from its own stock.
    const stock = ['honbu', 'tokyo', 'osaka'].map((s): [string, string, number] => ['MG-010', s, 100_000]);
    await call(b, tokens.admin, 'POST', '/intake/stock', stockIntakeBody(stock));
    const client = async (server: ServerProcess, body: object) =>
      (await call<{ token: string }>(server, tokens.admin, 'POST', '/admin/clients', body)).token;
    tokens.tokyo = await client(a, { kind: 'pc', name: '東京PC', storeId: 'tokyo' });
    tokens.osaka = await client(b, { kind: 'pc', name: '大阪PC', storeId: 'osaka' });
    tokens.head = await client(b, { kind: 'pc', name: '本部PC', storeId: 'honbu' });
    tokens.watcher = await client(a, { kind: 'pc', name: '本部PC2', storeId: 'honbu' });
    tokens.reader = await client(b, { kind: 'pc', name: '本部PC3', storeId: 'honbu' });
    tokens.connectorA = await client(a, { kind: 'connector', name: '連携A' });
    tokens.connectorB = await client(b, { kind: 'connector', name: '連携B' });
    for (const puller of pullers) puller.start();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await database?.drop();
  });

  it('takes the same channel orders through both at once exactly once', async () => {
    const { created, duplicates } = await intakeThroughBoth(ordersOf('MP', ORDERS));
    expect(created).toHaveLength(ORDERS);
    expect(new Set(created).size).toBe(ORDERS);
    expect(duplicates).toHaveLength(ORDERS);
    const { rows } = await sql.query<{ orders: number; items: number; intakes: number }>(
      `SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM order_items) AS items,
              (SELECT count(*)::int FROM order_history WHERE kind = 'intake') AS intakes`,
    );
    expect(rows[0]).toEqual({ orders: ORDERS, items: ORDERS, intakes: ORDERS });
  });

  it('judges conflicting pushes through both at once: each op once, one outcome per order', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
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
    const storeBatches = chunks(store, 80).map((ops) => ({ token: tokens.tokyo, ops }));
    const headBatches = chunks(head, 60).map((ops) => ({ token: tokens.head, ops }));
    const pushes = storeBatches.flatMap((batch, i) => [batch, ...(headBatches[i] ? [headBatches[i]] : [])]);
    const [answers] = await Promise.all([
      Promise.all(
        pushes.flatMap(({ token, ops }) =>
          [a, b].map((server) => call<PushResponse>(server, token, 'POST', '/sync/push', { ops })),
        ),
      ),
      intakeThroughBoth(ordersOf('MQ', 80)),
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
    const applied = await sql.query<{ op_id: string; accepted: boolean }>('SELECT op_id, accepted FROM applied_ops');
    expect(applied.rows).toHaveLength(verdicts.size);
    for (const row of applied.rows) expect(row.accepted, row.op_id).toBe(verdicts.get(row.op_id)!.accepted);

    const history = await sql.query<{
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
    let shipped = 0;
    for (const no of nos) {
      const shipOk = verdicts.get(`t-ship-${no}`)!.accepted;
      const cancelOk = verdicts.get(`h-cancel-${no}`)!.accepted;
      expect(shipOk !== cancelOk, `${no}: exactly one of 出荷確定 and 注文取消`).toBe(true);
      if (shipOk) shipped += 1;
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
    // Both outcomes happened: the two processes really raced.
    expect(shipped).toBeGreaterThan(0);
    expect(shipped).toBeLessThan(ORDERS);
  }, 120_000);

  it('hands out every change number once, and a PC pulling through both misses and repeats nothing', async () => {
    await Promise.all(pullers.map((p) => p.finish()));
    const check = async (query: string) => (await sql.query(query)).rows;
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

    const orders = await sql.query<{ order_no: string; status: string; version: number; staff_comment: string }>(
      'SELECT order_no, status, version, staff_comment FROM orders',
    );
    const history = await sql.query<{ row: string }>(
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
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const tokyo = await listenForChanges(b.url, tokens.tokyo);
    const osaka = await listenForChanges(b.url, tokens.osaka);
    let markers = 0;
    const probe: WakeProbe<'tokyo' | 'osaka'> = {
      listeners: { tokyo, osaka },
      lastChange: async () =>
        (await sql.query<{ last: number }>('SELECT last_seq::int AS last FROM sync_state')).rows[0]!.last,
      marker: () =>
        call(a, tokens.admin, 'POST', '/admin/stores', { id: `marker-${++markers}`, name: `目印${markers}` }),
    };
    try {
      await settle(probe);
      const woke = await whoWakes(probe, 'tokyo', () =>
        call(a, tokens.connectorA, 'POST', '/intake/orders', {
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

/**
 * The database as a pull sees it, with `meanwhile` run once just before the pull's first
 * read after the change number: another process's commit landing between two reads.
 */
function writeBetweenReads(db: ServerDb, meanwhile: () => Promise<unknown>): ServerDb {
  const dialect = new PgDialect();
  let done = false;
  const wrap = (target: ServerDb): ServerDb =>
    new Proxy(target, {
      get(obj, key, receiver) {
        if (key === 'execute') {
          return async (query: SQL) => {
            if (!done && !dialect.sqlToQuery(query).sql.includes('sync_state')) {
              done = true;
              await meanwhile();
            }
            return obj.execute(query);
          };
        }
        if (key === 'transaction') {
          return (work: (tx: ServerDb) => Promise<unknown>, config?: unknown) =>
            (obj.transaction as (w: (tx: unknown) => Promise<unknown>, c?: unknown) => Promise<unknown>)(
              (tx) => work(wrap(tx as ServerDb)),
              config,
            );
        }
        return Reflect.get(obj, key, receiver) as unknown;
      },
    });
  return wrap(db);
}

describeNeeding(POSTGRES, 'processes racing on one PostgreSQL, step by step (PGlite is one process)', () => {
  it('makes one admin token when several processes start at once', async () => {
    const fresh = await freshPostgres();
    const opened = await Promise.all([
      openServerDatabase({ databaseUrl: fresh.url }),
      openServerDatabase({ databaseUrl: fresh.url }),
    ]);
    try {
      const made = await Promise.all(
        Array.from({ length: 6 }, (_, i) => ensureAdminToken(opened[i % 2]!.db, new Date())),
      );
      expect(made.filter((t) => t !== null)).toHaveLength(1);
    } finally {
      await Promise.all(opened.map((o) => o.close()));
      await fresh.drop();
    }
  });

  it('reads one snapshot: an order changed again between two reads keeps the history of both changes', async () => {
    const fresh = await freshPostgres();
    const opened = await openServerDatabase({ databaseUrl: fresh.url });
    try {
      const db = opened.db;
      const pc = (id: number): ClientIdentity => ({
        id,
        kind: 'pc',
        name: `本部PC${id}`,
        storeId: 'honbu',
        storeName: '本部',
        isHeadOffice: true,
      });
      const comment = (n: number) =>
        op('SNAP-1', `snap-comment-${n}`, 'head', { kind: 'staff_comment', fields: { staffComment: `メモ${n}` } });
      await intakeOrders(db, [makeOrder({ orderNo: 'SNAP-1', storeId: 'tokyo' })], 'テスト', new Date());
      const cursor = await lastChange(db);
      await applyOps(db, pc(1), [comment(1)], new Date());

      const reader = pc(2);
      const first = JSON.parse(
        await pullPage(
          writeBetweenReads(db, () => applyOps(db, pc(1), [comment(2)], new Date())),
          reader,
          cursor,
          2000,
          new Date(),
        ),
      ) as PullResponse;
      const second = JSON.parse(await pullPage(db, reader, first.cursor, 2000, new Date())) as PullResponse;
      const comments = [...first.history, ...second.history].map((h) => h.kind === 'staff_comment' && h.pcId);
      expect(comments).toEqual(['本部PC1', '本部PC1']);
      expect(second.cursor).toBe(await lastChange(db));
      expect(second.orders.map((o) => o.staffComment)).toEqual(['メモ2']);
    } finally {
      await opened.close();
      await fresh.drop();
    }
  });
});
