import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { ensureAdminToken } from './auth.js';
import { ConsoleAccounts } from './console/accounts.js';
import { openServerDatabase, rows, type ServerDatabase } from './db/open.js';
import { createCentralApp, type ServerClock } from './http/app.js';
import { ChangeHub } from './http/events.js';
import type { RateLimits } from './http/rate-limit.js';
import { purgeAmazonPii } from './privacy/purge.js';
import { seedDefaultMasters } from './sync/masters.js';
import { refreshStatistics } from './orders/intake.js';

export interface CentralServerOptions {
  port: number;
  host?: string;
  /** PGlite folder; ignored when databaseUrl is set. */
  dataDir?: string;
  databaseUrl?: string;
  clock?: ServerClock;
  /** How often the PII purge runs after the one at start (S3: daily). */
  purgeIntervalMs?: number;
  /** Request limits (tests make them small); the defaults suit a real store network. */
  limits?: Partial<RateLimits>;
  /** Uploaded files (PC logs); by default `uploads` in the data folder (or the temp folder). */
  uploadsDir?: string;
}

export interface CentralServer {
  url: string;
  port: number;
  /** Set on the very first start only: the admin token, shown once. */
  adminToken: string | null;
  /** Set on the very first start only: the console's first account, its password shown once. */
  firstAccount: { login: string; password: string } | null;
  database: ServerDatabase;
  purgeNow(): Promise<number>;
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;

/** Opens the database, makes the admin token on first start, serves the API, runs the purge. */
export async function startCentralServer(options: CentralServerOptions): Promise<CentralServer> {
  const clock = options.clock ?? { now: () => new Date() };
  const database = await openServerDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  const { db } = database;
  await seedDefaultMasters(db);
  await refreshStatistics(db);
  const adminToken = await ensureAdminToken(db, clock.now());
  const firstAccount = await new ConsoleAccounts(db).ensureFirstAccount(clock.now());
  const [state] = await rows<{ serverId: string }>(
    db,
    sql`SELECT server_id AS "serverId" FROM sync_state WHERE id = 1`,
  );
  const hub = new ChangeHub(db);
  hub.start();
  const purgeNow = () => purgeAmazonPii(db, clock.now(), () => void hub.check());
  await purgeNow();
  const purgeTimer = setInterval(
    () => void purgeNow().catch((err: unknown) => console.error('PII purge failed', err)),
    options.purgeIntervalMs ?? DAY_MS,
  );
  purgeTimer.unref();
  const uploadsDir =
    options.uploadsDir ?? path.join(options.dataDir ?? path.join(os.tmpdir(), 'chumon-server'), 'uploads');
  const app = createCentralApp({ db, serverId: state!.serverId, clock, hub, limits: options.limits, uploadsDir });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: host }, () => resolve(s));
    s.on('error', reject);
  });
  // Store PCs keep their connection between rounds; closing it later than they reuse it
  // avoids the race where a request meets a connection closing under it.
  const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number };
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    adminToken,
    firstAccount,
    database,
    purgeNow,
    close: async () => {
      clearInterval(purgeTimer);
      hub.stop();
      await new Promise<void>((done) => {
        server.close(() => done());
        // SSE streams keep sockets open; end them so close() returns.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await database.close();
    },
  };
}
