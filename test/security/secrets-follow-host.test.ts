import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/central-server.js';
import { TestSmtpServer } from '../helpers/smtp.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Someone at the settings screen points the SMTP server or the sync server elsewhere and
 * leaves the secret fields empty: the stored password and token must not follow.
 */

const PASSWORD = `P4ss-${Math.random().toString(36).slice(2)}`;
let t: TestApp;

beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t?.close());

describe('the SMTP password stays with its server', () => {
  let real: TestSmtpServer;
  let rogue: TestSmtpServer;
  const settings = (port: number, extra: Record<string, unknown> = {}) => ({
    host: '127.0.0.1',
    port,
    security: 'none' as const,
    user: 'shop',
    fromAddress: 'shop@example.jp',
    fromName: '店',
    encoding: 'utf8' as const,
    shopName: '店',
    signature: '',
    bankAccount: '',
    ...extra,
  });

  beforeAll(async () => {
    real = await TestSmtpServer.start({ auth: { user: 'shop', pass: PASSWORD } });
    // The rogue offers AUTH like any server and keeps whatever it is sent.
    rogue = await TestSmtpServer.start({ auth: { user: 'anyone', pass: 'anything' } });
  });
  afterAll(async () => {
    await real?.close();
    await rogue?.close();
  });

  it('a changed port, host, user or encryption clears it unless typed again; the rogue server receives nothing', async () => {
    await t.call('mail:saveSettings', { ...settings(real.port), password: PASSWORD });
    await t.call('mail:testSend', { to: 'owner@example.jp' });
    expect(real.logins).toEqual([{ user: 'shop', pass: PASSWORD }]);

    // Another port (the rogue), password left empty: no password goes there.
    const moved = await t.call('mail:saveSettings', settings(rogue.port));
    expect(moved.hasPassword).toBe(false);
    await expect(t.call('mail:testSend', { to: 'owner@example.jp' })).rejects.toThrow();
    expect(rogue.logins).toEqual([]);
    expect(rogue.received).toEqual([]);

    for (const change of [{ host: 'localhost' }, { user: 'other' }, { security: 'starttls' as const }]) {
      await t.call('mail:saveSettings', { ...settings(real.port), password: PASSWORD });
      expect((await t.call('mail:saveSettings', settings(real.port, change))).hasPassword, JSON.stringify(change)).toBe(
        false,
      );
    }
    // Anything else may change with the password kept.
    await t.call('mail:saveSettings', { ...settings(real.port), password: PASSWORD });
    expect((await t.call('mail:saveSettings', settings(real.port, { shopName: '新しい店名' }))).hasPassword).toBe(true);
  });

  it('warns when the password would travel without TLS, on the screen and after a test mail', async () => {
    const view = await t.call('mail:saveSettings', { ...settings(real.port), password: PASSWORD });
    expect(view.loginWarning).toMatch(/暗号化されずに/);
    expect((await t.call('mail:testSend', { to: 'owner@example.jp' })).message).toMatch(/注意: .*暗号化されずに/);
    await t.call('mail:saveSettings', { ...settings(real.port), clearPassword: true });
    expect((await t.call('mail:settings', {})).loginWarning).toBeNull();
  });
});

describe('the store token stays with its sync server', () => {
  let central: TestServer;
  let rogue: http.Server;
  const rogueSaw: string[] = [];
  let rogueUrl: string;

  beforeAll(async () => {
    central = await startTestServer('pglite');
    await central.addStore('tokyo', '東京店');
    const token = await central.addPc('tokyo', '東京PC');
    await t.call('sync:saveSettings', { serverUrl: central.url, token });
    t.app.ctx.services.sync.stopLive();
    rogue = http.createServer((req, res) => {
      rogueSaw.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ serverId: 'rogue', serverTime: new Date().toISOString(), client: {} }));
    });
    await new Promise<void>((resolve) => rogue.listen(0, '127.0.0.1', resolve));
    rogueUrl = `http://127.0.0.1:${(rogue.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    t.app.ctx.services.sync.stopLive();
    rogue?.close();
    await central?.close();
  });

  it('a new server address without the token typed again is refused; the rogue server hears nothing', async () => {
    await expect(t.call('sync:saveSettings', { serverUrl: rogueUrl, token: '' })).rejects.toThrow(
      /トークンも入力してください/,
    );
    expect(rogueSaw).toEqual([]);
    expect(t.app.ctx.settings.get('serverUrl')).toBe(central.url);
    // The same server written differently keeps its token.
    await t.call('sync:saveSettings', { serverUrl: `${central.url}/`, token: '' });
    t.app.ctx.services.sync.stopLive();
    expect((await t.call('sync:now', {})).refused).toEqual([]);
  });

  it('refuses plain http to anything but this PC, in the screen and from a settings file edited by hand', async () => {
    for (const serverUrl of ['http://192.0.2.10:8080', 'http://chumon.example.jp', 'ftp://127.0.0.1']) {
      await expect(t.call('sync:saveSettings', { serverUrl, token: 'chm_x' }), serverUrl).rejects.toThrow(/https:\/\//);
    }
    const saved = t.app.ctx.settings.get('serverUrl');
    t.app.ctx.settings.set('serverUrl', 'http://192.0.2.10:8080');
    await expect(t.call('sync:now', {})).rejects.toThrow(/https:\/\//);
    t.app.ctx.settings.set('serverUrl', saved);
  });
});
