import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../src-shared/api/errors.js';
import {
  REQUIRED_STOCK_FIELDS,
  STOCK_FILE_FIELD_LABELS,
  type StockFileField,
  type StockMapping,
} from '../../src-shared/api/stock-import.js';
import { prepareAll } from '../core/statements.js';

const SQL = {
  list: 'SELECT id, name, fields FROM stock_mappings ORDER BY name',
  clash: 'SELECT id FROM stock_mappings WHERE name = ? AND id IS NOT ?',
  update: 'UPDATE stock_mappings SET name = ?, fields = ?, updated_at = ? WHERE id = ?',
  insert: 'INSERT INTO stock_mappings (name, fields, created_at, updated_at) VALUES (?, ?, ?, ?)',
  delete: 'DELETE FROM stock_mappings WHERE id = ?',
} as const;

/** Saved column mappings of stock files (在庫データ取込), as F1 keeps its own. */
export class StockMappings {
  private readonly sql: Record<keyof typeof SQL, BetterSqlite3.Statement>;

  constructor(sqlite: BetterSqlite3.Database) {
    this.sql = prepareAll(sqlite, SQL);
  }

  list(): StockMapping[] {
    return (this.sql.list.all() as { id: number; name: string; fields: string }[]).map((row) => ({
      ...row,
      fields: JSON.parse(row.fields) as StockMapping['fields'],
    }));
  }

  /** Saves a mapping; 商品コード and 在庫数 must name a header. */
  save(
    input: { id?: number; name: string; fields: Partial<Record<StockFileField, string>> },
    at: string,
  ): StockMapping {
    const fields = Object.fromEntries(
      Object.entries(input.fields).filter(([, header]) => header && header.trim() !== ''),
    ) as StockMapping['fields'];
    const missing = REQUIRED_STOCK_FIELDS.filter((f) => !fields[f]);
    if (missing.length > 0) {
      throw new UserError(
        `次の項目に対応する見出しを選んでください: ${missing.map((f) => STOCK_FILE_FIELD_LABELS[f]).join('、')}。`,
      );
    }
    if (this.sql.clash.get(input.name, input.id ?? null))
      throw new UserError(`「${input.name}」という名前のマッピングはすでにあります。別の名前にしてください。`);
    const json = JSON.stringify(fields);
    if (input.id !== undefined) {
      if (this.sql.update.run(input.name, json, at, input.id).changes === 0)
        throw new UserError('そのマッピングは見つかりません（削除された可能性があります）。', 'not_found');
      return { id: input.id, name: input.name, fields };
    }
    const id = Number(this.sql.insert.run(input.name, json, at, at).lastInsertRowid);
    return { id, name: input.name, fields };
  }

  delete(id: number): boolean {
    return this.sql.delete.run(id).changes > 0;
  }
}
