import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SOURCE_ROOT } from '../../../src-main/app/paths.js';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let root: string;
const apps: TestApp[] = [];
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'chumon-paths-'));
});
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
  rmSync(root, { recursive: true, force: true });
});

/** An app of its own, with the folders it was booted with, and one paid order to print. */
function store(assetsDir: string, docs: string): { t: TestApp; ids: number[]; docs: string } {
  const t = createTestApp({ boot: { assetsDir, documentsDir: docs } });
  apps.push(t);
  t.app.ctx.database.sqlite.prepare("INSERT INTO stores (id, name) VALUES ('tokyo', '東京本店')").run();
  const ids = insertOrders(t.app.ctx.database.sqlite, [{ initial: { status: 'paid' } }]);
  return { t, ids, docs };
}

it('two apps in one process each print with their own assets and keep PDFs in their own documents folder', async () => {
  const a = store(path.join(SOURCE_ROOT, 'assets'), path.join(root, 'A-docs'));
  const noFontsDir = path.join(root, 'no-assets');
  mkdirSync(noFontsDir);
  const b = store(noFontsDir, path.join(root, 'B-docs'));

  // No documents folder in the settings: each app's own default from its boot.
  expect((await a.t.call('printing:settings', {})).defaultDocumentsDir).toBe(a.docs);
  expect((await b.t.call('printing:settings', {})).defaultDocumentsDir).toBe(b.docs);
  const printed = await a.t.call('printing:run', { kind: 'picking', orderIds: a.ids, output: 'pdf' });
  expect(path.dirname(printed.filePath)).toBe(a.docs);
  expect(readdirSync(a.docs)).toEqual([printed.fileName]);

  // B was booted without fonts: B says so and keeps nothing; A, booted first, is not affected.
  await expect(b.t.call('printing:run', { kind: 'picking', orderIds: b.ids, output: 'pdf' })).rejects.toThrow(
    /PDF 用の日本語フォント「.*BIZUDPGothic-Regular\.ttf」が見つかりません/,
  );
  expect(existsSync(b.docs)).toBe(false);
  expect(b.t.app.ctx.database.sqlite.prepare('SELECT count(*) FROM print_jobs').pluck().get()).toBe(0);
  const again = await a.t.call('printing:run', { kind: 'delivery_note', orderIds: a.ids, output: 'pdf' });
  expect(path.dirname(again.filePath)).toBe(a.docs);
});
