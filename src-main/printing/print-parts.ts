import type BetterSqlite3 from 'better-sqlite3';
import type { Actor, AppPaths, Clock } from '../core/app-context.js';
import type { OrderQueries } from '../orders/queries.js';
import type { Settings } from '../settings/settings.js';
import type { Printer } from './printer.js';

/** What 印刷 (E8) works with: the database, the settings, the folders, who prints, and the print system. */
export interface PrintParts {
  sqlite: BetterSqlite3.Database;
  settings: Settings;
  paths: AppPaths;
  clock: Clock;
  actor(): Actor;
  orders: Pick<OrderQueries, 'get' | 'getMany'>;
  /** The print system, read at each use (a test puts another in its place). */
  printer(): Printer;
}
