import type BetterSqlite3 from 'better-sqlite3';
import type { Actor, Clock } from '../core/app-context.js';
import type { PendingFiles } from '../files/file-services.js';
import type { OrderQueries } from '../orders/queries.js';
import type { OrderImportPlan } from './import-plan.js';

/** What 注文取込 (F1) works with: the database, the clock, who imports, and the previews kept for 取込. */
export interface ImportParts {
  sqlite: BetterSqlite3.Database;
  clock: Clock;
  actor(): Actor;
  /** The order as it is now, for the merge of an order imported before. */
  orders: Pick<OrderQueries, 'get'>;
  /** Previews waiting for 取込, by preview id. */
  pending: PendingFiles<OrderImportPlan>;
}

/** What judging a file against the database reads. */
export type JudgeParts = Pick<ImportParts, 'sqlite' | 'orders'>;
