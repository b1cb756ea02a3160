import { sql } from 'drizzle-orm';
import { rows, type ServerDb } from './open.js';

/**
 * Hands out change numbers inside one writing transaction. Locking the sync_state row first
 * serialises writers, so numbers are given out in commit order: a puller that has seen
 * number N has seen every change up to N (DESIGN 6), even with several server processes.
 */
export class ChangeNumbers {
  private constructor(
    private last: number,
    private readonly start: number,
  ) {}

  static async lock(tx: ServerDb): Promise<ChangeNumbers> {
    const [state] = await rows<{ last_seq: number }>(tx, sql`SELECT last_seq FROM sync_state WHERE id = 1 FOR UPDATE`);
    if (!state) throw new Error('sync_state missing');
    return new ChangeNumbers(Number(state.last_seq), Number(state.last_seq));
  }

  next(): number {
    this.last += 1;
    return this.last;
  }

  /** Reserves `count` numbers and returns the one before the first. */
  reserve(count: number): number {
    const base = this.last;
    this.last += count;
    return base;
  }

  async save(tx: ServerDb): Promise<void> {
    if (this.last !== this.start) await tx.execute(sql`UPDATE sync_state SET last_seq = ${this.last} WHERE id = 1`);
  }

  get changed(): boolean {
    return this.last !== this.start;
  }
}

/** Runs `work` in one transaction holding the change-number lock; tells `onCommit` after. */
export async function writeTransaction<T>(
  db: ServerDb,
  work: (tx: ServerDb, numbers: ChangeNumbers) => Promise<T>,
  onCommit?: () => void,
): Promise<T> {
  let changed = false;
  const result = await db.transaction(async (tx) => {
    const numbers = await ChangeNumbers.lock(tx as unknown as ServerDb);
    const value = await work(tx as unknown as ServerDb, numbers);
    await numbers.save(tx as unknown as ServerDb);
    changed = numbers.changed;
    return value;
  });
  if (changed) onCommit?.();
  return result;
}

export async function lastChange(db: ServerDb): Promise<number> {
  const [state] = await rows<{ last_seq: number }>(db, sql`SELECT last_seq FROM sync_state WHERE id = 1`);
  return Number(state?.last_seq ?? 0);
}
