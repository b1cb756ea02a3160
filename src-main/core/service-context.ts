import type { AppEvent } from '../../src-shared/api/events.js';
import type { Database } from '../db/open.js';
import type { SecretCipher } from '../settings/secret-cipher.js';
import type { Settings } from '../settings/settings.js';
import { BackupService } from '../backup/service.js';
import { SyncRunner } from '../sync/runner.js';
import type { AppPaths, Clock } from './app-context.js';
import type { ServiceContext } from './context.js';
import { createServices } from './services.js';
import { ClerkActivity } from './clerk-activity.js';

interface ContextParts {
  /** The store database, open. */
  database: Database;
  /** Opens it again after a restore swapped its file. */
  open(): Database;
  settings: Settings;
  secrets: SecretCipher;
  clock: Clock;
  emit(event: AppEvent): void;
  paths: AppPaths;
  mode: ServiceContext['mode'];
  version: string;
}

/**
 * The composition root of one process's services: builds the app's one
 * sync runner and backup service (they outlive a reopened database) and every service once, and reopens both
 * after a restore swapped the file. The desktop app's writer and the host's reader lane
 * both start here; only the writer starts the runner.
 */
export function createServiceContext(parts: ContextParts): ServiceContext {
  const { database, open, settings, secrets, clock, emit, version } = parts;
  // Its warnings go to the console, which the running app copies into its log files (captureConsole).
  const sync = new SyncRunner({ settings, secrets, clock, emit, version, log: console, database: () => ctx.database });
  const actor = () => ({
    operator: settings.get('operator'),
    storeId: settings.get('storeId'),
    pcId: settings.get('pcId'),
  });
  const backup = new BackupService({
    settings,
    clock,
    database: () => ctx.database,
    reopenDatabase: (swap) => ctx.reopenDatabase(swap),
  });
  const serviceParts = {
    settings,
    secrets,
    clock,
    sync,
    backup,
    version,
    mode: parts.mode,
    paths: parts.paths,
    actor,
    emit,
  };
  const ctx: ServiceContext = {
    database,
    services: createServices(database, serviceParts),
    clock,
    settings,
    secrets,
    paths: parts.paths,
    mode: parts.mode,
    version,
    actor,
    emit,
    activity: new ClerkActivity(),
    reopenDatabase(swap) {
      ctx.database.sqlite.close();
      try {
        swap();
      } finally {
        ctx.database = open();
        ctx.services = createServices(ctx.database, serviceParts);
      }
    },
  };
  return ctx;
}
