import { sql } from 'drizzle-orm';
import { rows, type ServerDb } from './open.js';

/**
 * Hands out change numbers inside one writing transaction. Taking them locks the sync_state
 * row until commit, so numbers are given out in commit order: a puller that has seen number N
 * has seen every change up to N (DESIGN 6), even with several server processes. The lock is
 * the one place where writers queue behind each other; a writer that takes it late (`take()`
 * once its reads, judging and row locks are done) holds it only for its numbered writes and
 * the commit.
 */
export class ChangeNumbers {
  private last = 0;
  private start = 0;
  /** What sync_state holds in this transaction. */
  private stored = 0;
  private taken = false;

  constructor(private readonly tx: ServerDb) {}

  /**
   * Takes the change-number lock (once); from here to commit other writers wait for theirs.
   * `expected`: the numbers the writer will use, reserved by the same statement, so that
   * sync_state needs no second write before the commit (unused ones are skipped; more are
   * written at the end).
   */
  async take(expected = 0): Promise<void> {
    if (this.taken) return;
    const [state] = await rows<{ last_seq: number }>(
      this.tx,
      expected > 0
        ? sql`UPDATE sync_state SET last_seq = last_seq + ${expected} WHERE id = 1 RETURNING last_seq`
        : sql`SELECT last_seq FROM sync_state WHERE id = 1 FOR UPDATE`,
    );
    if (!state) throw new Error('sync_state missing');
    this.stored = Number(state.last_seq);
    this.last = this.start = this.stored - expected;
    this.taken = true;
  }

  next(): number {
    return this.reserve(1) + 1;
  }

  /** Reserves `count` numbers and returns the one before the first. */
  reserve(count: number): number {
    // A number handed out without the lock could commit after a higher one: pullers would skip it.
    if (!this.taken) throw new Error('change numbers used before take()');
    const base = this.last;
    this.last += count;
    return base;
  }

  async save(): Promise<void> {
    if (this.last > this.stored) await this.tx.execute(sql`UPDATE sync_state SET last_seq = ${this.last} WHERE id = 1`);
  }

  /** Whether this transaction holds the lock (its numbers can be handed out). */
  get held(): boolean {
    return this.taken;
  }

  get changed(): boolean {
    return this.last !== this.start;
  }
}

export interface WriteOptions {
  /**
   * The work takes the change-number lock itself (`numbers.take()`), after its reads and row
   * locks: writers then queue behind each other only for their numbered writes and commit.
   * Otherwise the lock is taken before the work starts.
   */
  takesNumbersLate?: boolean;
}

/** PostgreSQL chose this transaction to end a deadlock (SQLSTATE 40P01); drizzle may wrap the error. */
function isDeadlock(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = e.cause) if ((e as { code?: unknown }).code === '40P01') return true;
  return false;
}

/** A transaction ended as a deadlock's victim is run again, up to this many times in all. */
const DEADLOCK_ATTEMPTS = 6;

/**
 * The wait before running a deadlock's victim again: growing, and random, so that the writers
 * that met do not meet again in the same order (run again at once, three of them deadlocked
 * three times in a row in the two-process test, and the intake answered 500).
 */
function deadlockPause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, attempt * (10 + Math.random() * 40)));
}

/**
 * Runs `work` in one transaction with change numbers; tells `onCommit` after. A writer that
 * takes the lock late holds row locks while it waits for it, and one that took it early may
 * wait for those rows: PostgreSQL ends such a deadlock by failing one of the two, which is
 * run again from the start after a short random pause (`work` keeps its state inside the
 * transaction).
 */
export async function writeTransaction<T>(
  db: ServerDb,
  work: (tx: ServerDb, numbers: ChangeNumbers) => Promise<T>,
  onCommit?: () => void,
  { takesNumbersLate = false }: WriteOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      let changed = false;
      const result = await db.transaction(async (tx) => {
        const numbers = new ChangeNumbers(tx as unknown as ServerDb);
        if (!takesNumbersLate) await numbers.take();
        const value = await work(tx as unknown as ServerDb, numbers);
        await numbers.save();
        changed = numbers.changed;
        return value;
      });
      if (changed) onCommit?.();
      return result;
    } catch (err) {
      if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(err)) throw err;
      await deadlockPause(attempt);
    }
  }
}

export async function lastChange(db: ServerDb): Promise<number> {
  const [state] = await rows<{ last_seq: number }>(db, sql`SELECT last_seq FROM sync_state WHERE id = 1`);
  return Number(state?.last_seq ?? 0);
}
