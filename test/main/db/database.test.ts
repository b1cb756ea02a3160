import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open.js';
import { seedDemo } from '../../../src-main/demo/seed.js';
import { ensureDefaultMasters } from '../../../src-main/db/defaults.js';
import { MIGRATIONS } from '../../helpers/test-app.js';

const require = createRequire(import.meta.url);
const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-db-'));
  dirs.push(dir);
  return path.join(dir, 'chumon.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('store database', () => {
  it('creates the schema in WAL mode and records its version', () => {
    const { sqlite } = openDatabase(tempFile(), MIGRATIONS);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    sqlite.close();
  });

  it('opens an existing database again without re-running migrations', () => {
    const file = tempFile();
    const first = openDatabase(file, MIGRATIONS);
    ensureDefaultMasters(first.sqlite);
    seedDemo(first.sqlite, { orders: 50, now: new Date('2026-11-27T00:00:00Z') });
    first.sqlite.close();
    const second = openDatabase(file, MIGRATIONS);
    expect(second.sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 50 });
    second.sqlite.close();
  });

  it('refuses a database written by a newer version, with a clear Japanese message, and leaves it alone', () => {
    const file = tempFile();
    const { sqlite } = openDatabase(file, MIGRATIONS);
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    sqlite.pragma(`user_version = ${version + 1}`);
    sqlite.close();
    expect(() => openDatabase(file, MIGRATIONS)).toThrow(/新しいバージョンの Chumon/);
    const Driver = require('better-sqlite3') as typeof import('better-sqlite3');
    const raw = new Driver(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(version + 1);
    raw.close();
  });

  const plans: [string, string, string | RegExp][] = [
    [
      'tab rows by status',
      "SELECT id FROM orders WHERE status = 'new' ORDER BY ordered_at DESC, id DESC LIMIT 100",
      'orders_status_ordered_idx',
    ],
    [
      'a tab by total at any depth',
      "SELECT id FROM orders WHERE status = 'new' ORDER BY total DESC, id DESC LIMIT 100 OFFSET 50000",
      /COVERING INDEX orders_status_total_idx(?![\s\S]*TEMP B-TREE)/,
    ],
    [
      'a tab by number at any depth',
      "SELECT id FROM orders WHERE status = 'new' ORDER BY order_no, id LIMIT 100 OFFSET 50000",
      /COVERING INDEX orders_status_order_no_idx(?![\s\S]*TEMP B-TREE)/,
    ],
    [
      'mail unsent tab by total',
      'SELECT id FROM orders WHERE mail_due = 1 ORDER BY total, id LIMIT 100 OFFSET 50000',
      /COVERING INDEX orders_mail_due_total_idx(?![\s\S]*TEMP B-TREE)/,
    ],
    [
      'mail unsent tab',
      'SELECT id FROM orders WHERE mail_due = 1 ORDER BY ordered_at DESC LIMIT 100',
      'orders_mail_due_idx',
    ],
    [
      'unpaid reminders',
      "SELECT count(*) FROM orders WHERE needs_payment = 1 AND (status IN ('new', 'stock_confirmed') OR status = 'out_of_stock') AND ordered_at < '2026-11-01'",
      /orders_unpaid_idx|orders_status_ordered_idx/,
    ],
    [
      'order form reminders',
      "SELECT count(*) FROM orders WHERE order_form_done = 0 AND status NOT IN ('shipped', 'cancelled') AND ordered_at < '2026-11-01'",
      'orders_form_unfilled_idx',
    ],
    ['lookup by order number', "SELECT id FROM orders WHERE order_no = 'x'", 'orders_order_no_idx'],
    ['lookup by tracking number', "SELECT id FROM orders WHERE tracking_no = 'x'", 'orders_tracking_idx'],
    ['items of an order', 'SELECT * FROM order_items WHERE order_id = 1 ORDER BY line_no', 'order_items_order_line_uq'],
    ['history of an order', 'SELECT * FROM order_history WHERE order_id = 1 ORDER BY id', 'order_history_order_idx'],
    ['pending outbox', "SELECT * FROM sync_outbox WHERE state = 'pending' ORDER BY seq", 'sync_outbox_state_idx'],
  ];
  it.each(plans)('the query for %s uses its index', (_name, query, index) => {
    const { sqlite } = openDatabase(tempFile(), MIGRATIONS);
    const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(index);
    expect(plan).not.toMatch(/SCAN orders(?! USING)/);
    sqlite.close();
  });

  it('a bulk seed into an empty database leaves every index as the migrations made it', () => {
    const { sqlite } = openDatabase(tempFile(), MIGRATIONS);
    ensureDefaultMasters(sqlite);
    const indexes = () =>
      sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
    const before = indexes();
    seedDemo(sqlite, { orders: 300, now: new Date('2026-11-27T00:00:00Z') });
    expect(indexes()).toEqual(before);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
  });

  it('keeps the tab counts right through inserts, status changes and deletes', () => {
    const { sqlite } = openDatabase(tempFile(), MIGRATIONS);
    ensureDefaultMasters(sqlite);
    seedDemo(sqlite, { orders: 500, now: new Date('2026-11-27T00:00:00Z') });
    sqlite.prepare("UPDATE orders SET status = 'cancelled', mail_pending = 0 WHERE id % 7 = 0").run();
    sqlite.prepare('DELETE FROM orders WHERE id % 11 = 0').run();
    const counted = Object.fromEntries(
      (
        sqlite.prepare('SELECT status, count(*) AS n FROM orders GROUP BY status').all() as {
          status: string;
          n: number;
        }[]
      ).map((r) => [r.status, r.n]),
    );
    const kept = Object.fromEntries(
      (sqlite.prepare('SELECT tab, n FROM tab_counts').all() as { tab: string; n: number }[]).map((r) => [r.tab, r.n]),
    );
    for (const [status, n] of Object.entries(counted)) expect(kept[status]).toBe(n);
    expect(kept.mail_unsent).toBe(
      (sqlite.prepare('SELECT count(*) AS n FROM orders WHERE mail_pending = 1').get() as { n: number }).n,
    );
    sqlite.close();
  });
});
