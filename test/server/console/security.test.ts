import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleContract, type ConsoleMethod } from '../../../src-shared/console/contract.js';
import { rows } from '../../../src-server/db/open.js';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { ConsoleSessionClient } from '../../helpers/console-client.js';
import { makeOrder } from '../../helpers/orders.js';

/**
 * Every console method, one by one: who may call it and what the others get. A new method
 * is covered the moment it enters the contract. Each refused call must change nothing.
 */
let s: TestServer;
let admin: ConsoleSessionClient;
let viewer: ConsoleSessionClient;
let pcToken: string;
const METHODS = Object.keys(consoleContract) as ConsoleMethod[];

/** An input each method accepts, so that a refusal is about who calls, not what is sent. */
const VALID: { [M in ConsoleMethod]: unknown } = {
  'console:signIn': { login: 'admin', password: 'x' },
  'console:session': {},
  'console:signOut': {},
  'console:changePassword': { current: 'wrong-password', next: 'another-password-1' },
  'console:accounts': {},
  'console:addAccount': { login: 'intruder', displayName: '侵入者', role: 'admin', password: 'intruder-pass-1' },
  'console:updateAccount': { id: 1, role: 'viewer' },
  'console:stores': {},
  'console:putStore': { id: 'evil', name: '偽店舗' },
  'console:clients': {},
  'console:issueClient': { kind: 'pc', name: '偽PC', storeId: 'tokyo', serverUrl: 'http://127.0.0.1:1' },
  'console:revokeClient': { id: 2 },
  'console:fleetSettings': {},
  'console:saveFleetSettings': { minAppVersion: '9.9.9' },
  'console:intakePreview': { files: [{ name: 'a.csv', base64: Buffer.from('x').toString('base64') }] },
  'console:intakeCommit': { previewId: 'nothing' },
  'console:refusals': {},
  'console:orders': {},
  'console:order': { id: 1 },
  'console:masters': {},
  'console:logUploads': {},
  'console:logFile': { id: 1 },
  'console:audit': {},
  'console:connectors': {},
  'console:saveConnector': {
    channel: 'rakuten',
    name: '偽の連携',
    storeId: null,
    intervalMinutes: 10,
    enabled: true,
    settings: { endpoint: 'http://127.0.0.1:1/es/2.0/order' },
    credentials: { serviceSecret: 'x', licenseKey: 'y' },
  },
  'console:runConnector': { id: 1 },
  'console:connectorRuns': {},
  'console:notices': {},
  'console:retryNotice': { id: 1 },
  'console:staff': { storeId: 'tokyo' },
  'console:saveStaff': { storeId: 'tokyo', name: '侵入者', isManager: true, pin: '0000' },
  'console:releases': {},
  'console:saveRollout': { id: 1, rollout: 'all' },
};

/** Everything but the session, audit and refusal logs, which a refused call may add to. */
async function state(): Promise<string> {
  const tables = await rows<{ table_name: string }>(
    s.server.database.db,
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
          AND table_name NOT IN ('console_sessions', 'audit_log', 'refused_access', '__drizzle_migrations') ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables)
    parts.push(
      JSON.stringify(await rows(s.server.database.db, sql`SELECT * FROM ${sql.identifier(table_name)} ORDER BY 1`)),
    );
  return parts.join('\n');
}

beforeAll(async () => {
  s = await startTestServer('pglite');
  await s.addStore('tokyo', '東京店');
  pcToken = await s.addPc('tokyo', '東京PC');
  await s.intake([makeOrder({ orderNo: 'SEC-C1', storeId: 'tokyo' })]);
  admin = new ConsoleSessionClient(s.url);
  await admin.signIn('admin', s.firstPassword);
  await admin.call('console:addAccount', {
    login: 'viewer',
    displayName: '閲覧者',
    role: 'viewer',
    password: 'viewer-pass-123',
  });
  viewer = new ConsoleSessionClient(s.url);
  await viewer.signIn('viewer', 'viewer-pass-123');
}, 120_000);
afterAll(async () => s?.close());

describe('console API: every method checked for who calls it', () => {
  it('refuses every method but sign-in without a session, and with a session but no CSRF token', async () => {
    for (const method of METHODS) {
      if (consoleContract[method].access === 'public') continue;
      const before = await state();
      const none = await admin.raw(method, VALID[method] as never, { cookie: '', csrf: '' });
      expect(none.status, `${method} without a session`).toBe(401);
      if (consoleContract[method].access !== 'session') {
        const noCsrf = await admin.raw(method, VALID[method] as never, { csrf: '' });
        expect(noCsrf.status, `${method} without the CSRF token`).toBe(401);
        const wrongCsrf = await admin.raw(method, VALID[method] as never, { csrf: viewer.csrf });
        expect(wrongCsrf.status, `${method} with another session's CSRF token`).toBe(401);
      }
      expect(await state(), `${method} changed something while refused`).toBe(before);
    }
  });

  it('lets 閲覧 read but never write, method by method', async () => {
    for (const method of METHODS) {
      const access = consoleContract[method].access;
      if (access === 'public' || access === 'session' || method === 'console:signOut') continue;
      const before = await state();
      const answer = await viewer.raw(method, VALID[method] as never);
      if (access === 'write') {
        expect(answer.status, `閲覧 ${method}`).toBe(403);
        expect(answer.result.ok ? '' : answer.result.error.message).toBe(
          'この操作は管理者のアカウントでだけ行えます。',
        );
        expect(await state(), `閲覧 ${method} changed something`).toBe(before);
      } else expect(answer.status, `閲覧 ${method}`).toBe(200);
    }
    expect((await viewer.call('console:session', {})).account.role).toBe('viewer');
  });

  it('ignores store PC and admin tokens: a Bearer token opens no console method', async () => {
    for (const method of METHODS) {
      if (consoleContract[method].access === 'public') continue;
      for (const token of [pcToken, s.adminToken]) {
        const answer = await admin.raw(method, VALID[method] as never, {
          cookie: '',
          csrf: '',
          headers: { authorization: `Bearer ${token}` },
        });
        expect(answer.status, `${method} with a Bearer token`).toBe(401);
      }
    }
    const download = await fetch(`${s.url}/console/files/logs/1`, { headers: { authorization: `Bearer ${pcToken}` } });
    expect(download.status).toBe(401);
    for (const token of [pcToken, s.adminToken]) {
      const form = new FormData();
      form.append('platform', 'windows');
      form.append('yml', new Blob(['version: 9.9.9']), 'latest.yml');
      form.append('installer', new Blob(['MZ']), 'setup.exe');
      const upload = await fetch(`${s.url}/console/files/updates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      expect(upload.status, 'an installer upload with a Bearer token').toBe(401);
    }
  });

  it('refuses a call from another site (Origin), and a body that is not JSON', async () => {
    const before = await state();
    const foreign = await admin.raw('console:putStore', VALID['console:putStore'] as never, {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const form = await fetch(`${s.url}/console/api/console:putStore`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: admin.cookie, 'x-chumon-csrf': admin.csrf },
      body: JSON.stringify({ id: 'evil', name: '偽店舗' }),
    });
    expect(form.status).toBe(400);
    expect(await state()).toBe(before);
  });

  it('gives a console session no way into sync, admin or intake', async () => {
    const before = await state();
    const headers = { cookie: admin.cookie, 'x-chumon-csrf': admin.csrf, 'content-type': 'application/json' };
    for (const [method, route, body] of [
      ['POST', '/sync/push', { ops: [] }],
      ['GET', '/sync/pull?cursor=0', undefined],
      ['POST', '/sync/report', {}],
      ['POST', '/sync/logs', {}],
      ['GET', '/updates/latest.yml', undefined],
      ['GET', '/updates/files/1/Chumon-Setup-1.0.0.exe', undefined],
      ['POST', '/admin/stores', { id: 'evil', name: '偽店舗' }],
      ['POST', '/intake/orders', { orders: [makeOrder({ orderNo: 'EVIL-1' })] }],
    ] as const) {
      const r = await fetch(`${s.url}${route}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
      expect(r.status, `${method} ${route} with a console session`).toBe(401);
    }
    expect(await state()).toBe(before);
  });

  it('lets 管理者 do what 閲覧 may not, and writes each to the audit log', async () => {
    await admin.call('console:putStore', { id: 'osaka', name: '大阪店', isHeadOffice: false });
    const [entry] = await admin.call('console:audit', { limit: 1 });
    expect(entry).toMatchObject({ login: 'admin', action: '店舗の登録・変更' });
    expect(entry!.detail).toMatchObject({ method: 'console:putStore', input: { id: 'osaka', name: '大阪店' } });
  });
});
