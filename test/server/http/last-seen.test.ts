import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createClient, findClient, LAST_SEEN_GRAIN_MS } from '../../../src-server/auth.js';
import { Fleet } from '../../../src-server/console/fleet.js';
import { rows } from '../../../src-server/db/open.js';
import { pgliteServerDatabase } from '../../helpers/server-database.js';

describe('a caller’s last-seen time (the console’s 最終接続)', () => {
  const opened = pgliteServerDatabase();

  it('is written at the first call and again once it is older than its grain, not at every call', async () => {
    const db = opened().db;
    const t0 = new Date('2026-12-07T09:00:00.000Z');
    const later = (ms: number) => new Date(t0.getTime() + ms);
    const { id, token } = await createClient(db, { kind: 'admin', name: '最終接続', storeId: null }, t0);
    const lastSeen = async () =>
      (await rows<{ at: string | null }>(db, sql`SELECT last_seen_at AS at FROM clients WHERE id = ${id}`))[0]!.at;
    expect(await lastSeen()).toBeNull();

    expect((await findClient(db, token, t0))?.id).toBe(id);
    expect(await lastSeen()).toBe(t0.toISOString());
    // A PC syncing every 10 s: its calls within the grain answer without a write.
    expect((await findClient(db, token, later(10_000)))?.id).toBe(id);
    expect(await lastSeen()).toBe(t0.toISOString());
    const past = later(LAST_SEEN_GRAIN_MS + 1_000);
    expect((await findClient(db, token, past))?.id).toBe(id);
    expect(await lastSeen()).toBe(past.toISOString());
    // A revoked token names no one and is not seen.
    await db.execute(sql`UPDATE clients SET revoked_at = ${past.toISOString()} WHERE id = ${id}`);
    expect(await findClient(db, token, later(10 * LAST_SEEN_GRAIN_MS))).toBeNull();
    expect(await lastSeen()).toBe(past.toISOString());
  });

  it('moves for a PC listening to its change stream at the same grain', async () => {
    const db = opened().db;
    const t0 = new Date('2026-12-07T10:00:00.000Z');
    const { id } = await createClient(db, { kind: 'pc', name: '通知を待つPC', storeId: null }, t0);
    const lastSeen = async () =>
      (await rows<{ at: string | null }>(db, sql`SELECT last_seen_at AS at FROM clients WHERE id = ${id}`))[0]!.at;
    const fleet = new Fleet(db, () => {});
    await fleet.seen(id, t0);
    expect(await lastSeen()).toBe(t0.toISOString());
    await fleet.seen(id, new Date(t0.getTime() + LAST_SEEN_GRAIN_MS - 1_000));
    expect(await lastSeen()).toBe(t0.toISOString());
    const past = new Date(t0.getTime() + LAST_SEEN_GRAIN_MS + 1_000);
    await fleet.seen(id, past);
    expect(await lastSeen()).toBe(past.toISOString());
  });
});
