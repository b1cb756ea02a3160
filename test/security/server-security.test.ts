import { createHash } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConsolePath } from '../../src-server/console/paths.js';
import { rows } from '../../src-server/db/open.js';
import { createCentralApp } from '../../src-server/http/app.js';
import { ChangeHub } from '../../src-server/http/events.js';
import type { PullResponse, PushResponse, WireOp } from '../../src-shared/sync/protocol.js';
import { startTestServer, type TestServer } from '../helpers/central-server.js';
import { makeOrder } from '../helpers/orders.js';

type Role = 'admin' | 'pc' | 'head' | 'connector';

/** Who may use each part of the API. A new prefix fails the test until its policy is written here. */
const POLICY: Record<string, Role[]> = {
  '/sync/masters': ['head'],
  '/admin/': ['admin'],
  '/sync/': ['pc', 'head'],
  '/intake/': ['admin', 'connector'],
  '/updates/': ['pc', 'head'],
};

let s: TestServer;
const tokens = {} as Record<Role | 'osaka', string>;
let routes: { method: string; path: string }[];

async function call(
  token: string | null,
  method: string,
  route: string,
  body?: string,
  headers: Record<string, string> = {},
) {
  const abort = new AbortController();
  const res = await fetch(`${s.url}${route}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      'content-type': 'application/json',
      ...headers,
    },
    body: method === 'GET' || method === 'HEAD' ? undefined : (body ?? '{}'),
    signal: abort.signal,
  });
  // Event streams stay open: the status is all this test needs.
  const text = res.headers.get('content-type')?.includes('event-stream') ? '' : await res.text();
  abort.abort();
  return { status: res.status, text };
}

async function serverDump(): Promise<string> {
  const tables = await rows<{ table_name: string }>(
    s.server.database.db,
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables)
    parts.push(JSON.stringify(await rows(s.server.database.db, sql`SELECT * FROM ${sql.identifier(table_name)}`)));
  return parts.join('\n');
}

const orderRow = async (orderNo: string) =>
  JSON.stringify(
    await rows(
      s.server.database.db,
      sql`SELECT o.*, (SELECT json_agg(i ORDER BY line_no) FROM order_items i WHERE i.order_id = o.id) AS items FROM orders o WHERE order_no = ${orderNo}`,
    ),
  );

let opCount = 0;

function op(orderNo: string, extra: Record<string, unknown>): WireOp {
  return {
    opId: `sec-op-${String(++opCount).padStart(4, '0')}`,
    channel: 'yahoo_shopping',
    orderNo,
    kind: 'status',
    at: '2026-11-27T01:00:00.000Z',
    actor: { operator: '攻撃者', pcId: 'TOKYO-PC', storeId: 'tokyo' },
    reason: '',
    from: null,
    to: null,
    ...extra,
  } as WireOp;
}

beforeAll(async () => {
  s = await startTestServer('pglite');
  await s.addStore('honbu', '本部', true);
  await s.addStore('tokyo', '東京店');
  await s.addStore('osaka', '大阪店');
  tokens.admin = s.adminToken;
  tokens.pc = await s.addPc('tokyo', '東京PC');
  tokens.osaka = await s.addPc('osaka', '大阪PC');
  tokens.head = await s.addPc('honbu', '本部PC');
  tokens.connector = (
    await s.request<{ token: string }>(s.adminToken, 'POST', '/admin/clients', {
      kind: 'connector',
      name: 'モール連携',
    })
  ).body.token;
  await s.intake([
    makeOrder({ orderNo: 'SEC-T1', storeId: 'tokyo' }),
    makeOrder({ orderNo: 'SEC-O1', storeId: 'osaka', paymentMethod: 'credit_card' }),
    makeOrder({ orderNo: 'SEC-O2', storeId: 'osaka' }),
    makeOrder({ orderNo: 'SEC-N1', storeId: null }),
  ]);
  // The routes as the server registers them, so that a new endpoint is covered at once.
  const app = createCentralApp({
    db: s.server.database.db,
    serverId: 'probe',
    clock: s.clock,
    hub: new ChangeHub(s.server.database.db),
    uploadsDir: os.tmpdir(),
  });
  const seen = new Set<string>();
  // The console's routes answer to a session cookie, not a token: test/server/console/security.test.ts.
  routes = app.routes
    .filter((r) => !isConsolePath(r.path))
    .filter((r) => r.method !== 'ALL' && !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    .map((r) => ({ method: r.method, path: r.path.replace(/:\w+/g, '999999') }));
}, 120_000);
afterAll(async () => s?.close());

describe('central server: tokens', () => {
  it('knows a policy for every route, and every route but /health refuses a missing, wrong or revoked token', async () => {
    expect(routes.length).toBeGreaterThan(10);
    const revoked = await s.addPc('tokyo', '廃棄PC');
    const [client] = await rows<{ id: number }>(
      s.server.database.db,
      sql`SELECT id FROM clients WHERE name = '廃棄PC'`,
    );
    expect((await call(s.adminToken, 'POST', `/admin/clients/${client!.id}/revoke`)).status).toBe(200);
    for (const { method, path } of routes) {
      if (path === '/health') continue;
      expect(
        Object.keys(POLICY).some((p) => path.startsWith(p)),
        `no policy for ${path}`,
      ).toBe(true);
      for (const token of [null, '', 'chm_' + 'A'.repeat(43), revoked, `${tokens.pc}x`, tokens.pc.toUpperCase()]) {
        // A minute later each time: this sweep is not what the failed-login limit is about.
        s.clock.set(new Date(s.clock.now().getTime() + 61_000).toISOString());
        const { status, text } = await call(token, method, path);
        expect(status, `${method} ${path} with ${token === null ? 'no' : 'a bad'} token`).toBe(401);
        expect(text).toMatch(/トークン/);
      }
    }
  });

  it('lets each kind of token reach only its part of the API, whatever the spelling of the path', async () => {
    for (const { method, path } of routes) {
      const prefix = Object.keys(POLICY).find((p) => path.startsWith(p));
      if (!prefix) continue;
      for (const role of ['admin', 'pc', 'head', 'connector'] as Role[]) {
        const allowed = POLICY[prefix]!.includes(role);
        for (const variant of [
          path,
          `${path}/`,
          path.replace(prefix, prefix.toUpperCase()),
          `/${path}`,
          path.replace(/^\/(\w)/, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`),
        ]) {
          const { status } = await call(tokens[role], method, variant);
          if (variant === path) expect(status === 403, `${role} ${method} ${variant} → ${status}`).toBe(!allowed);
          // A respelled path never gets through for a role the real path refuses.
          else if (!allowed) expect([401, 403, 404], `${role} ${method} ${variant} → ${status}`).toContain(status);
        }
      }
    }
  }, 120_000);

  it('keeps only hashes of tokens: no token appears anywhere in the server database or its refusal log', async () => {
    await call(tokens.pc, 'POST', '/admin/stores', '{}');
    const dump = await serverDump();
    for (const token of Object.values(tokens)) {
      expect(dump).not.toContain(token);
      expect(dump).toContain(createHash('sha256').update(token).digest('hex'));
    }
  });
});

describe("central server: a store's token and other stores' orders", () => {
  it('pulls only its own orders', async () => {
    const seen: string[] = [];
    for (let cursor = 0, i = 0; i < 20; i++) {
      const page = JSON.parse(
        (await call(tokens.pc, 'GET', `/sync/pull?cursor=${cursor}&limit=2`)).text,
      ) as PullResponse;
      seen.push(...page.orders.map((o) => o.orderNo));
      if (!page.hasMore) break;
      cursor = page.cursor;
    }
    expect(seen).toContain('SEC-T1');
    expect(seen.filter((n) => n.startsWith('SEC-O') || n === 'SEC-N1')).toEqual([]);
  });

  it("cannot change another store's order by any kind of op, and learns nothing of it from the answer", async () => {
    const before = await orderRow('SEC-O1');
    const attempts: Record<string, unknown>[] = [
      { kind: 'status', operation: 'cancel', reason: '他店の注文' },
      { kind: 'status', operation: 'stock_ok' },
      { kind: 'status', operation: 'register_tracking', trackingNo: '999999999999', carrier: 'yamato' },
      { kind: 'store', fields: { storeId: 'tokyo' } },
      { kind: 'staff_comment', fields: { staffComment: '乗っ取り' } },
      { kind: 'discount', fields: { discount: 99999 } },
      { kind: 'mail_state', fields: { mailPending: false }, mailStatus: 'new' },
    ];
    const ops = attempts.map((a) => op('SEC-O1', a));
    const res = await call(tokens.pc, 'POST', '/sync/push', JSON.stringify({ ops }));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as PushResponse;
    expect(body.results.map((r) => r.accepted)).toEqual(ops.map(() => false));
    for (const r of body.results) expect(r.order ?? null).toBeNull();
    expect(res.text).not.toMatch(/SEC-O1".*(buyer|ship)|山田/);
    expect(await orderRow('SEC-O1')).toBe(before);
  });

  it('cannot slip an order into another store through a create op', async () => {
    const foreign = makeOrder({ orderNo: 'SEC-INJECT', storeId: 'osaka' });
    const res = await call(
      tokens.pc,
      'POST',
      '/sync/push',
      JSON.stringify({
        ops: [op('SEC-INJECT', { kind: 'create', order: { ...foreign, items: foreign.items } as never })],
      }),
    );
    expect(res.status).toBe(200);
    const osakaPage = JSON.parse(
      (await call(tokens.osaka, 'GET', '/sync/pull?cursor=0&limit=2000')).text,
    ) as PullResponse;
    expect(osakaPage.orders.map((o) => o.orderNo)).not.toContain('SEC-INJECT');
  });

  it('cannot upload masters unless it is head office', async () => {
    expect((await call(tokens.pc, 'POST', '/sync/masters', JSON.stringify({ kinds: {} }))).status).toBe(403);
  });
});

describe('central server: abuse', () => {
  it('turns an address away after 20 failed logins in a minute, and lets it back after', async () => {
    s.clock.set(new Date(s.clock.now().getTime() + 61_000).toISOString());
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await call(`chm_guess${i}`, 'GET', '/sync/hello')).status);
    expect(statuses.slice(0, 20).every((st) => st === 401)).toBe(true);
    expect(statuses.slice(20).every((st) => st === 429)).toBe(true);
    // A PC that already worked from this address keeps working (a store shares one address).
    expect((await call(tokens.pc, 'GET', '/sync/hello')).status).toBe(200);
    s.clock.set(new Date(s.clock.now().getTime() + 61_000).toISOString());
    expect((await call('chm_guess-next-minute', 'GET', '/sync/hello')).status).toBe(401);
  });

  it('refuses a body over the size limit with 413 and keeps serving', async () => {
    const huge = `{"ops":[],"pad":"${'x'.repeat(65 * 1024 * 1024)}"}`;
    const res = await call(tokens.pc, 'POST', '/sync/push', huge);
    expect(res.status).toBe(413);
    expect((await call(tokens.pc, 'GET', '/sync/hello')).status).toBe(200);
  }, 60_000);

  it('treats SQL in every parameter as data', async () => {
    const count = async () =>
      (await rows<{ n: number }>(s.server.database.db, sql`SELECT count(*)::int AS n FROM orders`))[0]!.n;
    const [orders, victim] = [await count(), await orderRow('SEC-T1')];
    const quote = "x'); DELETE FROM orders; --";
    const res = await call(
      tokens.pc,
      'POST',
      '/sync/push',
      JSON.stringify({ ops: [op(quote, { kind: 'staff_comment', fields: { staffComment: quote } })] }),
    );
    expect((JSON.parse(res.text) as PushResponse).results[0]!.accepted).toBe(false);
    expect(
      (await call(tokens.pc, 'GET', `/sync/pull?cursor=${encodeURIComponent('0; DROP TABLE orders')}`)).status,
    ).toBe(400);
    expect((await call(tokens.pc, 'GET', `/sync/pull?cursor=0&limit=${encodeURIComponent('1) OR (1=1')}`)).status).toBe(
      400,
    );
    expect([await count(), await orderRow('SEC-T1')]).toEqual([orders, victim]);
  });
});
