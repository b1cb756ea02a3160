import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open.js';
import { createTestApp, MIGRATIONS, type TestApp } from '../../helpers/test-app.js';
import { insertOrders } from '../../helpers/orders.js';

const require = createRequire(import.meta.url);
const Driver = require('better-sqlite3') as typeof import('better-sqlite3');

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const sqlite = () => t.app.ctx.database.sqlite;
const folder = () => path.join(t.dir, 'backups');
const orderCount = (file: string) => {
  const db = new Driver(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
  } finally {
    db.close();
  }
};
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: Error & { code: string }) => e,
  );

describe('backups', () => {
  it('takes an online backup into backups/ that holds the orders, listed newest first', async () => {
    insertOrders(sqlite(), [{}, {}, {}]);
    const first = await t.call('backup:create', {});
    t.clock.advanceDays(1);
    insertOrders(sqlite(), [{}]);
    const second = await t.call('backup:create', {});
    expect(first).toMatchObject({
      reason: 'manual',
      name: expect.stringMatching(/^chumon-2026-11-27T01-00-00Z-manual\.sqlite$/),
    });
    expect(orderCount(path.join(folder(), first.name))).toBe(3);
    expect(orderCount(path.join(folder(), second.name))).toBe(4);
    const list = await t.call('backup:list', {});
    expect(list.folder).toBe(folder());
    expect(list.backups.map((b) => b.name)).toEqual([second.name, first.name]);
    expect(list.backups[0]!.bytes).toBe(statSync(path.join(folder(), second.name)).size);
  });

  it('keeps only the newest N backups (setting)', async () => {
    await t.call('backup:saveSettings', { keep: 3, daily: true });
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      names.push((await t.call('backup:create', {})).name);
      t.clock.advanceDays(1);
    }
    expect(readdirSync(folder()).sort()).toEqual(names.slice(2).sort());
  });

  it('refuses a keep count outside 1..365 with a Japanese message and keeps the setting', async () => {
    const err = await failure(t.call('backup:saveSettings', { keep: 0, daily: true }));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain('1 以上');
    expect(await t.call('backup:settings', {})).toEqual({ keep: 10, daily: true });
  });

  it('takes the daily backup once per 24 hours, and not at all when switched off', async () => {
    expect(await t.app.ctx.services.backup.dailyIfDue()).toMatchObject({ reason: 'daily' });
    t.clock.advanceDays(0.5);
    expect(await t.app.ctx.services.backup.dailyIfDue()).toBeNull();
    t.clock.advanceDays(0.6);
    expect(await t.app.ctx.services.backup.dailyIfDue()).toMatchObject({ reason: 'daily' });
    await t.call('backup:saveSettings', { keep: 10, daily: false });
    t.clock.advanceDays(2);
    expect(await t.app.ctx.services.backup.dailyIfDue()).toBeNull();
    expect(readdirSync(folder())).toHaveLength(2);
  });

  it('never lists a half-written backup and clears it on the next prune', async () => {
    mkdirSync(folder(), { recursive: true });
    writeFileSync(path.join(folder(), 'chumon-2026-11-26T01-00-00Z-daily.sqlite.partial'), 'half');
    expect((await t.call('backup:list', {})).backups).toEqual([]);
    await t.call('backup:create', {});
    expect(readdirSync(folder()).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});

describe('restore', () => {
  it('puts the backup in place, keeps a copy of the current data, and the running services use the restored database', async () => {
    const [a] = insertOrders(sqlite(), [{}, {}]);
    const backup = await t.call('backup:create', {});
    await t.call('operations:cancel', { orderIds: [a!], reason: 'テスト' });
    insertOrders(sqlite(), [{}]);
    t.clock.advanceDays(1);
    const events: unknown[] = [];
    t.app.subscribe((e) => events.push(e));
    const result = await t.call('backup:restore', { name: backup.name });
    expect(result.restored).toBe(backup.name);
    expect(result.safetyCopy).toMatch(/before_restore\.sqlite$/);
    expect(orderCount(path.join(folder(), result.safetyCopy))).toBe(3);
    // The same app object, through the contract: the old state is back.
    expect((await t.call('orders:counts', {})).new).toBe(2);
    const detail = await t.call('orders:get', { id: a! });
    expect(detail.order.status).toBe('new');
    // And it keeps working: a write goes into the restored database.
    await t.call('operations:cancel', { orderIds: [a!], reason: '復元後' });
    expect((await t.call('orders:counts', {})).cancelled).toBe(1);
    expect(events).toContainEqual({ type: 'orders:changed' });
  });

  it('restores an older-schema backup and migrates it on reopen', async () => {
    insertOrders(sqlite(), [{}]);
    const backup = await t.call('backup:create', {});
    const file = path.join(folder(), backup.name);
    const db = new Driver(file);
    db.pragma('user_version = 1');
    db.close();
    // A backup from version 1 passes validation; drizzle's own table decides what reruns.
    const result = await t.call('backup:restore', { name: backup.name });
    expect(result.restored).toBe(backup.name);
    expect(sqlite().pragma('user_version', { simple: true })).toBeGreaterThan(1);
    expect((await t.call('orders:counts', {})).new).toBe(1);
  });

  it('puts the current data back when the restored file passes the checks but will not open', async () => {
    insertOrders(sqlite(), [{}]);
    const backup = await t.call('backup:create', {});
    const db = new Driver(path.join(folder(), backup.name));
    // Intact for SQLite, but its migrations would all run again and fail on existing tables.
    db.exec('DELETE FROM __drizzle_migrations');
    db.pragma('user_version = 1');
    db.close();
    insertOrders(sqlite(), [{}, {}]);
    const err = await failure(t.call('backup:restore', { name: backup.name }));
    expect(err.code).toBe('restore_failed');
    expect(err.message).toContain('元のデータに戻しています');
    expect((await t.call('orders:counts', {})).new).toBe(3);
    insertOrders(sqlite(), [{}]);
    expect((await t.call('orders:counts', {})).new).toBe(4);
  });

  it('refuses a damaged backup: Japanese message, database unchanged, no copy taken', async () => {
    insertOrders(
      sqlite(),
      Array.from({ length: 300 }, () => ({})),
    );
    const backup = await t.call('backup:create', {});
    const file = path.join(folder(), backup.name);
    const fd = openSync(file, 'r+');
    const size = statSync(file).size;
    for (let offset = 4096 * 2; offset < size; offset += 4096 * 3)
      writeSync(fd, Buffer.alloc(200, 0xa5), 0, 200, offset + 100);
    closeSync(fd);
    insertOrders(sqlite(), [{}]);
    const err = await failure(t.call('backup:restore', { name: backup.name }));
    expect(err.code).toBe('backup_invalid');
    expect(err.message).toMatch(/壊れています|開けません/);
    expect((await t.call('orders:counts', {})).new).toBe(301);
    expect(readdirSync(folder()).filter((n) => n.includes('before_restore'))).toEqual([]);
  });

  it('refuses a backup from a newer Chumon and a file that is not a Chumon database', async () => {
    const newer = await t.call('backup:create', {});
    const db = new Driver(path.join(folder(), newer.name));
    db.pragma('user_version = 999');
    db.close();
    const tooNew = await failure(t.call('backup:restore', { name: newer.name }));
    expect(tooNew.code).toBe('backup_too_new');
    expect(tooNew.message).toContain('新しいバージョン');
    const foreignName = 'chumon-2026-11-20T01-00-00Z-manual.sqlite';
    const foreign = new Driver(path.join(folder(), foreignName));
    foreign.exec('CREATE TABLE notes (x)');
    foreign.close();
    const notOurs = await failure(t.call('backup:restore', { name: foreignName }));
    expect(notOurs.code).toBe('backup_invalid');
    expect(notOurs.message).toContain('Chumon のデータベースではありません');
  });

  it('accepts only a backup file name from the list: no paths', async () => {
    for (const name of [
      '../chumon.sqlite',
      '/etc/passwd',
      'chumon-2026-11-27T01-00-00Z-manual.sqlite/../../x',
      'chumon.sqlite',
    ]) {
      const err = await failure(t.call('backup:restore', { name }));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toContain('一覧から選んで');
    }
    const missing = await failure(t.call('backup:restore', { name: 'chumon-2020-01-01T00-00-00Z-manual.sqlite' }));
    expect(missing.code).toBe('backup_missing');
  });
});

/** A data folder whose database stands one migration behind this app, with two orders. */
function folderOneMigrationBehind(): { dir: string; version: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-migrate-'));
  const older = path.join(dir, 'older-migrations');
  cpSync(MIGRATIONS, older, { recursive: true });
  const journalFile = path.join(older, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries.pop();
  writeFileSync(journalFile, JSON.stringify(journal));
  const { sqlite: db } = openDatabase(path.join(dir, 'chumon.sqlite'), older);
  const insert = db.prepare(
    `INSERT INTO orders (channel, order_no, ordered_at, payment_method, created_at, updated_at)
     VALUES ('own', ?, '2026-11-20T00:00:00Z', 'bank_transfer', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z')`,
  );
  insert.run('OLD-1');
  insert.run('OLD-2');
  db.close();
  return { dir, version: journal.entries.length };
}

describe('backup before migration', () => {
  it('backs up an existing database before pending migrations run', () => {
    const { dir, version } = folderOneMigrationBehind();
    const app = createTestApp({ dir });
    try {
      const backups = readdirSync(path.join(dir, 'backups'));
      expect(backups).toEqual([expect.stringMatching(/-migration\.sqlite$/)]);
      const copy = new Driver(path.join(dir, 'backups', backups[0]!), { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(version);
      expect((copy.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n).toBe(2);
      copy.close();
      expect(app.app.ctx.database.sqlite.pragma('user_version', { simple: true })).toBe(version + 1);
    } finally {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes no backup of a brand-new database', () => {
    expect(existsSync(folder())).toBe(false);
  });

  it('does not migrate when the backup cannot be written, and says why', () => {
    const { dir, version } = folderOneMigrationBehind();
    try {
      writeFileSync(path.join(dir, 'backups'), 'a file where the folder should be');
      expect(() => createTestApp({ dir })).toThrow(/バックアップを作成できなかったため、更新を中止しました/);
      const after = new Driver(path.join(dir, 'chumon.sqlite'), { readonly: true });
      expect(after.pragma('user_version', { simple: true })).toBe(version);
      after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
