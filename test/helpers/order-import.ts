import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ImportPreview } from '../../src-shared/api/imports.js';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import { registerBundleFunctions } from '../../src-main/bundle/sql-functions.js';
import { registerSearchFunctions } from '../../src-main/search/sql-functions.js';
import { sjis, upload, yahooCombined, type FileOrder } from './order-files.js';
import { useTestApp } from './use-test-app.js';

const FIXTURES = path.join(SOURCE_ROOT, 'test', 'fixtures');

/** A file of test/fixtures as the import screen uploads it. */
export const fixture = (name: string) => upload(name, readFileSync(path.join(FIXTURES, name)));

/**
 * A fresh app for each test of the file (useTestApp), its PC belonging to store `storeId`,
 * and the readings an order-import test needs.
 */
export function useImportApp(storeId = 'osaka') {
  const t = useTestApp((app) => app.app.ctx.settings.set('storeId', storeId));

  const db = () => t.app.ctx.database.sqlite;
  const count = (table: string) => db().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  /** Everything an import may touch, to prove that a refused or repeated import changed nothing. */
  const state = () => ({
    orders: count('orders'),
    items: count('order_items'),
    history: count('order_history'),
    outbox: count('sync_outbox'),
    records: count('import_records'),
    snapshots: db().prepare('SELECT group_concat(snapshot) FROM import_records').pluck().get(),
    versions: db().prepare('SELECT coalesce(sum(version), 0) FROM orders').pluck().get(),
    updated: db().prepare('SELECT max(updated_at) FROM orders').pluck().get(),
  });

  async function preview(
    files: ReturnType<typeof upload>[],
    channel: 'yahoo_auction' | 'yahoo_shopping' = 'yahoo_shopping',
  ): Promise<ImportPreview> {
    const result = await t.call('imports:preview', { files, channel });
    if (result.kind !== 'preview') throw new Error(`expected a preview, got ${result.kind}`);
    return result;
  }

  const row = (no: string) =>
    db()
      .prepare('SELECT id, ship_address1, shipping_fee, total, version FROM orders WHERE order_no = ?')
      .get(no) as Record<string, unknown>;

  const previewOrders = (orders: FileOrder[]) => preview([upload('orders.csv', sjis(yahooCombined(orders)))]);

  async function importFile(orders: FileOrder[]): Promise<void> {
    await t.call('imports:commit', { previewId: (await previewOrders(orders)).previewId });
  }

  /** A second connection to the same file, as another process (or the sync) would have. */
  function otherConnection(): Database.Database {
    const other = new Database(t.app.ctx.database.file);
    registerSearchFunctions(other);
    registerBundleFunctions(other);
    return other;
  }

  return { t, db, count, state, preview, row, previewOrders, importFile, otherConnection };
}
