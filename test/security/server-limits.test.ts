import http from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { pruneRefused, REFUSED_KEEP_ROWS } from '../../src-server/auth.js';
import { rows } from '../../src-server/db/open.js';
import { BodyBudget, DEFAULT_LIMITS } from '../../src-server/http/rate-limit.js';
import { SYNC_BODY_LIMIT } from '../../src-shared/sync/protocol.js';
import { startTestServer, type TestServer } from '../helpers/central-server.js';
import { TestClock } from '../helpers/test-app.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const PROXY = '127.7.0.1';
/** The server most tests share; `s` is the one the current test talks to. */
let shared: TestServer;
let s: TestServer | null = null;

beforeAll(async () => {
  shared = await startTestServer('pglite', { clock: new TestClock(new Date()), trustedProxies: [PROXY] });
  await shared.addStore('tokyo', '東京店');
});
afterAll(async () => shared?.close());
afterEach(() => vi.restoreAllMocks());

function server(): TestServer {
  s = shared;
  return s;
}

/** One raw request from a chosen loopback address, with any headers. */
function callFrom(
  from: string,
  token: string | null,
  options: { route?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; text: string }> {
  const url = new URL(options.route ?? '/sync/hello', s!.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: options.method ?? 'GET',
        localAddress: from,
        agent: false,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const later = (ms: number) => s!.clock.set(new Date(s!.clock.now().getTime() + ms).toISOString());

describe('request bodies: a smaller limit for pushes and a byte budget per token', () => {
  it('refuses a push over the sync limit with a Japanese answer before reading it, and goes on serving', async () => {
    const srv = server();
    const token = await srv.addPc('tokyo', 'PC-body');
    const huge = `{"ops":[],"pad":"${'x'.repeat(SYNC_BODY_LIMIT)}"}`;
    const answer = await callFrom('127.0.0.1', token, { route: '/sync/push', method: 'POST', body: huge });
    expect(answer.status).toBe(413);
    expect((JSON.parse(answer.text) as { error: string }).error).toMatch(JAPANESE);
    expect((await callFrom('127.0.0.1', token)).status).toBe(200);
  });

  it("stops a token that sends more bytes than its budget; other tokens and the budget's refill go on", async () => {
    const srv = await startTestServer('pglite', {
      clock: new TestClock(new Date()),
      limits: { bodyBytesBurst: 2_000_000, bodyBytesPerSecond: 100_000 },
    });
    s = srv;
    onTestFinished(() => srv.close());
    await srv.addStore('tokyo', '東京店');
    const [greedy, honest] = [await srv.addPc('tokyo', '大量送信PC'), await srv.addPc('tokyo', '東京PC')];
    // Valid pushes of nothing, padded with whitespace to 900 kB each.
    const body = `{"ops":[]${' '.repeat(900_000)}}`;
    const push = (token: string) => callFrom('127.0.0.1', token, { route: '/sync/push', method: 'POST', body });
    expect((await push(greedy)).status).toBe(200);
    expect((await push(greedy)).status).toBe(200);
    const third = await push(greedy);
    expect(third.status).toBe(429);
    expect((JSON.parse(third.text) as { error: string }).error).toMatch(/データが多すぎる/);
    expect((await push(honest)).status).toBe(200);
    later(10_000);
    expect((await push(greedy)).status).toBe(200);
  });

  it('caps the bytes a token has in flight at once', () => {
    const budget = new BodyBudget({ ...DEFAULT_LIMITS, bodyBytesInFlight: 64_000_000 });
    const now = new Date();
    expect(budget.take('t', 40_000_000, now)).toBe(0);
    expect(budget.take('t', 30_000_000, now)).toBeGreaterThan(0);
    expect(budget.take('other', 30_000_000, now)).toBe(0);
    budget.done('t', 40_000_000);
    expect(budget.take('t', 30_000_000, now)).toBe(0);
  });
});

describe('the refusal log', () => {
  it('counts a flood of one refusal on one row, and prunes old and surplus rows', async () => {
    const srv = server();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const pc = await srv.addPc('tokyo', 'PC-refused');
    for (let i = 0; i < 400; i++) expect((await srv.request(pc, 'GET', '/admin/stores')).status).toBe(403);
    const logged = await rows<{ count: number; path: string }>(
      srv.server.database.db,
      sql`SELECT r.count, r.path FROM refused_access r JOIN clients c ON c.id = r.client_id WHERE c.name = 'PC-refused'`,
    );
    expect(logged).toEqual([{ count: 400, path: '/admin/stores' }]);
    // A minute's quiet, then the same again: a new row.
    later(61_000);
    await srv.request(pc, 'GET', '/admin/stores');
    expect((await srv.request<{ count: number }[]>(srv.adminToken, 'GET', '/admin/refused')).body[0]!.count).toBe(1);

    const db = srv.server.database.db;
    const old = new Date(srv.clock.now().getTime() - 100 * 86_400_000).toISOString();
    await db.execute(
      sql`INSERT INTO refused_access (at, last_at, address, method, path, reason)
          SELECT ${old}, ${old}, '127.9.9.9', 'GET', '/old', 'old' FROM generate_series(1, 10)`,
    );
    const recent = srv.clock.now().toISOString();
    await db.execute(
      sql`INSERT INTO refused_access (at, last_at, address, method, path, reason)
          SELECT ${recent}, ${recent}, '127.9.9.8', 'GET', '/flood/' || g, 'flood' FROM generate_series(1, ${REFUSED_KEEP_ROWS + 50}) g`,
    );
    await pruneRefused(db, srv.clock.now());
    const [left] = await rows<{ n: number; old: number; newest: string }>(
      db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE path = '/old')::int AS old, max(path) FILTER (WHERE path LIKE '/flood/%') AS newest FROM refused_access`,
    );
    expect(left).toMatchObject({ n: REFUSED_KEEP_ROWS, old: 0 });
    const [last] = await rows<{ path: string }>(db, sql`SELECT path FROM refused_access ORDER BY id DESC LIMIT 1`);
    expect(last!.path).toBe(`/flood/${REFUSED_KEEP_ROWS + 50}`);
  }, 120_000);
});

describe('addresses behind a proxy', () => {
  it('counts failures by the forwarded address from a trusted proxy only; a spoofed header from elsewhere changes nothing', async () => {
    const proxy = PROXY;
    const srv = server();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const pc = await srv.addPc('tokyo', 'PC-proxy');
    const via = (client: string) => ({ headers: { 'x-forwarded-for': `203.0.113.77, ${client}` } });
    for (let i = 0; i < 20; i++) expect((await callFrom(proxy, `chm_guess${i}`, via('10.0.0.9'))).status).toBe(401);
    expect((await callFrom(proxy, 'chm_guess-more', via('10.0.0.9'))).status).toBe(429);
    // Another client behind the same proxy is not blocked, and a real token gets in from the blocked one.
    expect((await callFrom(proxy, 'chm_guess-other', via('10.0.0.8'))).status).toBe(401);
    expect((await callFrom(proxy, pc, via('10.0.0.9'))).status).toBe(200);
    // From an address that is not the proxy the header is not believed.
    expect((await callFrom('127.8.0.1', 'chm_guess-spoof', via('10.0.0.9'))).status).toBe(401);
    const addresses = await rows<{ address: string }>(
      srv.server.database.db,
      sql`SELECT DISTINCT address FROM refused_access WHERE path = '/sync/hello' ORDER BY address`,
    );
    expect(addresses.map((a) => a.address)).toEqual(['10.0.0.8', '10.0.0.9', '127.8.0.1']);
  });
});

describe('revoking a token', () => {
  /** Opens /sync/events and resolves once the server ends the stream. */
  async function openStream(token: string): Promise<{ ended: Promise<void>; abort(): void }> {
    const abort = new AbortController();
    const res = await fetch(`${s!.url}/sync/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('event: hello');
    const ended = (async () => {
      for (;;) if ((await reader.read()).done) return;
    })();
    return { ended, abort: () => abort.abort() };
  }

  it("ends the token's open change streams at once, also when revoked through another server process", async () => {
    const srv = server();
    const [one, two] = [await srv.addPc('tokyo', 'PC1'), await srv.addPc('tokyo', 'PC2')];
    const clients = (await srv.request<{ id: number; name: string }[]>(srv.adminToken, 'GET', '/admin/clients')).body;
    const idOf = (name: string) => clients.find((c) => c.name === name)!.id;
    const [streamOne, streamTwo] = [await openStream(one), await openStream(two)];
    let twoEnded = false;
    void streamTwo.ended.then(() => (twoEnded = true));

    await srv.request(srv.adminToken, 'POST', `/admin/clients/${idOf('PC1')}/revoke`);
    await streamOne.ended;
    expect((await callFrom('127.0.0.1', one, { route: '/sync/events' })).status).toBe(401);
    expect(twoEnded).toBe(false);

    // Another process sharing the database revokes PC2: this process notices within its polls.
    await srv.server.database.db.execute(
      sql`UPDATE clients SET revoked_at = ${srv.clock.now().toISOString()} WHERE id = ${idOf('PC2')}`,
    );
    await streamTwo.ended;
    streamOne.abort();
    streamTwo.abort();
  });
});
