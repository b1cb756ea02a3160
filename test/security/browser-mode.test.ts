import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src-main/web/server.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const TOKEN = 'browser-mode-token-0123456789abcdef';
const INDEX = '<!doctype html><title>CHUMON-INDEX-MARKER</title>';

let t: TestApp;
let server: WebServer;
let staticRoot: string;
let base: string;
let port: number;

beforeAll(async () => {
  t = createTestApp();
  staticRoot = mkdtempSync(path.join(os.tmpdir(), 'chumon-static-'));
  mkdirSync(path.join(staticRoot, 'assets'));
  writeFileSync(path.join(staticRoot, 'index.html'), INDEX);
  writeFileSync(path.join(staticRoot, 'assets', 'app.js'), 'console.log("CHUMON-ASSET-MARKER")');
  server = await startWebServer({ app: t.app, staticRoot, port: 0, token: TOKEN });
  base = new URL(server.url).origin;
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server?.close();
  t?.close();
  rmSync(staticRoot, { recursive: true, force: true });
});

/** Raw HTTP, so that paths like /../ reach the server as written. */
function raw(request: string, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port }, () => socket.write(request));
    let out = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      out += d;
      // An event stream never ends by itself: its headers are enough.
      if (out.includes('text/event-stream')) socket.destroy();
    });
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

const get = (target: string, headers = '') =>
  raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${headers}\r\n`);
const status = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);

function nonLoopbackAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i && !i.internal && i.family === 'IPv4')
    .map((i) => i.address);
}

describe('browser mode (127.0.0.1, same origin only, per-run token in a header)', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    for (const address of [...nonLoopbackAddresses(), '::1']) {
      await expect(
        new Promise((resolve, reject) =>
          net.connect({ host: address, port }, () => resolve('connected')).on('error', reject),
        ),
      ).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH/);
    }
  });

  it('answers no API call without the token header: not from the URL, a cookie, Basic auth or a near miss', async () => {
    const requests = [
      'GET /api/events HTTP/1.1',
      'OPTIONS /api/app:info HTTP/1.1',
      `GET /api/events?token=${TOKEN} HTTP/1.1`,
    ];
    for (const line of requests) {
      const response = await raw(`${line}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      expect(status(response), line).toBe(401);
      expect(response).not.toMatch(/root:x:0|text\/event-stream/);
    }
    for (const headers of [
      `Authorization: Bearer ${TOKEN.slice(0, -1)}x\r\n`,
      `X-Chumon-Token: ${TOKEN.slice(0, -1)}x\r\n`,
      `Cookie: chumon_token=${TOKEN}\r\n`,
      `Authorization: Basic ${Buffer.from(`a:${TOKEN}`).toString('base64')}\r\n`,
    ]) {
      expect(status(await get('/api/events', headers)), headers).toBe(401);
    }
    const post = await fetch(`${base}/api/app:info?token=${TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBe(401);
    expect(await post.text()).not.toMatch(/version|orderCount/);
    expect(await get('/api/events', `X-Chumon-Token: ${TOKEN}\r\n`)).toMatch(
      /^HTTP\/1\.1 200[\s\S]*text\/event-stream/,
    );
  });

  it('serves the page and its assets (no data in them) to this origin, and sets no cookie', async () => {
    for (const target of ['/', `/?token=${TOKEN}`, '/assets/app.js']) {
      const response = await get(target);
      expect(status(response), target).toBe(200);
      expect(response).toMatch(/CHUMON-(INDEX|ASSET)-MARKER/);
      expect(response).not.toMatch(/^Set-Cookie:/im);
    }
  });

  it('refuses another Host (DNS rebinding), another origin and another site, even with the token', async () => {
    const auth = `X-Chumon-Token: ${TOKEN}\r\n`;
    for (const host of [`localhost:${port}`, `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`]) {
      const response = await raw(`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(status(response), host).toBe(403);
      expect(response).not.toContain('CHUMON-INDEX-MARKER');
    }
    for (const headers of [
      `Origin: http://127.0.0.1:${port + 1}\r\n`,
      'Origin: null\r\n',
      'Sec-Fetch-Site: same-site\r\n',
      'Sec-Fetch-Site: cross-site\r\n',
      'Sec-Fetch-Site: none\r\n',
    ]) {
      expect(status(await get('/api/events', auth + headers)), headers).toBe(403);
    }
    for (const headers of ['Sec-Fetch-Site: same-site\r\n', 'Sec-Fetch-Site: cross-site\r\n']) {
      expect(status(await get('/assets/app.js', headers)), headers).toBe(403);
    }
    // The page the user opened (typed URL, bookmark) and its own requests are let in.
    expect(status(await get('/', 'Sec-Fetch-Site: none\r\n'))).toBe(200);
    expect(status(await get('/api/events', `${auth}Sec-Fetch-Site: same-origin\r\nOrigin: ${base}\r\n`))).toBe(200);
  });

  it('takes JSON bodies only: a form or a no-cors text/plain post is refused before it reaches a handler', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const res = await fetch(`${base}/api/subStatus:add`, {
        method: 'POST',
        headers: { 'x-chumon-token': TOKEN, ...(type ? { 'content-type': type } : {}) },
        body: JSON.stringify({ mainStatus: 'new', name: '攻撃', color: '#000000' }),
      });
      expect(res.status, type).toBe(415);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/JSON/);
    }
    const count = t.app.ctx.database.sqlite.prepare("SELECT count(*) FROM sub_statuses WHERE name = '攻撃'").pluck();
    expect(count.get()).toBe(0);
  });

  it('never serves a file outside the renderer folder, even with the token', async () => {
    for (const target of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/..\\..\\..\\etc\\passwd',
    ]) {
      const response = await get(target, `Authorization: Bearer ${TOKEN}\r\n`);
      expect(response, target).not.toMatch(/root:x:0/);
    }
  });

  it('sends the security headers on every answer, and no CORS permission', async () => {
    for (const response of [
      await get('/'),
      await get('/', `Authorization: Bearer ${TOKEN}\r\nOrigin: http://evil.example\r\n`),
    ]) {
      expect(response).toMatch(/^Content-Security-Policy: default-src 'self'/im);
      expect(response).toMatch(/^X-Content-Type-Options: nosniff/im);
      expect(response).toMatch(/^Referrer-Policy: no-referrer/im);
      expect(response).not.toMatch(/^Access-Control-Allow-/im);
    }
  });

  it('refuses a body over the limit without falling over', async () => {
    const res = await fetch(`${base}/api/app:info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: `{"pad":"${'x'.repeat(65 * 1024 * 1024)}"}`,
    });
    expect(res.status).toBe(413);
    // The contract's own answer, in Japanese, which the page shows as it is.
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'too_large', message: 'ファイルが大きすぎます（45MBまで）。分けて取り込んでください。' },
    });
    const after = await fetch(`${base}/api/app:info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(((await after.json()) as { ok: boolean }).ok).toBe(true);
  }, 60_000);
});
