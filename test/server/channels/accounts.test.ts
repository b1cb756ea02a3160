import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rows } from '../../../src-server/db/open.js';
import { CredentialVault } from '../../../src-server/channels/vault.js';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { accountView, addAccount } from '../../helpers/channels.js';
import { TestClock } from '../../helpers/test-app.js';
import { AmazonFake } from '../../fakes/amazon-fake.js';
import { RakutenFake } from '../../fakes/rakuten-fake.js';

describe('channel accounts: credentials at rest, the admin API, one connector failing alone', () => {
  let server: TestServer;
  let amazon: AmazonFake;
  let rakuten: RakutenFake;
  const secret = 'amzn-secret-never-shown';

  beforeAll(async () => {
    server = await startTestServer('pglite', {
      clock: new TestClock(new Date()),
      channelScheduler: { tickMs: 100 },
    });
    await server.addStore('tokyo', '東京店');
    amazon = await new AmazonFake({ seed: 41 }).start();
    amazon.tokens.clientSecret = secret;
    rakuten = await new RakutenFake({ seed: 42 }).start();
  }, 60_000);
  afterAll(async () => {
    await amazon?.close();
    await rakuten?.close();
    await server?.close();
  });

  it('only the admin token reaches the channels API', async () => {
    const pc = await server.addPc('tokyo', '東京PC');
    expect((await server.request(pc, 'GET', '/admin/channels/accounts')).status).toBe(403);
    expect((await server.request('', 'GET', '/admin/channels/accounts')).status).toBe(401);
  });

  it('refuses an account whose credentials are incomplete, naming the field, and stores nothing', async () => {
    const r = await server.request<{ error: string }>(server.adminToken, 'POST', '/admin/channels/accounts', {
      channel: 'amazon',
      name: 'Amazon 本店',
      settings: {},
      credentials: { clientId: 'x' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/認証情報に誤りがあります（.*clientSecret/);
    const [count] = await rows<{ n: number }>(
      server.server.database.db,
      sql`SELECT count(*)::int AS n FROM channel_accounts`,
    );
    expect(count!.n).toBe(0);
  });

  it('seals credentials under a key file outside the database and never answers them back', async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void logged.push(args.join(' ')));
    const account = await addAccount(server, {
      channel: 'amazon',
      settings: { endpoint: amazon.url, tokenUrl: `${amazon.url}/auth/o2/token` },
      credentials: {
        clientId: amazon.tokens.clientId,
        clientSecret: 'wrong-secret',
        refreshToken: amazon.tokens.refreshToken,
      },
    });
    expect(account.credentialsRegistered).toEqual(['clientId', 'clientSecret', 'refreshToken']);
    expect(JSON.stringify(await server.request(server.adminToken, 'GET', '/admin/channels/accounts'))).not.toContain(
      'wrong-secret',
    );
    const [stored] = await rows<{ credentials: string }>(
      server.server.database.db,
      sql`SELECT credentials FROM channel_accounts WHERE id = ${account.id}`,
    );
    expect(stored!.credentials).toMatch(/^v1:/);
    expect(stored!.credentials).not.toContain(amazon.tokens.refreshToken);
    const mine = new CredentialVault(server.keyFile);
    expect(mine.open(account.id, stored!.credentials)).toMatchObject({ clientSecret: 'wrong-secret' });
    // Bound to its account row, and useless under another key.
    expect(() => mine.open(account.id + 1, stored!.credentials)).toThrow();
    const other = new CredentialVault(path.join(mkdtempSync(path.join(os.tmpdir(), 'chumon-key-')), 'other.key'));
    expect(() => other.open(account.id, stored!.credentials)).toThrow();
    spy.mockRestore();
    expect(logged.join('\n')).not.toContain('wrong-secret');
  });

  it('a bad credential stops that connector with a Japanese message while the others run on their interval', async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void logged.push(args.join(' ')));
    rakuten.addOrders(12);
    const good = await addAccount(server, {
      channel: 'rakuten',
      settings: { endpoint: `${rakuten.url}/es/2.0/order` },
      credentials: { serviceSecret: rakuten.serviceSecret, licenseKey: rakuten.licenseKey },
    });
    const [bad] = (await server.request<{ id: number }[]>(server.adminToken, 'GET', '/admin/channels/accounts')).body;
    await vi.waitFor(
      async () => {
        expect((await accountView(server, good.id)).lastSuccessAt).not.toBeNull();
        expect((await accountView(server, bad!.id)).state).toBe('stopped');
      },
      { timeout: 20_000, interval: 100 },
    );
    const stopped = await accountView(server, bad!.id);
    expect(stopped.message).toMatch(
      /^Amazon（Login with Amazon）の認証情報が正しくないか、期限が切れています（invalid_client）/,
    );
    const [count] = await rows<{ n: number }>(
      server.server.database.db,
      sql`SELECT count(*)::int AS n FROM orders WHERE channel = 'rakuten'`,
    );
    expect(count!.n).toBe(12);
    spy.mockRestore();
    expect(logged.join('\n')).not.toMatch(/wrong-secret|SL318822|SP318822/);
  });

  it('the key file is 256 bits, readable by its owner only', () => {
    expect(readFileSync(server.keyFile)).toHaveLength(32);
    expect(statSync(server.keyFile).mode & 0o777).toBe(0o600);
  });
});
