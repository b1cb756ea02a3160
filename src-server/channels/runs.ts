import { sql } from 'drizzle-orm';
import type { ChannelRunRow } from '../../src-shared/console/channels.js';
import { jsonRows, type ServerDb } from '../db/open.js';

/** What one run did, as the scheduler knows it at its end. */
interface RunRecord {
  accountId: number;
  startedAt: Date;
  finishedAt: Date;
  onDemand: boolean;
  fetched: { pages: number; created: number; changed: number; conflicts: number };
  notices: { sent: number; refused: number };
  state: string;
  message: string;
}

/** How many of its latest runs an account keeps (a run every few minutes makes several a day). */
export const RUNS_KEPT = 1000;

/** Keeps a run for head office (取込 of the console), and the account's latest RUNS_KEPT only. */
export async function recordRun(db: ServerDb, run: RunRecord): Promise<void> {
  await db.execute(
    sql`INSERT INTO channel_runs (account_id, started_at, finished_at, on_demand, pages, created, changed, conflicts,
          notices_sent, notices_refused, state, message)
        VALUES (${run.accountId}, ${run.startedAt.toISOString()}, ${run.finishedAt.toISOString()}, ${run.onDemand},
          ${run.fetched.pages}, ${run.fetched.created}, ${run.fetched.changed}, ${run.fetched.conflicts},
          ${run.notices.sent}, ${run.notices.refused}, ${run.state}, ${run.message})`,
  );
  await db.execute(
    sql`DELETE FROM channel_runs WHERE account_id = ${run.accountId} AND id <= (
          SELECT id FROM channel_runs WHERE account_id = ${run.accountId} ORDER BY id DESC OFFSET ${RUNS_KEPT} LIMIT 1)`,
  );
}

/** The latest runs, newest first, of one account or of all. */
export function listRuns(db: ServerDb, query: { accountId?: number; limit: number }): Promise<ChannelRunRow[]> {
  return jsonRows<ChannelRunRow>(
    db,
    sql`SELECT r.id, r.account_id AS "accountId", a.name AS "accountName", r.started_at AS "startedAt",
          r.finished_at AS "finishedAt", r.on_demand AS "onDemand", r.pages, r.created, r.changed, r.conflicts,
          r.notices_sent AS "noticesSent", r.notices_refused AS "noticesRefused", r.state, r.message
        FROM channel_runs r LEFT JOIN channel_accounts a ON a.id = r.account_id
        WHERE ${query.accountId ? sql`r.account_id = ${query.accountId}` : sql`TRUE`}
        ORDER BY r.id DESC LIMIT ${query.limit}`,
  );
}
