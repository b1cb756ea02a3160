import type BetterSqlite3 from 'better-sqlite3';
import type { RejectedRow } from '../../src-shared/api/imports.js';
import type { Channel } from '../../src-shared/domain/channels.js';
import type { ParsedOrder } from '../../src-shared/order-files/parse-orders.js';
import type { ImportedValues, MergePlan } from './merge.js';

/** What an import does to one order of the file, judged against the database. */
export type Verdict =
  | { kind: 'new' }
  | { kind: 'update'; id: number; plan: MergePlan; theirs: ImportedValues; snapshot: string }
  | { kind: 'unchanged'; id: number; note: string; snapshot: string | null };

/** The preview's verdicts, with the connection and the database state they were judged on. */
export interface Judged {
  connection: BetterSqlite3.Database;
  state: string;
  verdicts: Verdict[];
}

/** What the preview found, kept until the clerk presses 取込 (see PendingFiles). */
export interface OrderImportPlan {
  layout: string;
  channel: Channel;
  orders: ParsedOrder[];
  rejected: RejectedRow[];
  /** What the preview showed for each order, reused by the commit when nothing changed since. */
  judged: Judged;
}
