import { sql, type SQL } from 'drizzle-orm';
import { PACKED_TAG } from '../../src-shared/sync/packed-orders.js';
import { idList, type ServerDb } from '../db/open.js';
import { MUTABLE_COLUMNS, ORDER_COLUMNS } from './columns.js';
import { itemValues, storedItemObject, storedItemValues } from './item-columns.js';

const MUTABLE_KEYS = new Set(MUTABLE_COLUMNS.map(([key]) => key));

/** A column's value in a wire expression: from the changes record when an UPDATE is writing it. */
const valueOf = (alias: string, changes: string | undefined, key: string, column: string) =>
  changes && MUTABLE_KEYS.has(key) ? `${changes}."${key}"` : `${alias}.${column}`;

const itemsOf = (alias: string, item: string) =>
  `coalesce((SELECT json_agg(${item} ORDER BY i.line_no) FROM order_items i WHERE i.order_id = ${alias}.id), '[]')`;

const PACKED_ITEM = `json_build_array(${storedItemValues('i')})`;

/** A packed order's text from its values and the JSON array of its packed items. */
const packed = (values: string, items: string) =>
  sql.raw(`json_build_array('${PACKED_TAG}', ${values}, ${items})::text`);

/**
 * The packed JSON text of an order (src-shared/sync/packed-orders.ts), built in SQL: what the
 * `wire` column keeps. `changes`: the alias of a record (jsonb_to_recordset, keyed like
 * WireOrder) whose mutable fields an UPDATE is writing, so that the row and its wire are
 * written in one statement.
 */
export function wireExpression(alias: string, changes?: string): SQL {
  const values = ORDER_COLUMNS.map(([key, column]) => valueOf(alias, changes, key, column)).join(', ');
  return packed(values, itemsOf(alias, PACKED_ITEM));
}

/**
 * The same for an order being inserted from a record (keyed like WireOrder), so that the row
 * is written once with its wire: `items` is the JSON array of its packed items (itemsPacked).
 */
export function wireOfRecord(record: string, items: string): SQL {
  return packed(ORDER_COLUMNS.map(([key]) => `${record}."${key}"`).join(', '), `coalesce(${items}, '[]')`);
}

/** Packed items as stored (tax_rate's default applied), from a record set keyed like WireItem. */
export const itemsPacked = (alias: string) =>
  sql.raw(`json_agg(json_build_array(${itemValues(alias)}) ORDER BY ${alias}."lineNo")`);

/** The packed text to send: the kept one when it was packed under today's keys, else packed now. */
export function packedWire(alias: string): SQL {
  return sql`CASE WHEN starts_with(${sql.raw(alias)}.wire, ${`["${PACKED_TAG}"`}) THEN ${sql.raw(alias)}.wire ELSE ${wireExpression(alias)} END`;
}

/** An order as a JSON object (WireOrder, history empty): for PCs that do not ask for packed pages. */
export function objectWire(alias: string): SQL {
  const fields = ORDER_COLUMNS.map(([key, column]) => `'${key}', ${alias}.${column}`).join(', ');
  return sql.raw(
    `json_build_object(${fields}, 'items', ${itemsOf(alias, storedItemObject('i'))}, 'history', '[]'::json)::text`,
  );
}

/** How a page's orders travel: packed (PCs that ask for it) or as objects. */
export type WireShape = 'packed' | 'object';

export const sentWire = (alias: string, shape: WireShape): SQL =>
  shape === 'packed' ? packedWire(alias) : objectWire(alias);

/** Rebuilds the stored wire text of the given orders; every writer calls it after writing. */
export async function refreshWire(tx: ServerDb, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`UPDATE orders o SET wire = ${wireExpression('o')} WHERE o.id = ANY(${idList(ids)}::int[])`);
}
