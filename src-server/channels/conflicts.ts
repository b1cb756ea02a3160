import { sql } from 'drizzle-orm';
import { writeTransaction } from '../db/changes.js';
import { rows, type ServerDb } from '../db/open.js';
import { refreshWire } from '../orders/wire.js';
import { withoutLine } from './notes.js';

/**
 * Head office settled a conflict: it leaves the open list, and its line leaves the order's
 * note at the stores, as a change the PCs pull.
 */
export async function resolveConflict(
  db: ServerDb,
  conflictId: number,
  now: Date,
  onCommit?: () => void,
): Promise<boolean> {
  const at = now.toISOString();
  return writeTransaction(
    db,
    async (tx, numbers) => {
      const [done] = await rows<{ orderId: number; message: string }>(
        tx,
        sql`UPDATE channel_conflicts SET resolved_at = ${at} WHERE id = ${conflictId} AND resolved_at IS NULL
            RETURNING order_id AS "orderId", message`,
      );
      if (!done) return false;
      const cleared = await rows<{ id: number }>(
        tx,
        sql`UPDATE orders o SET channel_note = ${withoutLine(sql`${done.message}`)}, seq = ${numbers.next()},
              version = o.version + 1, updated_at = ${at}
            WHERE o.id = ${done.orderId} AND strpos(o.channel_note, ${done.message}) > 0 RETURNING o.id`,
      );
      await refreshWire(
        tx,
        cleared.map((c) => c.id),
      );
      return true;
    },
    onCommit,
  );
}
