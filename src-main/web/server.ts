import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import type { App } from '../app/bootstrap.js';
import { dispatch } from '../core/dispatch.js';
import { handlers } from '../core/registry.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';

interface WebServerOptions {
  app: App;
  /** The built renderer (vite's outDir). */
  staticRoot: string;
  port: number;
  token?: string;
}

export interface WebServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'chumon_token';

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function presentedToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7);
  return c.req.query('token') ?? getCookie(c, COOKIE);
}

/**
 * Browser mode: the same contract over HTTP on 127.0.0.1, for tests and demos.
 * Every request needs the per-run token: in the URL once (then a same-site cookie), or as a
 * Bearer header.
 */
function createWebApp(options: WebServerOptions & { token: string }): Hono {
  const { app, token } = options;
  const web = new Hono();
  web.use('*', async (c, next) => {
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    if (!sameToken(presentedToken(c), token)) {
      return c.text('トークンがありません。起動時に表示された URL から開いてください。', 401);
    }
    if (c.req.query('token')) {
      setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
    }
    await next();
  });
  web.post('/api/:method', bodyLimit({ maxSize: 64 * 1024 * 1024 }), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ ok: false, error: { code: 'invalid_json', message: '送信内容を読み取れませんでした。' } }, 400);
    }
    return c.json(await dispatch(handlers, app.ctx, c.req.param('method'), body));
  });
  web.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      const unsubscribe = app.subscribe((event) => {
        void stream.writeSSE({ data: JSON.stringify(event) });
      });
      stream.onAbort(unsubscribe);
      while (!stream.aborted) await stream.sleep(15_000).then(() => stream.writeSSE({ event: 'ping', data: '' }));
    }),
  );
  web.use('/*', serveStatic({ root: options.staticRoot }));
  web.get('*', serveStatic({ root: options.staticRoot, path: 'index.html' }));
  return web;
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const web = createWebApp({ ...options, token });
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: web.fetch, port: options.port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}/?token=${token}`,
          token,
          close: () =>
            new Promise((done) => {
              server.close(() => done());
              // SSE streams keep sockets open; end them so close() returns.
              (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        });
      });
      server.on('error', reject);
    } catch (err) {
      reject(err);
    }
  });
}
