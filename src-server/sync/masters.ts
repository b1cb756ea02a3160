import { isDeepStrictEqual } from 'node:util';
import { sql } from 'drizzle-orm';
import { DEFAULT_PAYMENT_METHODS, DEFAULT_SUB_STATUSES } from '../../src-shared/domain/default-masters.js';
import { checkMasterRow } from '../../src-shared/sync/master-rows.js';
import type {
  MastersUpload,
  MastersUploadResponse,
  RefusedMaster,
  WireMaster,
} from '../../src-shared/sync/protocol.js';
import { writeTransaction, type ChangeNumbers } from '../db/changes.js';
import { rows, type ServerDb } from '../db/open.js';

/**
 * Masters (SPEC §6) as rows of the store database's own tables — column name → value — so
 * a PC applies them to its tables as they are. Head office uploads payment methods,
 * sub-statuses and mail templates; stores come from the admin's registrations.
 */
export async function putRow(
  tx: ServerDb,
  numbers: ChangeNumbers,
  kind: string,
  key: string,
  data: Record<string, unknown>,
  deleted = false,
) {
  await tx.execute(
    sql`INSERT INTO master_rows (kind, key, data, deleted, seq) VALUES (${kind}, ${key}, ${JSON.stringify(data)}::jsonb, ${deleted}, ${numbers.next()})
        ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data, deleted = excluded.deleted, seq = excluded.seq`,
  );
}

/** A fresh server starts with the same masters as a fresh store PC. */
export async function seedDefaultMasters(db: ServerDb): Promise<void> {
  await writeTransaction(db, async (tx, numbers) => {
    const [any] = await rows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM master_rows WHERE kind IN ('payment_methods', 'sub_statuses')`,
    );
    if (any && any.n > 0) return;
    for (const [i, m] of DEFAULT_PAYMENT_METHODS.entries()) {
      await putRow(tx, numbers, 'payment_methods', m.code, {
        code: m.code,
        name: m.name,
        needs_confirmation: m.needsConfirmation ? 1 : 0,
        is_cod: m.isCod ? 1 : 0,
        sort_order: i,
      });
    }
    for (const [i, s] of DEFAULT_SUB_STATUSES.entries()) {
      await putRow(tx, numbers, 'sub_statuses', String(i + 1), {
        id: i + 1,
        main_status: s.mainStatus,
        name: s.name,
        color: s.color,
        sort_order: i,
        retired_at: null,
      });
    }
  });
}

interface StoreInput {
  id: string;
  name: string;
  isHeadOffice: boolean;
  postalCode: string;
  address: string;
  phone: string;
  sortOrder: number;
}

export async function putStore(db: ServerDb, store: StoreInput, now: Date, onCommit?: () => void): Promise<void> {
  await writeTransaction(
    db,
    async (tx, numbers) => {
      await tx.execute(
        sql`INSERT INTO stores (id, name, postal_code, address, phone, is_head_office, sort_order, created_at)
            VALUES (${store.id}, ${store.name}, ${store.postalCode}, ${store.address}, ${store.phone}, ${store.isHeadOffice}, ${store.sortOrder}, ${now.toISOString()})
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, postal_code = excluded.postal_code, address = excluded.address,
              phone = excluded.phone, is_head_office = excluded.is_head_office, sort_order = excluded.sort_order`,
      );
      await putRow(tx, numbers, 'stores', store.id, {
        id: store.id,
        name: store.name,
        postal_code: store.postalCode,
        address: store.address,
        phone: store.phone,
        is_head_office: store.isHeadOffice ? 1 : 0,
        sort_order: store.sortOrder,
      });
    },
    onCommit,
  );
}

/**
 * Head office's full master lists: rows that differ are stored with a new change number,
 * rows head office no longer has are marked deleted. Unchanged rows cost nothing. Each row
 * is checked with the PC's own master schema: a bad one is answered as refused, not stored.
 */
export async function uploadMasters(
  db: ServerDb,
  upload: MastersUpload,
  onCommit?: () => void,
): Promise<MastersUploadResponse> {
  return writeTransaction(
    db,
    async (tx, numbers) => {
      let changed = 0;
      const refused: RefusedMaster[] = [];
      for (const [kind, list] of Object.entries(upload.kinds)) {
        if (!list) continue;
        const existing = await rows<{ key: string; data: Record<string, unknown>; deleted: boolean }>(
          tx,
          sql`SELECT key, data, deleted FROM master_rows WHERE kind = ${kind}`,
        );
        const byKey = new Map(existing.map((r) => [r.key, r]));
        const seen = new Set<string>();
        for (const row of list) {
          const { key } = row;
          seen.add(key);
          // A bad row is not taken; the server keeps what it had under that key.
          const checked = checkMasterRow(kind, key, row.data);
          if (!checked.ok) {
            refused.push({ kind, key, reason: checked.reason });
            continue;
          }
          const data = checked.data;
          const before = byKey.get(key);
          if (before && !before.deleted && isDeepStrictEqual(before.data, data)) continue;
          await putRow(tx, numbers, kind, key, data);
          changed += 1;
        }
        for (const row of existing) {
          if (seen.has(row.key) || row.deleted) continue;
          await putRow(tx, numbers, kind, row.key, row.data, true);
          changed += 1;
        }
      }
      return { changed, refused };
    },
    onCommit,
  );
}

/**
 * Every current row of one master kind, whatever its change number: a PC that gains the
 * table for a kind after its cursor passed the kind's rows fetches them once this way.
 */
export async function mastersOfKind(db: ServerDb, kind: string): Promise<WireMaster[]> {
  return rows<WireMaster>(
    db,
    sql`SELECT kind, key, data, deleted FROM master_rows WHERE kind = ${kind} AND NOT deleted ORDER BY seq`,
  );
}

/** Payment method code → whether it needs 入金確認 (unknown codes do: the safe side). */
export async function paymentNeeds(db: ServerDb): Promise<Map<string, boolean>> {
  const found = await rows<{ key: string; needs: unknown }>(
    db,
    sql`SELECT key, data->'needs_confirmation' AS needs FROM master_rows WHERE kind = 'payment_methods' AND NOT deleted`,
  );
  return new Map(found.map((r) => [r.key, !(r.needs === 0 || r.needs === false)]));
}
