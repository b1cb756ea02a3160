import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { ConsoleAccount } from '../../src-shared/console/accounts.js';
import { consoleContract, isConsoleMethod } from '../../src-shared/console/contract.js';
import { AuthFailures, type RateLimits } from '../http/rate-limit.js';
import { consoleDispatch, type ConsoleCall } from './dispatch.js';
import { consoleHandlers } from './handlers.js';
import type { ConsoleServices } from './services.js';
import { addReleaseUpload } from './update-routes.js';

const SESSION_COOKIE = 'chumon_console';
const CSRF_HEADER = 'x-chumon-csrf';

/** The console page may load only its own files and talk only to its own server. */
const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

interface ConsoleAppDeps {
  services: ConsoleServices;
  now(): Date;
  /** The built renderer (vite's outDir): console.html and assets/. */
  staticRoot: string;
  address(c: Context): string;
  limits: RateLimits;
}

const fail = (c: Context, code: string, message: string, status: 400 | 401 | 403 | 404 | 429) =>
  c.json({ ok: false, error: { code, message } }, status);

/** "https" when the request came that way (directly or through a proxy that says so). */
const secure = (c: Context) =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/**
 * The head-office console under /console: its page and the console API. Only a session
 * cookie opens the API (a Bearer token is ignored here, as a cookie is on /sync); every call
 * but sign-in needs the CSRF token the session was given, and a foreign Origin is refused.
 */
export function createConsoleApp(deps: ConsoleAppDeps): Hono {
  const { services, now } = deps;
  const handlers = consoleHandlers(services);
  const signInFailures = new AuthFailures(deps.limits);
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONSOLE_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cache-Control', 'no-store');
  });

  const sessionOf = async (c: Context) => {
    const id = getCookie(c, SESSION_COOKIE);
    return id ? services.accounts.session(id, now()) : null;
  };

  app.post(
    '/api/:method',
    bodyLimit({
      maxSize: 64 * 1024 * 1024,
      onError: (c) => fail(c, 'too_large', '送信内容が大きすぎます（45MBまで）。', 400),
    }),
    async (c) => {
      const method = c.req.param('method');
      const origin = c.req.header('origin');
      if (origin && origin !== new URL(c.req.url).origin)
        return fail(c, 'forbidden', '別のサイトからの操作は受け付けません。', 403);
      if (!c.req.header('content-type')?.startsWith('application/json'))
        return fail(c, 'invalid_json', '送信内容を JSON として読み取れませんでした。', 400);
      const access = isConsoleMethod(method) ? consoleContract[method].access : null;
      const from = deps.address(c);
      const session = access === 'public' ? null : await sessionOf(c);
      if (access === 'read' || access === 'write') {
        if (!session || c.req.header(CSRF_HEADER) !== session.csrf)
          return fail(
            c,
            'signed_out',
            'サインインしていないか、サインインの有効期限が切れました。サインインし直してください。',
            401,
          );
      }
      if (access === 'public') {
        const blocked = signInFailures.blockedFor(from, '', now());
        if (blocked > 0) return fail(c, 'too_many', 'サインインの失敗が続いたため、しばらく受け付けません。', 429);
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return fail(c, 'invalid_json', '送信内容を JSON として読み取れませんでした。', 400);
      }
      const call: ConsoleCall = {
        account: (session?.account ?? null) as ConsoleAccount | null,
        sessionHash: session?.hash ?? null,
        csrf: session?.csrf ?? null,
        address: from,
        now: now(),
        startSession: (id) =>
          setCookie(c, SESSION_COOKIE, id, { httpOnly: true, sameSite: 'Strict', path: '/console', secure: secure(c) }),
      };
      const result = await consoleDispatch(handlers, services.audit, call, method, body);
      if (access === 'public' && !result.ok) signInFailures.record(from, '', now());
      if (method === 'console:signOut' && result.ok) deleteCookie(c, SESSION_COOKIE, { path: '/console' });
      if (!result.ok && result.error.code === 'signed_out') return c.json(result, 401);
      if (!result.ok && result.error.code === 'forbidden') return c.json(result, 403);
      return c.json(result);
    },
  );

  app.get('/files/logs/:id', async (c) => {
    const session = await sessionOf(c);
    if (!session) return c.text('サインインしてください。', 401);
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) return c.text('ログファイルが見つかりません。', 404);
    try {
      const file = await services.logs.download(id);
      return c.body(new Uint8Array(file.data), 200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="log-${id}.bin"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      });
    } catch {
      return c.text('ログファイルが見つかりません。', 404);
    }
  });

  addReleaseUpload(app, services, async (c) => {
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin)
      return fail(c, 'forbidden', '別のサイトからの操作は受け付けません。', 403);
    const session = await sessionOf(c);
    if (!session || c.req.header(CSRF_HEADER) !== session.csrf)
      return fail(
        c,
        'signed_out',
        'サインインしていないか、サインインの有効期限が切れました。サインインし直してください。',
        401,
      );
    return { account: session.account, address: deps.address(c), now: now() };
  });

  // Made on first use: the renderer may be built after the server starts (tests, development).
  let assets: MiddlewareHandler | null = null;
  app.get('/assets/*', async (c, next) => {
    if (!existsSync(deps.staticRoot)) return c.notFound();
    assets ??= serveStatic({ root: deps.staticRoot, rewriteRequestPath: (p) => p.replace(/^\/console/, '') });
    return (await assets(c, next)) ?? c.notFound();
  });
  return app;
}

/** The console page itself (served at /console/, so that its relative asset paths resolve under it). */
export function consolePage(staticRoot: string): (c: Context) => Promise<Response> {
  const page = path.join(staticRoot, 'console.html');
  return async (c) => {
    c.header('Content-Security-Policy', CONSOLE_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cache-Control', 'no-store');
    if (!existsSync(page))
      return c.text('コンソールの画面がまだビルドされていません。npm run build:renderer を実行してください。', 503);
    return c.html(await readFile(page, 'utf8'));
  };
}
