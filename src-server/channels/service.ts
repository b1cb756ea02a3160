import type { Hono } from 'hono';
import type { ServerDb } from '../db/open.js';
import { ChannelAccounts } from './accounts.js';
import { channelRoutes } from './routes.js';
import { ChannelScheduler, DEFAULT_SCHEDULER, type SchedulerOptions } from './scheduler.js';
import { CredentialVault } from './vault.js';

export interface ChannelsOptions {
  db: ServerDb;
  clock: { now(): Date };
  /** Tells the store PCs something changed (new orders, 出荷通知 states). */
  notify: () => void;
  /** The key file sealing channel credentials, outside the database. */
  keyFile: string | null;
  scheduler?: Partial<SchedulerOptions>;
}

export interface Channels {
  accounts: ChannelAccounts;
  scheduler: ChannelScheduler;
  routes: Hono;
  start(): void;
  stop(): Promise<void>;
}

/** The channels part of the central server, built in one place: accounts, scheduler, admin routes. */
export function createChannels(options: ChannelsOptions): Channels {
  const accounts = new ChannelAccounts(options.db, new CredentialVault(options.keyFile));
  const scheduler = new ChannelScheduler(options.db, accounts, options.clock, options.notify, {
    ...DEFAULT_SCHEDULER,
    ...options.scheduler,
  });
  return {
    accounts,
    scheduler,
    routes: channelRoutes({ db: options.db, accounts, scheduler, clock: options.clock, notify: options.notify }),
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
  };
}
