import type BetterSqlite3 from 'better-sqlite3';
import { bundleKeyText } from './candidates.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The bundle key as an SQL function, for the triggers that keep orders.bundle_key
 * (drizzle/0011_bundle_key_triggers.sql) and the migration that fills it. Every connection
 * that writes orders needs it: openDatabase registers it before migrating.
 */
export function registerBundleFunctions(sqlite: BetterSqlite3.Database): void {
  sqlite.function(
    'chumon_bundle_key',
    { deterministic: true },
    (name: unknown, postal: unknown, prefecture: unknown, line1: unknown, line2: unknown) =>
      bundleKeyText({
        buyerName: text(name),
        postalCode: text(postal),
        prefecture: text(prefecture),
        address1: text(line1),
        address2: text(line2),
      }),
  );
}
