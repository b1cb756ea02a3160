import { sql, type SQL } from 'drizzle-orm';
import { MUTABLE_FIELDS, ORDER_FIELDS, type FieldType } from '../../src-shared/domain/order-fields.js';

/**
 * The central database's side of the order field table (src-shared/domain/order-fields.ts):
 * each column as it travels (camelCase, the WireOrder keys) and as it is stored
 * (snake_case), with its PostgreSQL type for bulk statements over jsonb_to_recordset.
 */
export type ServerColumn = readonly [key: string, column: string, type: string];

const PG_TYPES: Record<FieldType, string> = { text: 'text', integer: 'integer', boolean: 'boolean' };
const asColumn = (f: (typeof ORDER_FIELDS)[number]): ServerColumn => [f.key, f.column, PG_TYPES[f.type]];

export const ORDER_COLUMNS: readonly ServerColumn[] = ORDER_FIELDS.map(asColumn);

/** Columns a change may rewrite (the order's key and creation stay). */
export const MUTABLE_COLUMNS: readonly ServerColumn[] = MUTABLE_FIELDS.map(asColumn);

/** `o.order_no AS "orderNo", ...`: rows come back already in WireOrder shape. */
export function selectOrderColumns(alias: string): SQL {
  return sql.raw(ORDER_COLUMNS.map(([key, column]) => `${alias}.${column} AS "${key}"`).join(', '));
}

/** `x(channel text, ...)`: the record definition for jsonb_to_recordset. */
export function recordDefinition(columns: readonly ServerColumn[], extra = ''): SQL {
  return sql.raw(`x(${columns.map(([key, , type]) => `"${key}" ${type}`).join(', ')}${extra})`);
}
