import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../src-main/app/bootstrap.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { createTestApp, MIGRATIONS, type TestApp } from '../../helpers/test-app.js';
import { migrationsUpTo, migrationTags } from '../../helpers/migrations.js';
import { fillOldDatabase, snapshot, tableColumns } from './old-versions.js';

/**
 * A store PC updated from any earlier version keeps its data: for every schema version k
 * the store database has had, a database made by the first k migrations and filled in that
 * version's shape is upgraded to the latest, keeps every row it had, and the app opens it
 * and works on it.
 */
const TAGS = migrationTags(MIGRATIONS);

let dir = '';
let t: TestApp | null = null;
afterEach(() => {
  t?.close();
  t = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('upgrading a store database of every earlier version', () => {
  it.each(TAGS.slice(0, -1).map((tag, i) => [i + 1, tag] as const))(
    'version %i (up to %s): every row survives and the app works on it',
    async (k) => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-upgrade-'));
      const file = path.join(dir, 'data', DB_FILE_NAME);
      mkdirSync(path.dirname(file));
      const old = openDatabase(file, migrationsUpTo(MIGRATIONS, k, path.join(dir, `migrations-${k}`)));
      expect(old.sqlite.pragma('user_version', { simple: true })).toBe(k);
      fillOldDatabase(old.sqlite);
      const columns = tableColumns(old.sqlite);
      const before = snapshot(old.sqlite, columns);
      old.sqlite.close();

      const upgraded = openDatabase(file, MIGRATIONS);
      const { sqlite } = upgraded;
      expect(sqlite.pragma('user_version', { simple: true })).toBe(TAGS.length);
      expect(snapshot(sqlite, columns)).toEqual(before);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      // The tab counts (kept by triggers) agree with the orders.
      const counted = sqlite.prepare('SELECT status AS tab, count(*) AS n FROM orders GROUP BY status').all();
      for (const { tab, n } of counted as { tab: string; n: number }[])
        expect(sqlite.prepare('SELECT n FROM tab_counts WHERE tab = ?').pluck().get(tab), tab).toBe(n);
      sqlite.close();

      t = createTestApp({ dir: path.dirname(file) });
      const counts = await t.call('orders:counts', {});
      // The old Amazon order's 発送完了メール never went out, but the default メール方針 sends
      // Amazon buyers none: the upgraded app leaves it out of メール未送信.
      expect(counts).toMatchObject({ new: 2, stock_confirmed: 1, shipped: 1, cancelled: 1, mail_unsent: 0 });
      const listed = await t.call('orders:list', { tab: 'new' });
      expect(listed.rows.map((r) => r.orderNo).sort()).toEqual(['OLD-1', 'OLD-5']);
      // F5 finds old orders by a fragment of the buyer's name, in kana too.
      for (const buyer of ['山田', 'やまだ'])
        expect((await t.call('orders:list', { criteria: { buyer } })).total, buyer).toBe(5);
      const shipped = await t.call('orders:get', { id: 2 });
      expect(shipped.order).toMatchObject({ status: 'shipped', trackingNo: '1234-5678-9012' });
      expect(shipped.history.map((h) => [h.from, h.to, h.actor])).toContainEqual(['new', 'shipped', '旧版担当']);
      expect((await t.call('orders:get', { id: 1 })).order.staffComment).toBe('ギフト包装');
      const mails = await t.call('mail:orderMails', { orderId: 4 });
      expect(mails.rows.map((m) => [m.kind, m.result])).toEqual([['stock_confirmed', 'sent']]);
      // F11 on the old orders reserves on top of what the old version had reserved.
      const bundled = columns.has('bundle_members');
      const check = await t.call('stock:check', { orderIds: [1] });
      expect(check.applied).toBe(bundled ? 2 : 1);
      const stock = t.app.ctx.database.sqlite.prepare('SELECT reserved FROM stock WHERE sku = ?').pluck();
      expect(stock.get('A-1')).toBe(columns.has('stock_reservations') ? 2 : 1);
      expect(stock.get('B-2')).toBe(bundled ? 1 : 0);
      if (columns.has('print_marks'))
        expect((await t.call('printing:marks', { orderIds: [1] })).printed.picking).toBe(1);
      if (columns.has('mail_templates')) {
        const templates = await t.call('mail:templates', {});
        expect(templates.find((m) => m.kind === 'shipped')!.subject).toBe('【東京店】発送しました（旧版で編集）');
      }
    },
  );
});
