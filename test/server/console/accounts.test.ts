import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../src-server/db/open.js';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { ConsoleSessionClient } from '../../helpers/console-client.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer('pglite');
}, 120_000);
afterAll(async () => s?.close());

const later = (ms: number) => s.clock.set(new Date(s.clock.now().getTime() + ms).toISOString());

describe('console sign-in', () => {
  it('signs in the first account with the password printed at first start, in an HttpOnly SameSite=Strict cookie', async () => {
    const response = await fetch(`${s.url}/console/api/console:signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: s.firstPassword }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^chumon_console=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/console/);
    const body = (await response.json()) as { ok: true; value: { account: { role: string }; csrf: string } };
    expect(body.value.account.role).toBe('admin');
    // The session id is in the cookie only, and the server keeps only its hash.
    const id = /chumon_console=([^;]+)/.exec(cookie)![1]!;
    expect(JSON.stringify(body)).not.toContain(id);
    const dump = JSON.stringify(await rows(s.server.database.db, sql`SELECT * FROM console_sessions`));
    expect(dump).not.toContain(id);
  });

  it('keeps only a scrypt hash of a password, and never writes one to the audit log', async () => {
    const admin = new ConsoleSessionClient(s.url);
    await admin.signIn('admin', s.firstPassword);
    await admin.call('console:addAccount', {
      login: 'yamada',
      displayName: '山田',
      role: 'viewer',
      password: 'hidden-pass-1234',
    });
    const dump = JSON.stringify(
      await rows(s.server.database.db, sql`SELECT a.*, (SELECT json_agg(l) FROM audit_log l) FROM console_accounts a`),
    );
    expect(dump).not.toContain('hidden-pass-1234');
    expect(dump).not.toContain(s.firstPassword);
    expect(dump).toMatch(/scrypt\$32768\$8\$1\$/);
    expect(dump).toContain('アカウント追加');
  });

  it('locks an account after five wrong passwords, even against the right one, for 15 minutes', async () => {
    const admin = new ConsoleSessionClient(s.url);
    await admin.signIn('admin', s.firstPassword);
    await admin.call('console:addAccount', {
      login: 'sato',
      displayName: '佐藤',
      role: 'admin',
      password: 'right-password-1',
    });
    const browser = new ConsoleSessionClient(s.url);
    for (let i = 0; i < 5; i++) {
      const { result } = await browser.raw('console:signIn', { login: 'sato', password: `wrong-${i}` });
      expect(result.ok ? '' : result.error.message).toBe('ID またはパスワードが違います。');
    }
    const locked = await browser.raw('console:signIn', { login: 'sato', password: 'right-password-1' });
    expect(locked.result.ok ? '' : locked.result.error.code).toBe('account_locked');
    expect(locked.result.ok ? '' : locked.result.error.message).toMatch(/しばらく使えません/);
    expect(browser.cookie).toBe('');
    later(16 * 60_000);
    await browser.signIn('sato', 'right-password-1');
    expect((await browser.call('console:session', {})).account.login).toBe('sato');
    // Every attempt, good or bad, is in the audit log under the ID tried.
    const audit = await admin.call('console:audit', { limit: 50 });
    expect(audit.filter((a) => a.login === 'sato' && a.action === 'サインイン（失敗）')).toHaveLength(6);
    expect(audit.some((a) => a.login === 'sato' && a.action === 'サインイン')).toBe(true);
  });

  it('answers an unknown ID exactly as a wrong password', async () => {
    const browser = new ConsoleSessionClient(s.url);
    const unknown = await browser.raw('console:signIn', { login: 'nobody', password: 'whatever-1234' });
    const wrong = await browser.raw('console:signIn', { login: 'admin', password: 'whatever-1234' });
    expect(unknown).toEqual(wrong);
  });

  it('ends a session at sign-out, after two idle hours, and when the account is disabled', async () => {
    const admin = new ConsoleSessionClient(s.url);
    await admin.signIn('admin', s.firstPassword);
    const viewer = new ConsoleSessionClient(s.url);
    await viewer.signIn('yamada', 'hidden-pass-1234');
    const cookie = viewer.cookie;
    await viewer.call('console:signOut', {});
    expect((await viewer.raw('console:stores', {}, { cookie })).status).toBe(401);

    await viewer.signIn('yamada', 'hidden-pass-1234');
    later(2 * 3_600_000 + 1000);
    expect((await viewer.raw('console:stores', {})).status).toBe(401);

    await admin.signIn('admin', s.firstPassword);
    await viewer.signIn('yamada', 'hidden-pass-1234');
    const [row] = (await admin.call('console:accounts', {})).filter((a) => a.login === 'yamada');
    await admin.call('console:updateAccount', { id: row!.id, disabled: true });
    expect((await viewer.raw('console:stores', {})).status).toBe(401);
    const again = await viewer.raw('console:signIn', { login: 'yamada', password: 'hidden-pass-1234' });
    expect(again.result.ok).toBe(false);
  });

  it('never lets the last 管理者 be demoted or disabled', async () => {
    const admin = new ConsoleSessionClient(s.url);
    await admin.signIn('admin', s.firstPassword);
    const accounts = await admin.call('console:accounts', {});
    for (const a of accounts.filter((x) => x.role === 'admin' && x.login !== 'admin'))
      await admin.call('console:updateAccount', { id: a.id, role: 'viewer' });
    const me = accounts.find((a) => a.login === 'admin')!;
    const { result } = await admin.raw('console:updateAccount', { id: me.id, disabled: true });
    expect(result.ok ? '' : result.error.message).toMatch(/最後の管理者/);
    expect((await admin.call('console:session', {})).account.role).toBe('admin');
  });
});
