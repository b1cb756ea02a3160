import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { WINDOW } from '../../../src-main/mail/batch.js';
import { insertOrders } from '../../helpers/orders.js';
import { createRng, testSeed } from '../../helpers/prng.js';
import { configureMail } from '../../helpers/mail.js';
import { TestSmtpServer } from '../../helpers/smtp.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'batch-child.ts');
const ORDERS = 300;

let smtp: TestSmtpServer | null = null;
let dir = '';
afterEach(async () => {
  await smtp?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Kill = { atMessage: number } | { afterMs: number } | null;

/** Runs one batch in a child process; kills it with SIGKILL at a message or after a delay. */
function runChild(kill: Kill, onMessage: { hook: ((n: number) => void) | null }): Promise<'killed' | 'completed'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let seenAtStart = smtp!.seen.length;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line !== 'sending' || !kill) return;
      seenAtStart = smtp!.seen.length;
      if ('afterMs' in kill) setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    });
    // Killed while the server holds a complete message: the worst moment, the mail did arrive.
    onMessage.hook =
      kill && 'atMessage' in kill ? (n) => n - seenAtStart === kill.atMessage && child.kill('SIGKILL') : null;
    child.on('exit', (code, signal) => {
      onMessage.hook = null;
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('completed');
      else reject(new Error(`child failed (${code}): ${stderr}`));
    });
  });
}

it('a batch SIGKILLed mid-send and restarted never delivers a mail twice', { timeout: 120_000 }, async () => {
  const onMessage: { hook: ((n: number) => void) | null } = { hook: null };
  smtp = await TestSmtpServer.start({
    verdict: (n) => {
      onMessage.hook?.(n);
      return 'accept';
    },
  });
  let t: TestApp = createTestApp({ clock: new TestClock() });
  dir = t.dir;
  await configureMail(t, smtp.port);
  insertOrders(
    t.app.ctx.database.sqlite,
    Array.from({ length: ORDERS }, (_, i) => ({
      order: {
        orderNo: `K-${String(i).padStart(4, '0')}`,
        buyer: { name: `購入者${i}`, kana: '', email: `k${i}@example.jp`, phone: '' },
      },
      initial: { status: 'paid' as const },
    })),
  );
  t.app.close();

  const rng = createRng(testSeed('mail crash'));
  const kills: Kill[] = [
    { atMessage: 40 },
    { afterMs: rng.int(150, 399) },
    { atMessage: 25 },
    { afterMs: rng.int(100, 299) },
  ];
  let killed = 0;
  for (const kill of kills) if ((await runChild(kill, onMessage)) === 'killed') killed += 1;
  expect(await runChild(null, onMessage)).toBe('completed');
  expect(killed).toBeGreaterThanOrEqual(3);

  // What reached the server, whatever it answered: each order at most once.
  const parsed = await Promise.all(smtp.seen.map((m) => smtp!.parse(m)));
  const arrived = parsed.map((p) => /注文番号 (K-\d+)）/.exec(p.subject ?? '')?.[1]);
  const counts = new Map<string, number>();
  for (const no of arrived) counts.set(no!, (counts.get(no!) ?? 0) + 1);
  expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);

  t = createTestApp({ dir, clock: new TestClock() });
  const rows = t.app.ctx.database.sqlite
    .prepare('SELECT o.order_no AS orderNo, l.result FROM mail_log l JOIN orders o ON o.id = l.order_id')
    .all() as { orderNo: string; result: string }[];
  t.app.close();
  const unknown = rows.filter((r) => r.result === 'unknown').map((r) => r.orderNo);
  const sent = rows.filter((r) => r.result === 'sent').map((r) => r.orderNo);
  // Every order was either sent exactly once or is waiting for the clerk as "unknown".
  expect(new Set([...sent, ...unknown]).size).toBe(ORDERS);
  expect(sent.length + unknown.length).toBe(ORDERS);
  for (const no of sent) expect(counts.get(no)).toBe(1);
  for (const no of unknown) expect(counts.get(no) ?? 0).toBeLessThanOrEqual(1);
  // Only sends in flight at a kill, or finished but not yet written, can be unknown.
  expect(unknown.length).toBeLessThanOrEqual(killed * 2 * WINDOW);
  expect(rows.some((r) => r.result === 'pending')).toBe(false);
});
