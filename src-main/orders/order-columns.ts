import type BetterSqlite3 from 'better-sqlite3';
import { ORDER_FIELDS, type OrderRecord } from '../../src-shared/domain/order-fields.js';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { storedBundleKey } from '../bundle/candidates.js';

/**
 * The store database's side of the order field table (src-shared/domain/order-fields.ts):
 * one INSERT naming every column, its values from an OrderRecord, and an order read back.
 */
const KEYS = ORDER_FIELDS.map((f) => f.key);
const BOOLEANS = ORDER_FIELDS.map((f) => f.type === 'boolean');

/** Every column of the table in its order, then the bundle key (a store-side column of its own). */
export const ORDER_INSERT = `INSERT INTO orders (${[...ORDER_FIELDS.map((f) => f.column), 'bundle_key'].join(', ')})
  VALUES (${Array.from({ length: KEYS.length + 1 }, () => '?').join(', ')})`;

/** The positional values of ORDER_INSERT: booleans as 0/1, and the bundle key of an open order. */
export function orderValues(record: OrderRecord): unknown[] {
  const values = new Array<unknown>(KEYS.length + 1);
  for (let i = 0; i < KEYS.length; i++) {
    const value = record[KEYS[i]!];
    values[i] = BOOLEANS[i] ? (value ? 1 : 0) : value;
  }
  values[KEYS.length] = storedBundleKey(record.status, {
    buyerName: record.buyerName,
    postalCode: record.shipPostalCode,
    prefecture: record.shipPrefecture,
    address1: record.shipAddress1,
    address2: record.shipAddress2,
  });
  return values;
}

/** `o.order_no AS "orderNo", ...`: a row read back under the wire keys. */
export function selectAsKeys(alias: string, fields: readonly { key: string; column: string }[] = ORDER_FIELDS): string {
  return fields.map((f) => `${alias}.${f.column} AS "${f.key}"`).join(', ');
}

/** An order row read with selectAsKeys, booleans back from 0/1. */
export function recordFromRow(row: Record<string, unknown>): OrderRecord {
  const record: Record<string, unknown> = { ...row };
  for (let i = 0; i < KEYS.length; i++) if (BOOLEANS[i]) record[KEYS[i]!] = row[KEYS[i]!] === 1;
  return record as OrderRecord;
}

const READ_RECORD = `SELECT ${selectAsKeys('o')} FROM orders o WHERE o.id = ?`;

/** What an order arrived with (a NewOrder, its items aside), read from its row. */
export function readArrival(sqlite: BetterSqlite3.Database, id: number): Omit<NewOrder, 'items'> | null {
  const row = sqlite.prepare(READ_RECORD).get(id) as Record<string, unknown> | undefined;
  return row ? arrivalOf(recordFromRow(row)) : null;
}

/** The NewOrder fields of a record, nested as a NewOrder holds them. */
export function arrivalOf(record: OrderRecord): Omit<NewOrder, 'items'> {
  const out: Record<string, unknown> = {};
  for (const field of ORDER_FIELDS) {
    if (!('arrival' in field)) continue;
    const [outer, inner] = field.arrival.split('.') as [string, string | undefined];
    if (inner) ((out[outer] ??= {}) as Record<string, unknown>)[inner] = record[field.key];
    else out[outer] = record[field.key];
  }
  return out as Omit<NewOrder, 'items'>;
}
