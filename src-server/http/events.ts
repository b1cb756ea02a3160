import { sql } from 'drizzle-orm';
import { lastChange } from '../db/changes.js';
import { idList, rows, type ServerDb } from '../db/open.js';

/** Who listens: a store PC wakes for its store's orders, head office for every order. */
interface Audience {
  storeId: string | null;
  isHeadOffice: boolean;
}

/** What a run of change numbers touched: the stores of its orders (null: unassigned), or everything. */
interface Touched {
  all: boolean;
  stores: Set<string | null>;
}

/** Every this many polls, the listening clients' tokens are checked for revocation. */
const REVOKE_CHECK_POLLS = 4;

interface Listening extends Audience {
  clientId: number;
  onRevoked: () => void;
}

/** Past this many new numbers at once (a big intake), everyone is woken instead of asking which stores. */
const SCOPE_LIMIT = 50_000;

/**
 * The stores whose PCs can see changes (after, upto]: the stores of the orders and stock
 * rows changed there, the stores orders left (E5), and everyone for a master. An order changed again
 * since has a later number and is found by the next look.
 */
async function touchedBetween(db: ServerDb, after: number, upto: number): Promise<Touched> {
  if (upto - after > SCOPE_LIMIT) return { all: true, stores: new Set() };
  const found = await rows<{ storeId: string | null; master: boolean }>(
    db,
    sql`SELECT DISTINCT store_id AS "storeId", false AS master FROM orders WHERE seq > ${after} AND seq <= ${upto}
        UNION
        SELECT DISTINCT store_id, false FROM order_departures WHERE seq > ${after} AND seq <= ${upto}
        UNION
        SELECT DISTINCT store_id, false FROM stock WHERE seq > ${after} AND seq <= ${upto}
        UNION
        (SELECT NULL, true FROM master_rows WHERE seq > ${after} AND seq <= ${upto} LIMIT 1)`,
  );
  return { all: found.some((r) => r.master), stores: new Set(found.filter((r) => !r.master).map((r) => r.storeId)) };
}

function concerns(audience: Audience, touched: Touched): boolean {
  if (touched.all) return true;
  if (audience.isHeadOffice) return touched.stores.size > 0;
  return touched.stores.has(audience.storeId);
}

/**
 * Tells connected PCs that something they can see changed, so they pull within 2 seconds;
 * a PC of one store does not wake for another store's orders. The last change number lives
 * in the database and every process polls it: a change made through another server process
 * sharing the PostgreSQL reaches this process's PCs too.
 */
export class ChangeHub {
  private readonly listeners = new Map<(seq: number) => void, Listening>();
  private polls = 0;
  /** The last number told about; null until the first look (nothing before it is news). */
  private last: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly db: ServerDb,
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
    void this.check();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  /**
   * `listener` hears the changes `audience` may see until unsubscribed; `onRevoked` is called
   * (and the listener dropped) once the client's token is revoked, here or by another
   * process sharing the database.
   */
  subscribe(
    audience: Audience & { clientId: number },
    listener: (seq: number) => void,
    onRevoked: () => void,
  ): () => void {
    this.listeners.set(listener, { ...audience, onRevoked });
    return () => this.listeners.delete(listener);
  }

  /** The client's token was revoked: its streams end now. */
  revoked(clientId: number): void {
    for (const [listener, listening] of this.listeners) {
      if (listening.clientId !== clientId) continue;
      this.listeners.delete(listener);
      listening.onRevoked();
    }
  }

  /** Ends the streams of listening clients whose tokens were revoked (by any process). */
  private async endRevoked(): Promise<void> {
    const ids = [...new Set([...this.listeners.values()].map((l) => l.clientId))];
    if (ids.length === 0) return;
    const revoked = await rows<{ id: number }>(
      this.db,
      sql`SELECT id FROM clients WHERE revoked_at IS NOT NULL AND id = ANY(${idList(ids)}::int[])`,
    );
    for (const { id } of revoked) this.revoked(id);
  }

  /** Called after a local commit, and by the poll; tells those concerned when the number moved. */
  async check(): Promise<void> {
    if (this.checking || !this.timer) return;
    this.checking = true;
    try {
      this.polls += 1;
      if (this.polls % REVOKE_CHECK_POLLS === 0) await this.endRevoked();
      const seq = await lastChange(this.db);
      if (this.last === null) this.last = seq;
      if (seq > this.last) {
        const touched = await touchedBetween(this.db, this.last, seq);
        this.last = seq;
        for (const [listener, audience] of this.listeners) if (concerns(audience, touched)) listener(seq);
      }
    } catch {
      // The database is briefly unreachable: the next poll tries again.
    } finally {
      this.checking = false;
    }
  }
}
