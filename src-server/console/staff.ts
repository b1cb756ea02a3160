import { sql } from 'drizzle-orm';
import { UserError } from '../../src-shared/api/errors.js';
import type { ConsoleStaff } from '../../src-shared/console/staff.js';
import { writeTransaction } from '../db/changes.js';
import { rows, type ServerDb } from '../db/open.js';
import { putRow } from '../sync/masters.js';
import { hashPassword } from '../../src-node/password-hashes.js';

interface StaffData {
  id: number;
  store_id: string;
  name: string;
  is_manager: number;
  pin_hash: string | null;
  retired: number;
}

const toStaff = (d: StaffData): ConsoleStaff => ({
  id: d.id,
  storeId: d.store_id,
  name: d.name,
  isManager: d.is_manager === 1,
  hasPin: d.pin_hash !== null,
  retired: d.retired === 1,
});

/**
 * Each store's staff, kept as the `staff` master (key: the member's id, unique over every
 * store), so it reaches the store PCs by the ordinary pull. A PIN is kept as a scrypt hash only.
 */
export class StaffList {
  constructor(
    private readonly db: ServerDb,
    private readonly notify: () => void,
  ) {}

  async list(storeId: string): Promise<ConsoleStaff[]> {
    const found = await rows<{ data: StaffData }>(
      this.db,
      sql`SELECT data FROM master_rows WHERE kind = 'staff' AND data->>'store_id' = ${storeId} AND NOT deleted
          ORDER BY (data->>'id')::int`,
    );
    return found.map((r) => toStaff(r.data));
  }

  async save(input: {
    storeId: string;
    id?: number;
    name: string;
    isManager: boolean;
    pin?: string;
    retired: boolean;
  }): Promise<ConsoleStaff> {
    const pinHash = input.pin ? await hashPassword(input.pin) : null;
    const saved = await writeTransaction(
      this.db,
      async (tx, numbers) => {
        const [store] = await rows(tx, sql`SELECT 1 FROM stores WHERE id = ${input.storeId}`);
        if (!store) throw new UserError('店舗が見つかりません。');
        let old: StaffData | undefined;
        if (input.id !== undefined) {
          [old] = (
            await rows<{ data: StaffData }>(
              tx,
              sql`SELECT data FROM master_rows WHERE kind = 'staff' AND key = ${String(input.id)} AND data->>'store_id' = ${input.storeId}`,
            )
          ).map((r) => r.data);
          if (!old) throw new UserError('スタッフが見つかりません。');
        }
        const [next] = await rows<{ id: number }>(
          tx,
          sql`SELECT coalesce(max((data->>'id')::int), 0) + 1 AS id FROM master_rows WHERE kind = 'staff'`,
        );
        const data: StaffData = {
          id: old?.id ?? next!.id,
          store_id: input.storeId,
          name: input.name,
          is_manager: input.isManager ? 1 : 0,
          pin_hash: input.pin === undefined ? (old?.pin_hash ?? null) : pinHash,
          retired: input.retired ? 1 : 0,
        };
        await putRow(tx, numbers, 'staff', String(data.id), { ...data });
        return data;
      },
      this.notify,
    );
    return toStaff(saved);
  }
}
