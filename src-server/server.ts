import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { ensureAdminToken, pruneRefused } from './auth.js';
import { ConsoleAccounts } from './console/accounts.js';
import { openServerDatabase, rows, type ServerDatabase } from './db/open.js';
import { createCentralApp, type ServerClock } from './http/app.js';
import { ChangeHub } from './http/events.js';
import type { RateLimits } from './http/rate-limit.js';
import { purgeAmazonPii } from './privacy/purge.js';
import { seedDefaultMasters } from './sync/masters.js';
import { refreshMissingStatistics } from './db/statistics.js';
import { createChannels, type Channels, type ChannelsOptions } from './channels/service.js';
import { DAY_MS } from '../src-shared/text/jst.js';

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
  /**
   * The file whose key seals channel credentials (kept outside the database). Default: beside
   * the PGlite folder; with PostgreSQL it must be given (every process the same file).
   */
  secretKeyFile?: string;
  /** The channel scheduler's timings (tests make them short). */
  channelScheduler?: ChannelsOptions['scheduler'];
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed. */
  trustedProxies?: readonly string[];
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
  /** Where uploaded files (PC logs, installers) are kept. */
  uploadsDir: string;
  channels: Channels;
  purgeNow(): Promise<number>;
  close(): Promise<void>;
}

/** The last start-up line `npm run server` prints: what was to be said (the admin token) is said. */
export const STARTED_LINE = '停止するには Ctrl+C を押してください。';

/** Opens the database, makes the admin token on first start, serves the API, runs the purge. */
export async function startCentralServer(options: CentralServerOptions): Promise<CentralServer> {
  const clock = options.clock ?? { now: () => new Date() };
  const database = await openServerDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  const { db } = database;
  await seedDefaultMasters(db);
  await refreshMissingStatistics(db);
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
  await pruneRefused(db, clock.now());
  const purgeTimer = setInterval(() => {
    void purgeNow().catch((err: unknown) => console.error('PII purge failed', err));
    void pruneRefused(db, clock.now()).catch((err: unknown) => console.error('refusal log prune failed', err));
  }, options.purgeIntervalMs ?? DAY_MS);
  purgeTimer.unref();
  const channels = createChannels({
    db,
    clock,
    notify: () => void hub.check(),
    keyFile: options.secretKeyFile ?? (options.dataDir ? `${path.resolve(options.dataDir)}.key` : null),
    scheduler: options.channelScheduler,
  });
  channels.start();
  const uploadsDir =
    options.uploadsDir ?? path.join(options.dataDir ?? path.join(os.tmpdir(), 'chumon-server'), 'uploads');
  const app = createCentralApp({
    db,
    serverId: state!.serverId,
    clock,
    hub,
    limits: options.limits,
    channels,
    trustedProxies: options.trustedProxies,
    uploadsDir,
  });
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
    uploadsDir,
    channels,
    purgeNow,
    close: async () => {
      clearInterval(purgeTimer);
      await channels.stop();
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
