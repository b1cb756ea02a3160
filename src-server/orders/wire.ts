import { sql, type SQL } from 'drizzle-orm';
import { idList, type ServerDb } from '../db/open.js';
import { MUTABLE_COLUMNS, ORDER_COLUMNS } from './columns.js';

const MUTABLE_KEYS = new Set(MUTABLE_COLUMNS.map(([key]) => key));

/**
 * The JSON text of an order as it travels (WireOrder, history left empty), built in SQL.
 * `changes`: the alias of a record (jsonb_to_recordset, keyed like WireOrder) whose mutable
 * fields an UPDATE is writing, so that the row and its wire are written in one statement.
 */
export function wireExpression(alias: string, changes?: string): SQL {
  const value = (key: string, column: string) =>
    changes && MUTABLE_KEYS.has(key) ? `${changes}."${key}"` : `${alias}.${column}`;
  const fields = ORDER_COLUMNS.map(([key, column]) => `'${key}', ${value(key, column)}`).join(', ');
  return sql.raw(`json_build_object(${fields},
    'items', coalesce((SELECT json_agg(json_build_object('lineNo', i.line_no, 'sku', i.sku, 'title', i.title, 'quantity', i.quantity,
      'unitPrice', i.unit_price, 'location', i.location, 'taxRate', i.tax_rate) ORDER BY i.line_no) FROM order_items i WHERE i.order_id = ${alias}.id), '[]'),
    'history', '[]'::json)::text`);
}

/** Rebuilds the stored wire text of the given orders; every writer calls it after writing. */
export async function refreshWire(tx: ServerDb, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`UPDATE orders o SET wire = ${wireExpression('o')} WHERE o.id = ANY(${idList(ids)}::int[])`);
}
