import http from 'node:http';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rows } from '../../../src-server/db/open.js';
import { BACKENDS, startTestServer, type TestServer } from '../../helpers/central-server.js';

const AUTH_BLOCKED = '認証の失敗が続いたため、しばらく受け付けません。';
const TOKEN_BUSY =
  'このトークンからの要求が多すぎるため、しばらく受け付けません。少し待ってからもう一度お試しください。';

let s: TestServer;

/** One request from a chosen loopback address (the whole 127/8 reaches the server on 127.0.0.1). */
function callFrom(
  from: string,
  token: string | null,
  route = '/sync/hello',
): Promise<{ status: number; error?: string; retryAfter?: string }> {
  const url = new URL(route, s.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'GET',
        localAddress: from,
        agent: false,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const body = text ? (JSON.parse(text) as { error?: string }) : {};
          resolve({
            status: res.statusCode ?? 0,
            error: body.error,
            retryAfter: res.headers['retry-after'] as string | undefined,
          });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const refusedCount = async () =>
  (await rows<{ n: number }>(s.server.database.db, sql`SELECT count(*)::int AS n FROM refused_access`))[0]!.n;
const later = (ms: number) => s.clock.set(new Date(s.clock.now().getTime() + ms).toISOString());

async function failTimes(from: string, n: number, token = 'chm_guess'): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await callFrom(from, `${token}${i}`)).status);
  return statuses;
}

describe('central server: auth failures are limited per address, without a reset-all', () => {
  beforeEach(async () => {
    // The real PostgreSQL when there is one: ten thousand refusals are logged much faster there.
    s = await startTestServer(BACKENDS.at(-1));
    await s.addStore('tokyo', '東京店');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await s.close();
  });

  it('keeps a running block while over 10,000 other addresses fail once each', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const statuses = await failTimes('127.1.0.1', 20);
    expect(statuses.every((st) => st === 401)).toBe(true);
    expect(await callFrom('127.1.0.1', 'chm_guess-more')).toMatchObject({ status: 429, error: AUTH_BLOCKED });

    // Rotating addresses: 10,050 of them, one failure each (more than any table may hold).
    const addresses = Array.from({ length: 10_050 }, (_, i) => `127.2.${Math.floor(i / 250)}.${(i % 250) + 1}`);
    for (let i = 0; i < addresses.length; i += 50) {
      const answers = await Promise.all(addresses.slice(i, i + 50).map((a) => callFrom(a, `chm_rotate${a}`)));
      expect(answers.every((r) => r.status === 401)).toBe(true);
    }

    const still = await callFrom('127.1.0.1', 'chm_guess-after-rotation');
    expect(still.status).toBe(429);
    expect(still.error).toBe(AUTH_BLOCKED);
    expect(Number(still.retryAfter)).toBeGreaterThan(0);
    // The block ends with its window.
    later(61_000);
    expect((await callFrom('127.1.0.1', 'chm_guess-next-minute')).status).toBe(401);
  }, 240_000);

  it('lets every valid token work from a blocked address (PCs behind one router); guesses wait', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = '127.3.0.1';
    const [pc1, pc2, revokedPc, freshPc] = [
      await s.addPc('tokyo', 'PC1'),
      await s.addPc('tokyo', 'PC2'),
      await s.addPc('tokyo', 'PC3'),
      await s.addPc('tokyo', 'PC4'),
    ];
    for (const token of [pc1, pc2, revokedPc]) expect((await callFrom(store, token)).status).toBe(200);
    const revokedId = (
      await s.request<{ id: number; name: string }[]>(s.adminToken, 'GET', '/admin/clients')
    ).body.find((c) => c.name === 'PC3')!.id;
    await s.request(s.adminToken, 'POST', `/admin/clients/${revokedId}/revoke`);

    // PC3 keeps retrying with its revoked token from the store's one address.
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await callFrom(store, revokedPc)).status);
    expect(statuses.slice(0, 20).every((st) => st === 401)).toBe(true);
    expect(statuses.slice(20).every((st) => st === 429)).toBe(true);
    const logged = await refusedCount();

    expect((await callFrom(store, pc1)).status).toBe(200);
    expect((await callFrom(store, pc2)).status).toBe(200);
    // Guesses wait, well-formed (256 random bits) or not, and so does the revoked token.
    expect(await callFrom(store, 'chm_a-guess')).toMatchObject({ status: 429, error: AUTH_BLOCKED });
    const wellFormedGuess = `chm_${'A'.repeat(43)}`;
    expect(await callFrom(store, wellFormedGuess)).toMatchObject({ status: 429, error: AUTH_BLOCKED });
    expect(await callFrom(store, revokedPc)).toMatchObject({ status: 429, error: AUTH_BLOCKED });
    // A PC idle until now, behind the same address, is not locked out by the others' failures.
    expect((await callFrom(store, freshPc)).status).toBe(200);
    // Turned-away requests cost no database write.
    expect(await refusedCount()).toBe(logged);
    // Other addresses are not affected, and the block ends with its window.
    expect((await callFrom('127.3.0.2', freshPc)).status).toBe(200);
    later(61_000);
    expect((await callFrom(store, freshPc)).status).toBe(200);
    expect((await callFrom(store, revokedPc)).status).toBe(401);
  }, 60_000);
});

describe('central server: authenticated traffic is limited per token', () => {
  beforeEach(async () => {
    s = await startTestServer('pglite', { limits: { burst: 30, perSecond: 1 } });
    await s.addStore('tokyo', '東京店');
  });
  afterEach(async () => {
    await s.close();
  });

  it('limits a stolen token used from many addresses, not the other PCs there', async () => {
    const [stolen, honest] = [await s.addPc('tokyo', '盗まれたPC'), await s.addPc('tokyo', '東京PC')];
    const from = (i: number) => `127.4.0.${(i % 10) + 1}`;
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await callFrom(from(i), stolen));
    expect(answers.slice(0, 30).every((r) => r.status === 200)).toBe(true);
    expect(answers.slice(30).every((r) => r.status === 429 && r.error === TOKEN_BUSY)).toBe(true);
    expect(Number(answers[39]!.retryAfter)).toBeGreaterThanOrEqual(1);

    // The same addresses, another token: its own allowance.
    for (let i = 0; i < 10; i++) expect((await callFrom(from(i), honest)).status).toBe(200);

    // The allowance comes back with time: 5 seconds, 5 requests.
    later(5_000);
    const after = [];
    for (let i = 0; i < 7; i++) after.push((await callFrom(from(i), stolen)).status);
    expect(after).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });
});
