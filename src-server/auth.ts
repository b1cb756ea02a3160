import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { writeTransaction } from './db/changes.js';
import { rows, type ServerDb } from './db/open.js';

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

/** Tokens are 256 random bits, so a plain SHA-256 is enough to keep them unreadable at rest. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function findClient(db: ServerDb, token: string, now: Date): Promise<ClientIdentity | null> {
  const [found] = await rows<
    Omit<ClientIdentity, 'isHeadOffice' | 'storeName'> & { isHeadOffice: boolean | null; storeName: string | null }
  >(
    db,
    sql`SELECT c.id, c.kind, c.name, c.store_id AS "storeId", s.is_head_office AS "isHeadOffice", s.name AS "storeName"
        FROM clients c LEFT JOIN stores s ON s.id = c.store_id
        WHERE c.token_hash = ${hashToken(token)} AND c.revoked_at IS NULL`,
  );
  if (!found) return null;
  await db.execute(sql`UPDATE clients SET last_seen_at = ${now.toISOString()} WHERE id = ${found.id}`);
  return { ...found, isHeadOffice: found.isHeadOffice === true, storeName: found.storeName ?? '' };
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

export async function logRefused(
  db: ServerDb,
  entry: { at: Date; clientId: number | null; address: string; method: string; path: string; reason: string },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO refused_access (at, client_id, address, method, path, reason)
        VALUES (${entry.at.toISOString()}, ${entry.clientId}, ${entry.address}, ${entry.method}, ${entry.path.slice(0, 300)}, ${entry.reason})`,
  );
  // The token is never logged: only who (if known), where from and why.
  console.error(
    `refused ${entry.method} ${entry.path.slice(0, 120)} client=${entry.clientId ?? '-'} from=${entry.address}: ${entry.reason}`,
  );
}
