import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { mastersUpload, newOrderInput, SYNC_BODY_LIMIT, type HelloResponse } from '../../src-shared/sync/protocol.js';
import {
  createClient,
  findClient,
  hashToken,
  isWellFormedToken,
  logRefused,
  type ClientIdentity,
  type ClientKind,
} from '../auth.js';
import type { ServerDb } from '../db/open.js';
import { rows } from '../db/open.js';
import { intakeOrders } from '../orders/intake.js';
import { csvIntakeInput, intakeCsv } from '../orders/csv-intake.js';
import { UserError } from '../../src-shared/api/errors.js';
import { lineText } from '../../src-shared/api/text.js';
import { mastersOfKind, putStore, uploadMasters } from '../sync/masters.js';
import { pullPage } from '../sync/pull.js';
import { NOT_YOURS } from '../sync/push.js';
import { pushOps } from '../sync/push-request.js';
import { intakeStock, stockIntakeInput } from '../stock/intake.js';
import { sql } from 'drizzle-orm';
import type { ChangeHub } from './events.js';
import type { Channels } from '../channels/service.js';
import { consolePage, createConsoleApp } from '../console/app.js';
import { addPcRoutes, type CentralEnv } from '../console/pc-routes.js';
import { createConsoleServices } from '../console/services.js';
import { CONSOLE_ROOT, isConsolePath } from '../console/paths.js';
import { AuthFailures, BodyBudget, DEFAULT_LIMITS, TokenRate, type RateLimits } from './rate-limit.js';
import { clientAddress } from './client-address.js';

export interface ServerClock {
  now(): Date;
}

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

type Env = CentralEnv;

const TOO_MANY = 'このトークンからの要求が多すぎるため、しばらく受け付けません。少し待ってからもう一度お試しください。';
const TOO_MUCH_DATA =
  'このトークンから送られたデータが多すぎるため、しばらく受け付けません。少し待ってからもう一度お試しください。';
const AUTH_BLOCKED = '認証の失敗が続いたため、しばらく受け付けません。';

const storeInput = z.object({
  id: lineText()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, '店舗IDは英数字・_・- で40文字までです。'),
  name: lineText().trim().min(1).max(100),
  isHeadOffice: z.boolean().default(false),
  postalCode: lineText().max(20).default(''),
  address: lineText().max(300).default(''),
  phone: lineText().max(40).default(''),
  sortOrder: z.number().int().default(0),
});

const clientInput = z.object({
  kind: z.enum(['pc', 'connector']),
  name: lineText().trim().min(1).max(100),
  storeId: lineText().min(1).max(40).nullable().default(null),
});

/** Admin and intake bodies (a 45 MB order file is about 61 MB as base64 in JSON). */
const BODY_LIMIT = 64 * 1024 * 1024;

const bodyLimitOf = (path: string) => (path.startsWith('/sync/') ? SYNC_BODY_LIMIT : BODY_LIMIT);

function bad(c: Context, message: string, status: 400 | 401 | 403 | 404 | 409 | 413 = 400) {
  return c.json({ error: message }, status);
}

function tooMany(c: Context, message: string, seconds: number) {
  return c.json({ error: message }, 429, { 'retry-after': String(Math.max(1, seconds)) });
}

async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false, message: '送信内容を JSON として読み取れませんでした。' };
  }
}

async function parse<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<{ ok: true; value: z.output<T> } | { ok: false; message: string }> {
  const body = await readJson(c);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success)
    return {
      ok: false,
      message: `入力内容に誤りがあります: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')} ${i.message}`)
        .join(' / ')}`,
    };
  return { ok: true, value: parsed.data };
}

/**
 * The central server's HTTP API. Every path needs a token: the admin's (stores, PCs), a
 * store PC's (sync) or a connector's (order intake). Anything else is refused and logged.
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
  addPcRoutes(app, consoleServices, clock);
  app.use('/intake/*', only(['admin', 'connector']));
  const tooLarge = (c: Context) => bad(c, '送信内容が大きすぎます。', 413);
  app.use('/sync/*', bodyLimit({ maxSize: SYNC_BODY_LIMIT, onError: tooLarge }));
  app.use('*', bodyLimit({ maxSize: BODY_LIMIT, onError: tooLarge }));

  app.post('/admin/stores', async (c) => {
    const input = await parse(c, storeInput);
    if (!input.ok) return bad(c, input.message);
    await putStore(db, input.value, clock.now(), notify);
    return c.json({ ok: true });
  });
  app.get('/admin/stores', async (c) =>
    c.json(await rows(db, sql`SELECT id, name, is_head_office AS "isHeadOffice" FROM stores ORDER BY sort_order, id`)),
  );
  app.post('/admin/clients', async (c) => {
    const input = await parse(c, clientInput);
    if (!input.ok) return bad(c, input.message);
    if (input.value.kind === 'pc') {
      const [store] = await rows(db, sql`SELECT 1 FROM stores WHERE id = ${input.value.storeId}`);
      if (!store) return bad(c, 'PC を登録する店舗が見つかりません。先に店舗を登録してください。', 404);
    }
    // The token is in this answer only; the server keeps its hash.
    return c.json(await createClient(db, input.value, clock.now()));
  });
  app.get('/admin/clients', async (c) =>
    c.json(
      await rows(
        db,
        sql`SELECT id, kind, name, store_id AS "storeId", created_at AS "createdAt", revoked_at AS "revokedAt", last_seen_at AS "lastSeenAt"
            FROM clients ORDER BY id`,
      ),
    ),
  );
  app.post('/admin/clients/:id/revoke', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id)) return bad(c, 'ID が正しくありません。');
    await db.execute(
      sql`UPDATE clients SET revoked_at = ${clock.now().toISOString()} WHERE id = ${id} AND revoked_at IS NULL`,
    );
    hub.revoked(id);
    return c.json({ ok: true });
  });
  if (deps.channels) app.route('/admin/channels', deps.channels.routes);
  app.get('/admin/refused', async (c) =>
    c.json(
      await rows(
        db,
        sql`SELECT at, last_at AS "lastAt", count, client_id AS "clientId", address, method, path, reason
            FROM refused_access ORDER BY coalesce(last_at, at) DESC, id DESC LIMIT 500`,
      ),
    ),
  );

  app.get('/sync/hello', async (c) => {
    const client = c.get('client');
    await consoleServices.fleet.saveVersion(client, c.get('pcVersion'), clock.now());
    const update = c.get('updateRequired');
    const hello: HelloResponse = {
      ...(update ? { update: { message: update } } : {}),
      serverId: deps.serverId,
      serverTime: clock.now().toISOString(),
      client: {
        id: client.id,
        name: client.name,
        storeId: client.storeId,
        storeName: client.storeName,
        isHeadOffice: client.isHeadOffice,
      },
    };
    return c.json(hello);
  });
  app.post('/sync/push', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return bad(c, body.message);
    const client = c.get('client');
    const pushed = await pushOps(db, client, body.value, clock.now(), notify);
    if (!pushed.ok) return bad(c, pushed.message);
    const { results } = pushed;
    const foreign = results.filter((r) => r.reason === NOT_YOURS).length;
    if (foreign > 0) {
      await logRefused(db, {
        at: clock.now(),
        clientId: client.id,
        address: address(c),
        method: 'POST',
        path: '/sync/push',
        reason: `担当外の注文への操作 ${foreign}件`,
      });
    }
    return c.json({ serverTime: clock.now().toISOString(), results });
  });
  app.get('/sync/pull', async (c) => {
    const cursor = Number(c.req.query('cursor') ?? '0');
    const limit = Number(c.req.query('limit') ?? '2000');
    if (!Number.isSafeInteger(cursor) || cursor < 0 || !Number.isSafeInteger(limit))
      return bad(c, 'cursor / limit が正しくありません。');
    return c.body(await pullPage(db, c.get('client'), cursor, limit, clock.now()), 200, {
      'content-type': 'application/json; charset=utf-8',
    });
  });
  app.get('/sync/master-rows', async (c) => {
    const kind = c.req.query('kind') ?? '';
    if (!/^[a-z_]{1,40}$/.test(kind)) return bad(c, 'kind が正しくありません。');
    return c.json({ masters: await mastersOfKind(db, kind) });
  });
  app.post('/sync/masters', async (c) => {
    const client = c.get('client');
    if (!client.isHeadOffice) return refuse(c, 403, 'マスタを変更できるのは本部の PC だけです。', client);
    const input = await parse(c, mastersUpload);
    if (!input.ok) return bad(c, input.message);
    return c.json(await uploadMasters(db, input.value, notify));
  });
  app.get('/sync/events', (c) =>
    streamSSE(c, async (stream) => {
      const client = c.get('client');
      const audience = { storeId: client.storeId, isHeadOffice: client.isHeadOffice, clientId: client.id };
      const unsubscribe = hub.subscribe(
        audience,
        (seq) => void stream.writeSSE({ event: 'change', data: String(seq) }),
        // A revoked token hears nothing more: its stream ends (and a reconnect gets 401).
        () => void stream.close(),
      );
      stream.onAbort(unsubscribe);
      await stream.writeSSE({ event: 'hello', data: clock.now().toISOString() });
      for (let ping = 1; !stream.aborted && !stream.closed; ping++) {
        await stream.sleep(15_000);
        if (!stream.aborted && !stream.closed) await stream.writeSSE({ event: 'ping', data: '' });
        // A PC listening here is online: its last-seen moves every minute (console 端末).
        if (ping % 4 === 0) await consoleServices.fleet.seen(client.id, clock.now());
      }
      unsubscribe();
    }),
  );

  app.post('/intake/orders', async (c) => {
    const input = await parse(c, z.object({ orders: z.array(newOrderInput).min(1).max(10_000) }));
    if (!input.ok) return bad(c, input.message);
    return c.json(
      await intakeOrders(db, input.value.orders, `受注取込（${c.get('client').name}）`, clock.now(), notify),
    );
  });
  app.post('/intake/csv', async (c) => {
    const input = await parse(c, csvIntakeInput);
    if (!input.ok) return bad(c, input.message);
    try {
      return c.json(await intakeCsv(db, input.value, `CSV取込（${c.get('client').name}）`, clock.now(), notify));
    } catch (err) {
      if (err instanceof UserError) return bad(c, err.message);
      throw err;
    }
  });

  app.post('/intake/stock', async (c) => {
    const input = await parse(c, stockIntakeInput);
    if (!input.ok) return bad(c, input.message);
    try {
      const result = await intakeStock(db, input.value, c.get('client'), clock.now(), notify);
      return result.applied
        ? c.json(result)
        : c.json({ error: '誤りのある行があるため何も取り込んでいません。', ...result }, 400);
    } catch (err) {
      if (err instanceof UserError) return bad(c, err.message);
      throw err;
    }
  });

  return app;
}
