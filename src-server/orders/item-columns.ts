import { sql, type SQL } from 'drizzle-orm';
import { PACKED_ITEM_KEYS } from '../../src-shared/sync/packed-orders.js';
import type { ServerColumn } from './columns.js';

/**
 * An order line's columns, in the packed order (PACKED_ITEM_KEYS): its key as it travels
 * (WireItem), its order_items column, its PostgreSQL type. Every statement reading or writing
 * items by list is made from this one table.
 */
export const ITEM_COLUMNS = [
  ['lineNo', 'line_no', 'int'],
  ['sku', 'sku', 'text'],
  ['title', 'title', 'text'],
  ['quantity', 'quantity', 'int'],
  ['unitPrice', 'unit_price', 'int'],
  ['location', 'location', 'text'],
  ['taxRate', 'tax_rate', 'int'],
] as const satisfies readonly ServerColumn[];

if (ITEM_COLUMNS.map(([key]) => key).join() !== PACKED_ITEM_KEYS.join())
  throw new Error('ITEM_COLUMNS must list the items’ keys in PACKED_ITEM_KEYS order');

/** order_items' columns, for an INSERT's column list. */
export const ITEM_COLUMN_LIST = ITEM_COLUMNS.map(([, column]) => column).join(', ');

/** A record set's definition of items keyed like WireItem: `alias(<leading>, "lineNo" int, …)`. */
export const itemRecord = (alias: string, leading: string): SQL =>
  sql.raw(`${alias}(${leading}, ${ITEM_COLUMNS.map(([key, , type]) => `"${key}" ${type}`).join(', ')})`);

/** A record's item values as stored, in ITEM_COLUMNS order (a missing tax rate is 10%). */
export const itemValues = (alias: string): string =>
  ITEM_COLUMNS.map(([key, column]) =>
    column === 'tax_rate' ? `coalesce(${alias}."${key}", 10)` : `${alias}."${key}"`,
  ).join(', ');

/** A stored item's columns, in ITEM_COLUMNS order. */
export const storedItemValues = (alias: string): string =>
  ITEM_COLUMNS.map(([, column]) => `${alias}.${column}`).join(', ');

/** A stored item as a JSON object keyed like WireItem. */
export const storedItemObject = (alias: string): string =>
  `json_build_object(${ITEM_COLUMNS.map(([key, column]) => `'${key}', ${alias}.${column}`).join(', ')})`;
