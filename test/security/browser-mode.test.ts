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

describe('browser mode (127.0.0.1 + per-run token)', () => {
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

  it('answers nothing without the token: pages, assets, API, events, any method, any path', async () => {
    const requests = [
      'GET / HTTP/1.1',
      'GET /index.html HTTP/1.1',
      'GET /assets/app.js HTTP/1.1',
      'GET /api/events HTTP/1.1',
      'HEAD / HTTP/1.1',
      'OPTIONS /api/app:info HTTP/1.1',
      'GET /../../../../etc/passwd HTTP/1.1',
      'GET /%2e%2e/%2e%2e/%2e%2e/etc/passwd HTTP/1.1',
      'GET /nope?token= HTTP/1.1',
      'GET /?token=browser-mode-token-0123456789abcdeF HTTP/1.1',
    ];
    for (const line of requests) {
      const response = await raw(`${line}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      expect(status(response), line).toBe(401);
      expect(response).not.toMatch(/CHUMON-(INDEX|ASSET)-MARKER|root:x:0/);
    }
    for (const headers of [
      `Authorization: Bearer ${TOKEN.slice(0, -1)}x\r\n`,
      'Cookie: chumon_token=wrong\r\n',
      `Authorization: Basic ${Buffer.from(`a:${TOKEN}`).toString('base64')}\r\n`,
    ]) {
      expect(status(await get('/api/events', headers))).toBe(401);
    }
    const post = await fetch(`${base}/api/app:info`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(401);
    expect(await post.text()).not.toMatch(/version|orderCount/);
  });

  it('takes the token once in the URL and keeps it in an HttpOnly, SameSite=Strict cookie', async () => {
    const first = await get(`/?token=${TOKEN}`);
    expect(status(first)).toBe(200);
    expect(first).toContain('CHUMON-INDEX-MARKER');
    const cookie = /^Set-Cookie: (.*)$/im.exec(first)?.[1] ?? '';
    expect(cookie).toMatch(/^chumon_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const jar = `Cookie: ${cookie.split(';')[0]}\r\n`;
    expect(status(await get('/assets/app.js', jar))).toBe(200);
    expect(await get('/api/events', jar)).toMatch(/^HTTP\/1\.1 200[\s\S]*text\/event-stream/);
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
    const after = await fetch(`${base}/api/app:info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: '{}',
    });
    expect(((await after.json()) as { ok: boolean }).ok).toBe(true);
  }, 60_000);
});
