import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppEvent } from '../../src-shared/api/events.js';
import { systemClock, type Clock } from '../core/app-context.js';
import type { ServiceContext } from '../core/context.js';
import { createServiceContext } from '../core/service-context.js';
import { ensureDefaultMasters } from '../db/defaults.js';
import { openDatabase, type Database } from '../db/open.js';
import { backupBeforeMigration, backupSettings } from '../backup/service.js';
import { createFileKeyCipher, type SecretCipher } from '../settings/secret-cipher.js';
import { startPiiPurge } from '../privacy/purge.js';
import type { Settings } from '../settings/settings.js';
import { makePrivateDir, makePrivateTree } from '../../src-node/private-files.js';
import { SOURCE_ROOT } from './paths.js';
import { captureConsole, createFileLogger } from '../logs/file-logger.js';
import { logDir } from '../logs/logger.js';
import { preloadPostalData } from '../../src-node/postal-code-check.js';
import { warmDatabaseFile } from '../db/page-cache-warmer.js';

export interface BootOptions {
  dataDir: string;
  migrationsFolder: string;
  settings: Settings;
  mode: ServiceContext['mode'];
  version: string;
  clock?: Clock;
  /** Path of a better-sqlite3 addon built for Electron's ABI (npm start only). */
  nativeBinding?: string;
  /** Electron passes its safeStorage cipher; elsewhere a key file in the data folder. */
  secrets?: SecretCipher;
  /** Bundled assets (PDF font); default the repository's assets/ (running from source). */
  assetsDir?: string;
  /** Default folder for printed PDFs; default `documents` inside the data folder. */
  documentsDir?: string;
  /**
   * The daily backup check, the S3 purge and the start-up read of the database file run in
   * the background: the real app (Electron, browser mode) starts them (the default). Tests
   * and benches pass false unless they are what they test, so no purge or backup runs in the
   * middle of what they check or measure.
   */
  backgroundTimers?: boolean;
}

export interface App {
  ctx: ServiceContext;
  /** Subscribe to events for the renderer; returns the unsubscribe function. */
  subscribe(listener: (event: AppEvent) => void): () => void;
  close(): void;
}

export const DB_FILE_NAME = 'chumon.sqlite';

export function readVersion(root: string): string {
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Opens the database (backing it up before any migration) and fills missing masters. */
function openStore(options: BootOptions): Database {
  const clock = options.clock ?? systemClock;
  const file = path.join(options.dataDir, DB_FILE_NAME);
  const database = openDatabase(file, options.migrationsFolder, options.nativeBinding, {
    beforeMigrate: (sqlite) => void backupBeforeMigration(sqlite, file, clock.now(), backupSettings(options).keep),
  });
  ensureDefaultMasters(database.sqlite);
  return database;
}

/** Opens the store database in the data folder and wires the services. Same for both modes. */
export function bootApp(options: BootOptions): App {
  makePrivateDir(options.dataDir);
  const database = openStore(options);
  // Buyers' personal data, the sealed secrets' key: the data folder is its owner's only.
  makePrivateTree(options.dataDir);
  const listeners = new Set<(event: AppEvent) => void>();
  const { settings } = options;
  const clock = options.clock ?? systemClock;
  const secrets = options.secrets ?? createFileKeyCipher(options.dataDir);
  const emit = (event: AppEvent) => {
    for (const listener of listeners) listener(event);
  };
  const ctx = createServiceContext({
    database,
    open: () => openStore(options),
    settings,
    secrets,
    clock,
    emit,
    paths: {
      assets: options.assetsDir ?? path.join(SOURCE_ROOT, 'assets'),
      // Inside the data folder: one per app and per data folder, never shared between installs.
      documents: options.documentsDir ?? path.join(options.dataDir, 'documents'),
    },
    mode: options.mode,
    version: options.version,
  });
  const { sync } = ctx.services;
  // Live sync when a central server is configured (asked for by configuring one).
  sync.startLive();
  const stopBackground = [() => sync.stopLive()];
  if (options.backgroundTimers !== false) {
    // The real app logs to rotating, redacted files (logs/chumon-YYYY-MM-DD.log) what it
    // reports as warnings and errors, for 「ログを本部へ送信」.
    const log = createFileLogger({ dir: logDir(options.dataDir), clock });
    log.info(`Chumon ${options.version} (${options.mode}) を起動しました`);
    stopBackground.push(captureConsole(log));
    stopBackground.push(
      ctx.services.backup.scheduleDaily((message, err) => console.error(message, err)),
      // The daily S3 purge of buyer data.
      startPiiPurge(ctx),
      preloadPostalData(),
    );
    // The day's first changes find the database's pages in memory, not scattered on disk.
    const warming = warmDatabaseFile(database.file);
    stopBackground.push(() => warming.stop());
    void warming.done.then(({ bytes, ms, skipped }) => {
      if (skipped === 'too_large') log.info('データベースがメモリに比べて大きいため、起動時の先読みを省きました');
      else if (!skipped)
        log.info(`データベースを先読みしました（${Math.round(bytes / 1e6)} MB、${(ms / 1000).toFixed(1)} 秒）`);
    });
  }
  return {
    ctx,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      for (const stop of stopBackground) stop();
      ctx.database.sqlite.close();
    },
  };
}
