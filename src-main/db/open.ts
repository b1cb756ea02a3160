import { readFileSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { UserError } from '../../src-shared/api/errors.js';
import { restoreDeferredIndexes } from './bulk-load.js';
import { connect, loadSqliteDriver } from './driver.js';
import * as schema from './schema/index.js';
import { registerSearchFunctions } from '../search/sql-functions.js';
import { registerBundleFunctions } from '../bundle/sql-functions.js';

type Db = BetterSQLite3Database<typeof schema>;

export interface Database {
  sqlite: BetterSqlite3.Database;
  db: Db;
  file: string;
}

function migrationCount(migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

interface OpenHooks {
  /** Runs before pending migrations touch an existing database (the app backs it up here). */
  beforeMigrate?(sqlite: BetterSqlite3.Database, from: number, to: number): void;
}

/**
 * Opens (creating if needed) the store database, applies pending migrations and refuses a
 * database written by a newer Chumon: its schema version is PRAGMA user_version.
 */
export function openDatabase(
  file: string,
  migrationsFolder: string,
  nativeBinding?: string,
  hooks: OpenHooks = {},
): Database {
  const Driver = loadSqliteDriver(nativeBinding);
  const sqlite = connect(Driver, file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // A store PC's database reaches a million orders: keep hot index pages in memory.
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('mmap_size = 268435456');
    // The search index's triggers (and the migration that fills it) call these.
    registerSearchFunctions(sqlite);
    registerBundleFunctions(sqlite);
    const known = migrationCount(migrationsFolder);
    const current = sqlite.pragma('user_version', { simple: true }) as number;
    if (current > known) {
      throw new UserError(
        `このデータベースは新しいバージョンの Chumon で作成されています（スキーマ ${current}、このアプリは ${known} まで）。Chumon を最新版に更新してから開いてください。データは変更していません。`,
        'db_too_new',
      );
    }
    // A bulk load killed mid-way left its indexes dropped: build them before migrations or queries need them.
    if (current > 0) restoreDeferredIndexes(sqlite);
    const db = drizzle(sqlite, { schema });
    if (current < known) {
      if (current > 0) hooks.beforeMigrate?.(sqlite, current, known);
      migrate(db, { migrationsFolder });
      sqlite.pragma(`user_version = ${known}`);
    }
    return { sqlite, db, file };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
