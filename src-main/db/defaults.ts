import type BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_PAYMENT_METHODS, DEFAULT_SUB_STATUSES } from '../../src-shared/domain/default-masters.js';

/** Fills empty master tables so a fresh database is usable at once. Idempotent. */
export function ensureDefaultMasters(sqlite: BetterSqlite3.Database): void {
  sqlite.transaction(() => {
    const hasPayment = sqlite.prepare('SELECT 1 FROM payment_methods LIMIT 1').get();
    if (!hasPayment) {
      const insert = sqlite.prepare(
        'INSERT INTO payment_methods (code, name, needs_confirmation, is_cod, sort_order) VALUES (?, ?, ?, ?, ?)',
      );
      DEFAULT_PAYMENT_METHODS.forEach((m, i) =>
        insert.run(m.code, m.name, m.needsConfirmation ? 1 : 0, m.isCod ? 1 : 0, i),
      );
    }
    const hasSub = sqlite.prepare('SELECT 1 FROM sub_statuses LIMIT 1').get();
    if (!hasSub) {
      const insert = sqlite.prepare(
        'INSERT INTO sub_statuses (main_status, name, color, sort_order) VALUES (?, ?, ?, ?)',
      );
      DEFAULT_SUB_STATUSES.forEach((s, i) => insert.run(s.mainStatus, s.name, s.color, i));
    }
  })();
}
