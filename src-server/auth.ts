import { createHash, randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { writeTransaction } from './db/changes.js';
import { rows, type ServerDb } from './db/open.js';
import { DAY_MS } from '../src-shared/text/jst.js';

export type ClientKind = 'admin' | 'pc' | 'connector';

/** Who is calling, as the token says. A PC is bound to its store; head office sees all. */
export interface ClientIdentity {
  id: number;
  kind: ClientKind;
  name: string;
  storeId: string | null;
  storeName: string;
  isHeadOffice: boolean;
}

function newToken(): string {
  return `chm_${randomBytes(32).toString('base64url')}`;
}

/** The shape of every token newToken makes: "chm_" and 256 bits in base64url. */
export function isWellFormedToken(token: string): boolean {
  return /^chm_[A-Za-z0-9_-]{43}$/.test(token);
}

/** Tokens are 256 random bits, so a plain SHA-256 is enough to keep them unreadable at rest. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A caller's last-seen time is written when it is older than this: every PC calls twice per
 * sync, and the console's 「最終接続」 and online/offline (3 minutes) need no finer grain.
 */
export const LAST_SEEN_GRAIN_MS = 30_000;

/** Whether a client row's last-seen time is old enough to be written again at `now`. */
function lastSeenStale(now: Date): SQL {
  return sql`(last_seen_at IS NULL OR last_seen_at < ${new Date(now.getTime() - LAST_SEEN_GRAIN_MS).toISOString()})`;
}

/** Writes a caller's last-seen time, unless it was written less than LAST_SEEN_GRAIN_MS ago. */
export async function touchLastSeen(db: ServerDb, clientId: number, now: Date): Promise<void> {
  await db.execute(
    sql`UPDATE clients SET last_seen_at = ${now.toISOString()} WHERE id = ${clientId} AND ${lastSeenStale(now)}`,
  );
}

/**
 * The caller a token names (not revoked). A plain read: its last-seen time is written by a
 * second statement only when due (once in 30 s per PC, not at each of its calls), as an
 * UPDATE in the same statement cost every lookup.
 */
export async function findClient(db: ServerDb, token: string, now: Date): Promise<ClientIdentity | null> {
  const [found] = await rows<
    Omit<ClientIdentity, 'isHeadOffice' | 'storeName'> & {
      isHeadOffice: boolean | null;
      storeName: string | null;
      stale: boolean;
    }
  >(
    db,
    sql`SELECT c.id, c.kind, c.name, c.store_id AS "storeId", s.is_head_office AS "isHeadOffice", s.name AS "storeName",
          ${lastSeenStale(now)} AS stale
        FROM clients c LEFT JOIN stores s ON s.id = c.store_id
        WHERE c.token_hash = ${hashToken(token)} AND c.revoked_at IS NULL`,
  );
  if (!found) return null;
  if (found.stale) await touchLastSeen(db, found.id, now);
  const { id, kind, name, storeId } = found;
  return { id, kind, name, storeId, isHeadOffice: found.isHeadOffice === true, storeName: found.storeName ?? '' };
}

export async function createClient(
  db: ServerDb,
  client: { kind: ClientKind; name: string; storeId: string | null },
  now: Date,
): Promise<{ id: number; token: string }> {
  const token = newToken();
  const [created] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO clients (kind, name, store_id, token_hash, created_at)
        VALUES (${client.kind}, ${client.name}, ${client.storeId}, ${hashToken(token)}, ${now.toISOString()}) RETURNING id`,
  );
  return { id: created!.id, token };
}

/**
 * First start: makes the admin token (returned once, to be printed) when there is none.
 * Under the writers' lock, so that server processes starting together make only one.
 */
export async function ensureAdminToken(db: ServerDb, now: Date): Promise<string | null> {
  return writeTransaction(db, async (tx) => {
    const [existing] = await rows<{ id: number }>(
      tx,
      sql`SELECT id FROM clients WHERE kind = 'admin' AND revoked_at IS NULL LIMIT 1`,
    );
    if (existing) return null;
    return (await createClient(tx, { kind: 'admin', name: '管理者', storeId: null }, now)).token;
  });
}

/** Repeats of one refusal within this long of its last are counted on its row. */
const REPEAT_WINDOW_MS = 60_000;
/** Refusals are kept this long, and at most this many rows. */
const REFUSED_KEEP_MS = 90 * DAY_MS;
export const REFUSED_KEEP_ROWS = 10_000;

/**
 * Records a refused request. A repeat (same client, address, method, path and reason) seen
 * again within a minute of the last adds to that row's count instead of a new row, so a
 * flood from one token or address is one line of the log, not thousands pushing the
 * others out of view. Only a new row is written to the console.
 */
export async function logRefused(
  db: ServerDb,
  entry: { at: Date; clientId: number | null; address: string; method: string; path: string; reason: string },
): Promise<void> {
  const at = entry.at.toISOString();
  const since = new Date(entry.at.getTime() - REPEAT_WINDOW_MS).toISOString();
  const path = entry.path.slice(0, 300);
  const counted = await rows<{ id: number }>(
    db,
    sql`UPDATE refused_access SET count = count + 1, last_at = ${at}
        WHERE id = (SELECT id FROM refused_access
                    WHERE last_at >= ${since} AND client_id IS NOT DISTINCT FROM ${entry.clientId}
                      AND address = ${entry.address} AND method = ${entry.method} AND path = ${path} AND reason = ${entry.reason}
                    ORDER BY id DESC LIMIT 1)
        RETURNING id`,
  );
  if (counted.length > 0) return;
  await db.execute(
    sql`INSERT INTO refused_access (at, last_at, client_id, address, method, path, reason)
        VALUES (${at}, ${at}, ${entry.clientId}, ${entry.address}, ${entry.method}, ${path}, ${entry.reason})`,
  );
  // The token is never logged: only who (if known), where from and why.
  console.error(
    `refused ${entry.method} ${entry.path.slice(0, 120)} client=${entry.clientId ?? '-'} from=${entry.address}: ${entry.reason}`,
  );
}

/** Drops refusals older than REFUSED_KEEP_MS and all but the newest REFUSED_KEEP_ROWS. */
export async function pruneRefused(db: ServerDb, now: Date): Promise<void> {
  const before = new Date(now.getTime() - REFUSED_KEEP_MS).toISOString();
  await db.execute(sql`DELETE FROM refused_access WHERE coalesce(last_at, at) < ${before}`);
  await db.execute(
    sql`DELETE FROM refused_access WHERE id <= (SELECT id FROM refused_access ORDER BY id DESC OFFSET ${REFUSED_KEEP_ROWS} LIMIT 1)`,
  );
}
