import { sql } from 'drizzle-orm';
import { PII_FIELDS } from '../../src-shared/domain/order-fields.js';
import { PII_RETENTION_DAYS, PII_PURGE_REASON } from '../../src-shared/domain/privacy.js';
import { writeTransaction } from '../db/changes.js';
import { rows, type ServerDb } from '../db/open.js';
import { refreshWire } from '../orders/wire.js';

/** Every personal column of the field table, blanked. */
const ERASE = sql.raw(PII_FIELDS.map((f) => `${f.column} = ''`).join(', '));

/**
 * S3: 30 days after the ship date, an Amazon order's buyer and ship-to personal fields are
 * erased; order number, items and money stay. Each erased order gets a history row and a
 * new change number, so every store PC's copy is erased on its next pull too.
 */
export async function purgeAmazonPii(db: ServerDb, now: Date, onCommit?: () => void): Promise<number> {
  const cutoff = new Date(now.getTime() - PII_RETENTION_DAYS * 86_400_000).toISOString();
  const at = now.toISOString();
  return writeTransaction(
    db,
    async (tx, numbers) => {
      const due = await rows<{ id: number }>(
        tx,
        sql`SELECT id FROM orders WHERE channel = 'amazon' AND pii_purged_at IS NULL AND shipped_at IS NOT NULL AND shipped_at < ${cutoff}
            ORDER BY id FOR UPDATE`,
      );
      if (due.length === 0) return 0;
      const base = numbers.reserve(due.length);
      const list = JSON.stringify(due.map((d, i) => ({ id: d.id, seq: base + i + 1 })));
      await tx.execute(
        sql`UPDATE orders o SET ${ERASE}, pii_purged_at = ${at}, updated_at = ${at}, version = o.version + 1, seq = x.seq
            FROM jsonb_to_recordset(${list}::jsonb) AS x(id int, seq bigint) WHERE o.id = x.id`,
      );
      await refreshWire(
        tx,
        due.map((d) => d.id),
      );
      await tx.execute(
        sql`INSERT INTO order_history (order_id, seq, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
            SELECT x.id, x.seq, ${at}, 'システム', NULL, 'server', 'pii_purge', NULL, NULL, ${PII_PURGE_REASON}
            FROM jsonb_to_recordset(${list}::jsonb) AS x(id int, seq bigint)`,
      );
      return due.length;
    },
    onCommit,
  );
}
