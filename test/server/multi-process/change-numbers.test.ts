import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { ClientIdentity } from '../../../src-server/auth.js';
import { lastChange, writeTransaction, type ChangeNumbers } from '../../../src-server/db/changes.js';
import { rows, type ServerDb } from '../../../src-server/db/open.js';
import { intakeOrders } from '../../../src-server/orders/intake.js';
import { pullPage } from '../../../src-server/sync/pull.js';
import { applyOps } from '../../../src-server/sync/push.js';
import type { PullResponse } from '../../../src-shared/sync/protocol.js';
import { makeOrder } from '../../helpers/orders.js';
import { describeNeeding, POSTGRES } from '../../helpers/requirements.js';
import { postgresServerDatabase } from '../../helpers/server-database.js';
import { op } from '../../helpers/server-process-pair.js';

/** A promise with its resolve, to hold a transaction at one step. */
function gate(): { open: () => void; passed: Promise<void> } {
  let open!: () => void;
  const passed = new Promise<void>((resolve) => (open = resolve));
  return { open, passed };
}

const head: ClientIdentity = {
  id: 1,
  kind: 'pc',
  name: '本部PC',
  storeId: 'honbu',
  storeName: '本部',
  isHeadOffice: true,
};

/** One master row written with the next change number (the smallest numbered write there is). */
async function numberedWrite(tx: ServerDb, numbers: ChangeNumbers, key: string): Promise<number> {
  await numbers.take();
  const seq = numbers.next();
  await tx.execute(
    sql`INSERT INTO master_rows (kind, key, data, deleted, seq) VALUES ('test', ${key}, '{}'::jsonb, false, ${seq})`,
  );
  return seq;
}

/** A writer that takes the next number and holds it, with the lock, until `release()`. */
function numberHolder(
  db: ServerDb,
  key: string,
): { holding: Promise<void>; release: () => void; seq: Promise<number> } {
  const holding = gate();
  const release = gate();
  const seq = writeTransaction(
    db,
    async (tx, numbers) => {
      const taken = await numberedWrite(tx, numbers, key);
      holding.open();
      await release.passed;
      return taken;
    },
    undefined,
    { takesNumbersLate: true },
  );
  return { holding: holding.passed, release: release.open, seq };
}

async function pulledMasters(db: ServerDb, cursor: number): Promise<{ keys: string[]; cursor: number }> {
  const page = JSON.parse((await pullPage(db, head, cursor, 2000, new Date())).json) as PullResponse;
  return { keys: page.masters.filter((m) => m.kind === 'test').map((m) => m.key), cursor: page.cursor };
}

describeNeeding(POSTGRES, 'change numbers on PostgreSQL: commit order, deadlocks, one push per PC', () => {
  const opened = postgresServerDatabase();

  it('gives a later writer its number only after the earlier one commits, so a puller never passes an open change', async () => {
    const db = opened().db;
    const before = await lastChange(db);
    const first = numberHolder(db, 'first');
    await first.holding;
    let secondNumbered = false;
    const second = writeTransaction(
      db,
      async (tx, numbers) => {
        const seq = await numberedWrite(tx, numbers, 'second');
        secondNumbered = true;
        return seq;
      },
      undefined,
      { takesNumbersLate: true },
    );
    await new Promise((r) => setTimeout(r, 300));
    // Had the second writer got the next number now, it would commit first and a pull would
    // move its cursor past the first writer's number before that change is visible.
    expect(secondNumbered).toBe(false);
    expect(await lastChange(db)).toBe(before);
    expect(await pulledMasters(db, before)).toEqual({ keys: [], cursor: before });
    first.release();
    const [a, b] = await Promise.all([first.seq, second]);
    expect(b).toBe(a + 1);
    expect(await pulledMasters(db, before)).toEqual({ keys: ['first', 'second'], cursor: b });
  });

  it('has an intake write its orders before it queues for the change numbers, then numbers them after the writer ahead', async () => {
    const db = opened().db;
    const holder = numberHolder(db, 'holder');
    await holder.holding;
    const orders = Array.from({ length: 30 }, (_, i) => makeOrder({ orderNo: `QUEUED-${i + 1}`, storeId: 'tokyo' }));
    const intake = intakeOrders(db, orders, 'テスト', new Date());
    // The intake's connection waits for the numbers with its orders' lines already written:
    // the writer ahead (a PC's push, in the fleet) never waits for the intake's insert.
    const waiting = async () =>
      rows<{ wrote: boolean }>(
        db,
        sql`SELECT EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.relation = 'order_items'::regclass
              AND l.mode = 'RowExclusiveLock') AS wrote
            FROM pg_stat_activity a
            WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.query LIKE 'UPDATE sync_state%'`,
      );
    let seen: { wrote: boolean }[] = [];
    for (let i = 0; i < 100 && seen.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      seen = await waiting();
    }
    holder.release();
    const [holderSeq, taken] = await Promise.all([holder.seq, intake]);
    expect(seen).toEqual([{ wrote: true }]);
    expect(taken.created).toBe(30);
    const numbered = await rows<{ orderNo: string; seq: number; historySeq: number }>(
      db,
      sql`SELECT o.order_no AS "orderNo", o.seq::int AS seq, h.seq::int AS "historySeq"
          FROM orders o JOIN order_history h ON h.order_id = o.id AND h.kind = 'intake'
          WHERE o.order_no LIKE 'QUEUED-%' ORDER BY o.seq`,
    );
    // Numbered after the writer ahead, in the order they came, each with its history.
    expect(numbered.map((r) => r.orderNo)).toEqual(orders.map((o) => o.orderNo));
    expect(numbered.map((r) => r.seq)).toEqual(orders.map((_, i) => holderSeq + 1 + i));
    expect(numbered.every((r) => r.historySeq === r.seq)).toBe(true);
  });

  it('runs again the writer PostgreSQL ends as a deadlock victim (row locked before the numbers vs. after)', async () => {
    const db = opened().db;
    await db.execute(
      sql`INSERT INTO stores (id, name, created_at) VALUES ('deadlock', '店', '2026-12-01T00:00:00Z') ON CONFLICT DO NOTHING`,
    );
    const rowLocked = gate();
    const numbersTaken = gate();
    let runs = 0;
    const late = writeTransaction(
      db,
      async (tx, numbers) => {
        runs++;
        await tx.execute(sql`SELECT id FROM stores WHERE id = 'deadlock' FOR UPDATE`);
        rowLocked.open();
        await numbersTaken.passed;
        return numberedWrite(tx, numbers, 'late');
      },
      undefined,
      { takesNumbersLate: true },
    );
    const early = writeTransaction(db, async (tx, numbers) => {
      runs++;
      numbersTaken.open();
      await rowLocked.passed;
      await tx.execute(sql`UPDATE stores SET name = '店２' WHERE id = 'deadlock'`);
      return numberedWrite(tx, numbers, 'early');
    });
    const seqs = await Promise.all([late, early]);
    expect(runs).toBe(3);
    expect(Math.abs(seqs[0] - seqs[1])).toBe(1);
  }, 20_000);

  it('applies a push sent twice at once one time, and answers both alike', async () => {
    const db = opened().db;
    await intakeOrders(db, [makeOrder({ orderNo: 'TWICE-1', storeId: 'tokyo' })], 'テスト', new Date());
    const comment = op('TWICE-1', 'twice-comment', 'head', {
      kind: 'staff_comment',
      fields: { staffComment: '一度だけ' },
    });
    const answers = await Promise.all([
      applyOps(db, head, [comment], new Date()),
      applyOps(db, head, [comment], new Date()),
    ]);
    expect(answers.map((a) => a.map((r) => r.accepted))).toEqual([[true], [true]]);
    const [history] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM order_history h JOIN orders o ON o.id = h.order_id
          WHERE o.order_no = 'TWICE-1' AND h.kind = 'staff_comment'`,
    );
    expect(history!.n).toBe(1);
  });
});
