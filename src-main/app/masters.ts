import type BetterSqlite3 from 'better-sqlite3';
import type { Masters } from '../../src-shared/api/app.js';

/** Reads the master lists (stores, payment methods, sub-statuses) for the renderer. */
export function readMasters(sqlite: BetterSqlite3.Database): Masters {
  const stores = sqlite
    .prepare('SELECT id, name, is_head_office AS isHeadOffice FROM stores ORDER BY sort_order, id')
    .all() as { id: string; name: string; isHeadOffice: number }[];
  const payments = sqlite
    .prepare(
      'SELECT code, name, needs_confirmation AS needsConfirmation, is_cod AS isCod FROM payment_methods ORDER BY sort_order',
    )
    .all() as { code: string; name: string; needsConfirmation: number; isCod: number }[];
  const subs = sqlite
    .prepare(
      'SELECT id, main_status AS mainStatus, name, color, sort_order AS sortOrder, retired_at AS retiredAt FROM sub_statuses ORDER BY main_status, sort_order, id',
    )
    .all() as {
    id: number;
    mainStatus: string;
    name: string;
    color: string;
    sortOrder: number;
    retiredAt: string | null;
  }[];
  return {
    stores: stores.map((s) => ({ ...s, isHeadOffice: s.isHeadOffice === 1 })),
    paymentMethods: payments.map((p) => ({ ...p, needsConfirmation: p.needsConfirmation === 1, isCod: p.isCod === 1 })),
    subStatuses: subs.map(({ retiredAt, ...s }) => ({ ...s, retired: retiredAt !== null })),
  };
}
