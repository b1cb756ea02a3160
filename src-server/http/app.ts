import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { SYNC_BODY_LIMIT } from '../../src-shared/sync/protocol.js';
import { findClient, hashToken, isWellFormedToken, logRefused, type ClientIdentity, type ClientKind } from '../auth.js';
import { adminRoutes } from '../admin/routes.js';
import type { ServerDb } from '../db/open.js';
import { intakeRoutes } from '../orders/routes.js';
import { syncRoutes } from '../sync/routes.js';
import type { Channels } from '../channels/service.js';
import { consolePage, createConsoleApp } from '../console/app.js';
import { addPcRoutes } from '../console/pc-routes.js';
import { createConsoleServices } from '../console/services.js';
import { addUpdateFeedRoutes } from '../console/update-routes.js';
import { CONSOLE_ROOT, isConsolePath } from '../console/paths.js';
import type { ChangeHub } from './events.js';
import { AuthFailures, BodyBudget, DEFAULT_LIMITS, TokenRate, type RateLimits } from './rate-limit.js';
import { clientAddress } from './client-address.js';
import { bad, type Env, type RouteDeps, type ServerClock } from './route-kit.js';

export type { ServerClock } from './route-kit.js';

interface CentralDeps {
  db: ServerDb;
  serverId: string;
  clock: ServerClock;
  hub: ChangeHub;
  limits?: Partial<RateLimits>;
  /** The channels' admin routes, mounted under /admin/channels. */
  channels?: Channels;
  /** Reverse proxies whose X-Forwarded-For is believed (see clientAddress). */
  trustedProxies?: readonly string[];
  /** Where uploaded files (PC logs) are kept: never a served folder. */
  uploadsDir: string;
  /** The built renderer holding the console page (dist/renderer). */
  consoleRoot?: string;
}

z.config(z.locales.ja());

const TOO_MANY = 'このトークンからの要求が多すぎるため、しばらく受け付けません。少し待ってからもう一度お試しください。';
const TOO_MUCH_DATA =
  'このトークンから送られたデータが多すぎるため、しばらく受け付けません。少し待ってからもう一度お試しください。';
const AUTH_BLOCKED = '認証の失敗が続いたため、しばらく受け付けません。';

/** Admin and intake bodies (a 45 MB order file is about 61 MB as base64 in JSON). */
const BODY_LIMIT = 64 * 1024 * 1024;

const bodyLimitOf = (path: string) => (path.startsWith('/sync/') ? SYNC_BODY_LIMIT : BODY_LIMIT);

function tooMany(c: Context, message: string, seconds: number) {
  return c.json({ error: message }, 429, { 'retry-after': String(Math.max(1, seconds)) });
}

/**
 * The central server's HTTP API, composed here: the token check, rate and body limits and
 * who may call which area, then one sub-app per area (admin, channels, sync, intake). Every
 * path needs a token: the admin's (stores, PCs), a store PC's (sync) or a connector's
 * (order intake). Anything else is refused and logged.
 */
export function createCentralApp(deps: CentralDeps): Hono<Env> {
  const { db, clock, hub } = deps;
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const failures = new AuthFailures(limits);
  const rate = new TokenRate(limits);
  const bodies = new BodyBudget(limits);
  const proxies = new Set(deps.trustedProxies ?? []);
  const address = (c: Context) => clientAddress(c, proxies);
  const notify = () => void hub.check();
  const app = new Hono<Env>();

  const refuse = async (c: Context, status: 401 | 403, reason: string, client: ClientIdentity | null) => {
    await logRefused(db, {
      at: clock.now(),
      clientId: client?.id ?? null,
      address: address(c),
      method: c.req.method,
      path: c.req.path,
      reason,
    });
    return bad(c, reason, status);
  };

  app.get('/health', (c) => c.json({ ok: true, serverTime: clock.now().toISOString() }));

  // The console answers to its session cookie alone; the token check below is not for it.
  const consoleServices = createConsoleServices(db, deps.uploadsDir, notify, deps.channels ?? null);
  app.get('/console', (c) => c.redirect('/console/'));
  app.get('/console/', consolePage(deps.consoleRoot ?? CONSOLE_ROOT));
  app.route(
    '/console',
    createConsoleApp({
      services: consoleServices,
      now: () => clock.now(),
      staticRoot: deps.consoleRoot ?? CONSOLE_ROOT,
      address,
      limits,
    }),
  );

  // What an update check cost the server, token check included (Server-Timing, for the feed's budget).
  app.use('/updates/*', async (c, next) => {
    const started = performance.now();
    await next();
    c.header('server-timing', `feed;dur=${(performance.now() - started).toFixed(2)}`);
  });

  app.use('*', async (c, next) => {
    if (c.req.path === '/health' || isConsolePath(c.req.path)) return next();
    const from = address(c);
    const header = c.req.header('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const hash = token ? hashToken(token) : '';
    // Both limits are judged before the database is asked anything, except that a blocked
    // address may still present a well-formed token: a real one (256 random bits, never
    // guessed) is let in, so PCs behind one shared address are never locked out by others.
    const blocked = failures.blockedFor(from, hash, clock.now());
    if (blocked > 0 && !isWellFormedToken(token)) return tooMany(c, AUTH_BLOCKED, blocked);
    const wait = hash ? rate.waitFor(hash, clock.now()) : 0;
    if (wait > 0) return tooMany(c, TOO_MANY, wait);
    const client = token ? await findClient(db, token, clock.now()) : null;
    if (!client) {
      if (blocked > 0) return tooMany(c, AUTH_BLOCKED, blocked);
      failures.record(from, hash, clock.now());
      return refuse(c, 401, token ? 'トークンが正しくないか、無効にされています。' : 'トークンがありません。', null);
    }
    failures.trust(from, hash, clock.now());
    if (!rate.take(hash, clock.now())) return tooMany(c, TOO_MANY, 1);
    c.set('client', client);
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    // Bodies are charged by their declared length (else the route's limit) before reading.
    const declared = Number(c.req.header('content-length'));
    const bytes = Number.isSafeInteger(declared) && declared >= 0 ? declared : bodyLimitOf(c.req.path);
    const waitBytes = bodies.take(hash, bytes, clock.now());
    if (waitBytes > 0) return tooMany(c, TOO_MUCH_DATA, waitBytes);
    try {
      await next();
    } finally {
      bodies.done(hash, bytes);
    }
  });

  const only = (kinds: ClientKind[]) => async (c: Context<Env>, next: () => Promise<void>) => {
    const client = c.get('client');
    if (!kinds.includes(client.kind)) return refuse(c, 403, 'このトークンではこの操作はできません。', client);
    if (client.kind === 'pc' && !client.storeId)
      return refuse(c, 403, 'この PC は店舗に割り当てられていません。', client);
    return next();
  };

  app.use('/admin/*', only(['admin']));
  app.use('/sync/*', only(['pc']));
  addPcRoutes(app, consoleServices, clock, address);
  app.use('/updates/*', only(['pc']));
  addUpdateFeedRoutes(app, consoleServices);
  app.use('/intake/*', only(['admin', 'connector']));
  const tooLarge = (c: Context) => bad(c, '送信内容が大きすぎます。', 413);
  app.use('/sync/*', bodyLimit({ maxSize: SYNC_BODY_LIMIT, onError: tooLarge }));
  app.use('*', bodyLimit({ maxSize: BODY_LIMIT, onError: tooLarge }));

  const routes: RouteDeps = { db, serverId: deps.serverId, clock, hub, notify, address, refuse };
  app.route('/admin', adminRoutes(routes));
  if (deps.channels) app.route('/admin/channels', deps.channels.routes);
  app.route('/sync', syncRoutes(routes, consoleServices.fleet));
  app.route('/intake', intakeRoutes(routes));

  return app;
}
