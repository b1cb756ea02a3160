import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebServer, type WebServer } from '../../src-main/web/server.js';
import { contract } from '../../src-shared/api/index.js';
import { startTestServer, type TestServer } from '../helpers/central-server.js';
import { insertOrders } from '../helpers/orders.js';
import { TestSmtpServer } from '../helpers/smtp.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const SMTP_USER = 'shop-user';
/** Distinctive enough that finding it anywhere means it leaked. */
const SMTP_PASSWORD = 'SmtpP4ss-q7Zr2xKw9-秘密';

let t: TestApp;
let web: WebServer;
let smtp: TestSmtpServer;
let central: TestServer;
let storeToken: string;
/** Everything the renderer or a log could ever see, collected as the test goes. */
const seen: string[] = [];

function captureOutput(): void {
  for (const level of ['log', 'error', 'warn', 'info', 'debug'] as const) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      seen.push(
        args
          .map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a)))
          .join(' '),
      );
      original(...args);
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      seen.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write);
  }
}

/** A contract call as the browser-mode renderer makes it; the answer is kept for the search. */
async function call(
  method: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const res = await fetch(`${new URL(web.url).origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${web.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const text = await res.text();
  seen.push(text);
  return JSON.parse(text) as never;
}

const mailSettings = (port: number) => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  user: SMTP_USER,
  fromAddress: 'shop@example.jp',
  fromName: '店',
  encoding: 'utf8',
  shopName: '店',
  signature: '',
  bankAccount: '',
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(async () => {
  captureOutput();
  smtp = await TestSmtpServer.start({ auth: { user: SMTP_USER, pass: SMTP_PASSWORD } });
  central = await startTestServer('pglite');
  await central.addStore('tokyo', '東京店');
  storeToken = await central.addPc('tokyo', '東京PC');
  t = createTestApp();
  t.app.ctx.settings.set('documents', { dir: path.join(t.dir, 'documents'), deliveryNotePrices: true });
  insertOrders(t.app.ctx.database.sqlite, [{ initial: { status: 'paid' } }, { initial: { status: 'paid' } }]);
  web = await startWebServer({ app: t.app, staticRoot: t.dir, port: 0 });
}, 60_000);
afterAll(async () => {
  vi.restoreAllMocks();
  t.app.ctx.services.sync.stopLive();
  await web?.close();
  t?.close();
  await smtp?.close();
  await central?.close();
});

describe('secrets (SMTP password, store token)', () => {
  it('never reach the renderer, a log, a file in clear, an error message, a CSV, a PDF or a backup — also when things fail', async () => {
    expect((await call('mail:saveSettings', { ...mailSettings(smtp.port), password: SMTP_PASSWORD })).ok).toBe(true);
    expect((await call('mail:testSend', { to: 'owner@example.jp' })).ok).toBe(true);
    expect((await call('sync:saveSettings', { serverUrl: central.url, token: storeToken })).ok).toBe(true);
    t.app.ctx.services.sync.stopLive();
    expect((await call('sync:now', {})).ok).toBe(true);
    const ids = (await call('orders:ids', { tab: 'paid' })).value as number[];
    expect((await call('mail:send', { orderIds: ids.slice(0, 1), purpose: 'status' })).ok).toBe(true);

    // Failures: a refused login, an unreachable mail server, a server gone, a wrong address.
    const other = await TestSmtpServer.start({ auth: { user: SMTP_USER, pass: 'another-password' } });
    await call('mail:saveSettings', mailSettings(other.port));
    expect((await call('mail:testSend', { to: 'owner@example.jp' })).ok).toBe(false);
    await call('mail:send', { orderIds: ids.slice(1), purpose: 'status' });
    await other.close();
    await call('mail:saveSettings', mailSettings(1));
    expect((await call('mail:testSend', { to: 'owner@example.jp' })).ok).toBe(false);
    await central.stop();
    expect((await call('sync:now', {})).ok).toBe(false);
    expect(
      (await call('sync:saveSettings', { serverUrl: 'http://127.0.0.1:1', token: `${storeToken}-changed` })).ok,
    ).toBe(false);
    await central.start();

    // Everything a screen can show: every method, with an empty input (most read settings or lists).
    for (const method of Object.keys(contract)) if (method !== 'demo:load') await call(method, {});
    await call('mail:log', { limit: 100 });
    await call('csvExport:run', { tab: 'paid', columns: ['orderNo', 'buyerName', 'orderComment'] });
    await call('printing:run', { kind: 'picking', orderIds: ids, output: 'pdf' });
    await call('backup:create', {});

    const secrets = {
      'SMTP password': SMTP_PASSWORD,
      'SMTP password (base64)': Buffer.from(SMTP_PASSWORD).toString('base64'),
      'SMTP AUTH PLAIN': Buffer.from(`\u0000${SMTP_USER}\u0000${SMTP_PASSWORD}`).toString('base64'),
      'SMTP password (URL)': encodeURIComponent(SMTP_PASSWORD),
      'store token': storeToken,
      'store token (base64)': Buffer.from(storeToken).toString('base64'),
    };
    const places: [string, string][] = [
      ...seen.map((text, i) => [`response or log line ${i}`, text] as [string, string]),
      ...filesUnder(t.dir).map(
        (file) =>
          [path.relative(t.dir, file), readFileSync(file).toString('latin1') + readFileSync(file).toString('utf8')] as [
            string,
            string,
          ],
      ),
    ];
    const leaks = places.flatMap(([where, text]) =>
      Object.entries(secrets)
        .filter(([, secret]) => text.includes(secret))
        .map(([what]) => `${what} in ${where}`),
    );
    expect(leaks).toEqual([]);
    // The search looked where it should: the places exist and hold what they are supposed to.
    expect(places.map(([where]) => where)).toEqual(expect.arrayContaining(['settings.json', 'chumon.sqlite']));
    expect(seen.join('\n')).toContain('hasPassword');
  }, 120_000);
});
