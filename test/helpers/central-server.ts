import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { startCentralServer, type CentralServer, type CentralServerOptions } from '../../src-server/server.js';
import { describeNeeding, POSTGRES } from './requirements.js';
import { TestClock } from './test-app.js';
import { createDatabaseSql, newPgliteDir } from './server-templates.js';
import { stockIntakeBody } from './stock.js';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; a real PostgreSQL too when DATABASE_URL is set (CI starts one). */
export const BACKENDS: Backend[] = POSTGRES.here ? ['pglite', 'postgres'] : ['pglite'];

/** A suite on PGlite, and on PostgreSQL (skipped without DATABASE_URL, saying so; failing under CI). */
export function describeOnBackends(name: string, body: (backend: Backend) => void): void {
  describe(`${name} (pglite)`, () => body('pglite'));
  describeNeeding(POSTGRES, `${name} (postgres)`, () => body('postgres'));
}

export interface PostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database on the PostgreSQL of DATABASE_URL, for one test server: empty, or with the
 * server's migrations applied (`migrated`, a clone of the run's template when there is one).
 */
export async function freshPostgres(options: { migrated?: boolean } = {}): Promise<PostgresDatabase> {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `chumon_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(createDatabaseSql(name, options.migrated ?? false));
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      // A closed pool's connections end a moment after pool.end() returns: wait for them, as
      // a forced drop would hit one still ending with an error nobody listens to any more.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (rows[0]!.n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestServer {
  url: string;
  adminToken: string;
  /** The console's first account (ID admin), made at the first start. */
  firstPassword: string;
  clock: TestClock;
  /** Where the channel credentials' key lives (beside the database folder, not in it). */
  keyFile: string;
  server: CentralServer;
  /** Calls the HTTP API with a token; returns status and parsed body. */
  request<T = unknown>(
    token: string,
    method: string,
    route: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  addStore(id: string, name: string, isHeadOffice?: boolean): Promise<void>;
  /** Registers a store PC and returns its token. */
  addPc(storeId: string, name: string): Promise<string>;
  intake(orders: NewOrder[]): Promise<{ created: number; duplicates: string[]; filled: string[] }>;
  /** Puts stock on the server (棚卸 by default) from rows [商品コード, 店舗, 在庫数], as a head-office system would. */
  intakeStock(lines: [sku: string, storeId: string, count: number][], mode?: 'count' | 'receive'): Promise<void>;
  /** Stops the server (its data stays); start() brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops and starts the server on the same data and port (a restart mid-sync). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestServer(
  backend: Backend = 'pglite',
  options: {
    clock?: TestClock;
    limits?: CentralServerOptions['limits'];
    channelScheduler?: CentralServerOptions['channelScheduler'];
    trustedProxies?: CentralServerOptions['trustedProxies'];
    /** An existing database to open instead of a fresh one (a PGlite folder, or a PostgreSQL database). */
    dataDir?: string;
    postgres?: PostgresDatabase;
  } = {},
): Promise<TestServer> {
  const clock = options.clock ?? new TestClock();
  const dir =
    options.dataDir ?? (backend === 'pglite' ? newPgliteDir() : mkdtempSync(path.join(os.tmpdir(), 'chumon-server-')));
  const pgdb = backend === 'postgres' ? (options.postgres ?? (await freshPostgres({ migrated: true }))) : null;
  const open = (port: number) =>
    startCentralServer({
      port,
      dataDir: dir,
      databaseUrl: pgdb?.url,
      clock,
      purgeIntervalMs: 3_600_000,
      limits: options.limits,
      secretKeyFile: `${dir}.key`,
      // Channel runs happen when a test asks for them, unless it sets its own timings.
      channelScheduler: options.channelScheduler ?? { tickMs: 3_600_000 },
      trustedProxies: options.trustedProxies,
    });
  let server = await open(0);
  let running = true;
  const adminToken = server.adminToken!;
  const firstPassword = server.firstAccount!.password;
  const request = async <T>(token: string, method: string, route: string, body?: unknown) => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const must = async <T>(token: string, method: string, route: string, body?: unknown): Promise<T> => {
    const r = await request<T>(token, method, route, body);
    if (r.status !== 200) throw new Error(`${method} ${route}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const handle: TestServer = {
    get url() {
      return server.url;
    },
    adminToken,
    firstPassword,
    clock,
    keyFile: `${dir}.key`,
    get server() {
      return server;
    },
    request,
    async addStore(id, name, isHeadOffice = false) {
      await must(adminToken, 'POST', '/admin/stores', { id, name, isHeadOffice });
    },
    async addPc(storeId, name) {
      return (await must<{ token: string }>(adminToken, 'POST', '/admin/clients', { kind: 'pc', name, storeId })).token;
    },
    intake: (orders) => must(adminToken, 'POST', '/intake/orders', { orders }),
    async intakeStock(lines, mode = 'count') {
      await must(adminToken, 'POST', '/intake/stock', stockIntakeBody(lines, mode));
    },
    async stop() {
      if (running) await server.close();
      running = false;
    },
    async start() {
      if (!running) server = await open(server.port);
      running = true;
    },
    async restart() {
      await handle.stop();
      await handle.start();
    },
    async close() {
      await handle.stop();
      await pgdb?.drop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}.key`, { force: true });
    },
  };
  return handle;
}

/** A server on PGlite with one store (東京店, head office) and its PC's token. */
export async function startHeadOfficeServer(): Promise<{ server: TestServer; token: string }> {
  const server = await startTestServer();
  await server.addStore('tokyo', '東京店', true);
  return { server, token: await server.addPc('tokyo', '本部PC') };
}
