import type { AppEvent } from '../../src-shared/api/events.js';
import type { ClerkActivity } from './clerk-activity.js';
import type { Database } from '../db/open.js';
import type { SecretCipher } from '../settings/secret-cipher.js';
import type { Settings } from '../settings/settings.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Folders the services work with, given at boot: two apps in one process may differ. */
export interface AppPaths {
  /** Bundled assets (the PDF font): assets/ from source, the resources' assets/ when packaged. */
  assets: string;
  /** Where printed PDFs are kept when the settings name no folder (the user's documents). */
  documents: string;
}

/** Who does things on this PC: recorded in every history row (S2). */
export interface Actor {
  operator: string;
  storeId: string | null;
  pcId: string;
}

/**
 * The app's parts a service may be given, without the service objects themselves (those
 * are `ServiceContext.services`, core/context.ts): nothing is opened or read at import time.
 */
export interface AppContext {
  database: Database;
  clock: Clock;
  settings: Settings;
  /** Seals secrets kept in settings (the SMTP password). */
  secrets: SecretCipher;
  paths: AppPaths;
  actor(): Actor;
  emit(event: AppEvent): void;
  /** When the screens last called (noted by dispatch()). */
  activity: ClerkActivity;
  mode: 'electron' | 'browser';
  version: string;
  /**
   * Closes the database, runs `swap` (a restore puts a backup in place of the file), then
   * opens it again and replaces `database` and `services` on this same context object.
   */
  reopenDatabase(swap: () => void): void;
}
