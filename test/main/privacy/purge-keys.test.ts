import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { purgeLocalPii, startPiiPurge } from '../../../src-main/privacy/purge.js';
import { insertOrders } from '../../helpers/orders.js';
import { dueAmazonOrders, shippedLongAgo } from '../../helpers/purge.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
afterEach(() => t.close());

it('finds every due order’s snapshot and kept documents within one chunk, deleting a shared file once', () => {
  t = createTestApp();
  const sqlite = t.app.ctx.database.sqlite;
  const [a, b, notDue] = insertOrders(sqlite, [
    {
      order: {
        channel: 'amazon',
        orderNo: '503-0000001-0000001',
        buyer: { name: '佐藤 花子', kana: 'サトウ', email: 'a@marketplace.amazon.co.jp', phone: '03-1111-1111' },
      },
      initial: shippedLongAgo,
    },
    {
      order: {
        channel: 'amazon',
        orderNo: '503-0000002-0000002',
        buyer: { name: '鈴木 一郎', kana: 'スズキ', email: 'b@marketplace.amazon.co.jp', phone: '03-2222-2222' },
      },
      initial: shippedLongAgo,
    },
    { order: { channel: 'amazon', orderNo: '503-0000003-0000003' }, initial: { status: 'paid' } },
  ]);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-docs-'));
  const file = (name: string) => {
    const full = path.join(dir, name);
    writeFileSync(full, '%PDF-1.4');
    return full;
  };
  const both = file('picking-both.pdf');
  const onlyB = file('note-b.pdf');
  const other = file('picking-other.pdf');
  const job = sqlite.prepare(
    `INSERT INTO print_jobs (kind, file_name, file_path, printer, pages, bytes, order_ids, order_count, created_at, actor)
     VALUES ('picking', 'x.pdf', ?, NULL, 1, 10, ?, 1, '2026-08-30T00:00:00.000Z', 'テスト')`,
  );
  job.run(both, JSON.stringify([a, notDue, b]));
  job.run(onlyB, JSON.stringify([b]));
  job.run(other, JSON.stringify([notDue]));
  const snapshot = sqlite.prepare(
    `INSERT INTO import_records (channel, order_no, order_id, snapshot, source, imported_at) VALUES ('amazon', ?, ?, ?, 'amazon.txt', '2026-08-30T00:00:00.000Z')`,
  );
  snapshot.run('503-0000001-0000001', a, JSON.stringify({ buyerName: '佐藤 花子' }));
  snapshot.run('503-0000002-0000002', b, JSON.stringify({ buyerName: '鈴木 一郎', phone: '03-2222-2222' }));
  snapshot.run('503-0000003-0000003', notDue, JSON.stringify({ buyerName: '山田 太郎' }));

  const result = purgeLocalPii(sqlite, t.clock.now(), t.app.ctx.actor(), [dir]);

  expect(result.orders).toBe(2);
  expect(result.files.sort()).toEqual([both, onlyB].sort());
  expect([existsSync(both), existsSync(onlyB), existsSync(other)]).toEqual([false, false, true]);
  const reason = (id: number) =>
    sqlite
      .prepare("SELECT reason FROM order_history WHERE order_id = ? AND kind = 'pii_purge'")
      .pluck()
      .get(id) as string;
  expect(reason(a!)).toContain('保存書類 1件を削除');
  expect(reason(b!)).toContain('保存書類 2件を削除');
  const snap = (id: number) => sqlite.prepare('SELECT snapshot FROM import_records WHERE order_id = ?').pluck().get(id);
  expect([snap(a!), snap(b!), snap(notDue!)]).toEqual([
    JSON.stringify({ buyerName: '' }),
    JSON.stringify({ buyerName: '', phone: '' }),
    JSON.stringify({ buyerName: '山田 太郎' }),
  ]);
});

it('the scheduled purge commits in small steps and rests between them', async () => {
  t = createTestApp();
  const sqlite = t.app.ctx.database.sqlite;
  const purged = dueAmazonOrders(sqlite, 1000);
  const stop = startPiiPurge(t.app.ctx, 86_400_000);
  await expect.poll(purged, { timeout: 10_000, interval: 1 }).toBeGreaterThan(0);
  // Seen in the rest after the first step: one small step of 20, not a chunk of 500 or all at once.
  expect(purged()).toBe(20);
  await expect.poll(purged, { timeout: 15_000 }).toBe(1000);
  stop();
});
