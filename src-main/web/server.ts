import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import type { App } from '../app/bootstrap.js';
import { dispatch } from '../core/dispatch.js';
import { handlers } from '../core/registry.js';
import { FILE_TOO_LARGE_MESSAGE } from '../../src-shared/api/files.js';
import { EVENTS_READY } from '../../src-shared/api/http.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { hasToken, refusalOf } from './request-guard.js';

/** A 45 MB file is about 60 MB as base64 inside the JSON of its contract call. */
const BROWSER_BODY_LIMIT = 64 * 1024 * 1024;
const FORBIDDEN = 'このページからの要求は受け付けません。Chumon は起動時に表示された URL から開いてください。';

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

function refused(c: Context, status: 401 | 403 | 404 | 413 | 415, code: string, message: string) {
  return c.json({ ok: false, error: { code, message } }, status);
}

/**
 * Browser mode: the same contract over HTTP on 127.0.0.1, for tests and demos. The page
 * (index.html and its assets) is served to any same-origin request or a page the user
 * opened; the API needs the per-run token, which the page reads once from its URL (?token=),
 * keeps in sessionStorage and sends as a header. Every request passes the guard first
 * (request-guard.ts): exact Host, same-origin Origin / Sec-Fetch-Site, JSON bodies only.
 */
function createWebApp(options: WebServerOptions & { token: string; host: () => string }): Hono {
  const { app, token } = options;
  const web = new Hono();
  web.use('*', async (c, next) => {
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    const refusal = refusalOf(c, options.host());
    if (refusal === 'content-type')
      return refused(c, 415, 'invalid_content_type', '送信内容の形式が正しくありません（JSON のみ受け付けます）。');
    if (refusal) return refused(c, 403, 'forbidden_origin', FORBIDDEN);
    if (c.req.path.startsWith('/api/') && !hasToken(c, token))
      return refused(c, 401, 'unauthorized', 'トークンがありません。起動時に表示された URL から開いてください。');
    await next();
  });
  web.post(
    '/api/:method',
    bodyLimit({
      maxSize: BROWSER_BODY_LIMIT,
      onError: (c) => refused(c, 413, 'too_large', FILE_TOO_LARGE_MESSAGE),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ ok: false, error: { code: 'invalid_json', message: '送信内容を読み取れませんでした。' } }, 400);
      }
      return c.json(await dispatch(handlers, app.ctx, c.req.param('method'), body));
    },
  );
  web.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      const unsubscribe = app.subscribe((event) => {
        void stream.writeSSE({ data: JSON.stringify(event) });
      });
      stream.onAbort(unsubscribe);
      // Subscribed: the page's first reads, which wait for this, miss no later change.
      await stream.writeSSE({ event: EVENTS_READY, data: '' });
      while (!stream.aborted) await stream.sleep(15_000).then(() => stream.writeSSE({ event: 'ping', data: '' }));
    }),
  );
  web.all('/api/*', (c) => refused(c, 404, 'unknown_method', '不明な要求です。'));
  web.use('/*', serveStatic({ root: options.staticRoot }));
  web.get('*', serveStatic({ root: options.staticRoot, path: 'index.html' }));
  return web;
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let host = '';
  const web = createWebApp({ ...options, token, host: () => host });
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: web.fetch, port: options.port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        host = `127.0.0.1:${info.port}`;
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
