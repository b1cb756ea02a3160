import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../src-shared/api/errors.js';
import {
  IMPORT_FIELD_LABELS,
  mappedHeaders,
  REQUIRED_MAPPING_FIELDS,
  type ImportField,
  type ImportMapping,
  type MappedColumns,
} from '../../src-shared/api/imports.js';
import type { Channel } from '../../src-shared/domain/channels.js';
import { missingHeaders } from '../../src-shared/order-files/layouts.js';

interface MappingRow {
  id: number;
  name: string;
  channel: Channel;
  fields: string;
}

const toMapping = (row: MappingRow): ImportMapping => ({
  ...row,
  fields: JSON.parse(row.fields) as ImportMapping['fields'],
});

export function listMappings(sqlite: BetterSqlite3.Database): ImportMapping[] {
  return (
    sqlite.prepare('SELECT id, name, channel, fields FROM import_mappings ORDER BY name').all() as MappingRow[]
  ).map(toMapping);
}

/**
 * The saved mapping a file's headers fit (every header it names is there): the one naming
 * the most headers, so a file is read by its own mapping rather than by a looser one.
 */
export function mappingFitting(sqlite: BetterSqlite3.Database, header: readonly string[]): ImportMapping | null {
  const named = (m: ImportMapping) => Object.values(m.fields).filter(Boolean).length;
  const fits = listMappings(sqlite)
    .filter((m) => missingHeaders(m, header).length === 0)
    .sort((a, b) => named(b) - named(a));
  return fits[0] ?? null;
}

export function loadMapping(sqlite: BetterSqlite3.Database, id: number): ImportMapping {
  const row = sqlite.prepare('SELECT id, name, channel, fields FROM import_mappings WHERE id = ?').get(id) as
    MappingRow | undefined;
  if (!row)
    throw new UserError(
      'そのマッピングは見つかりません（削除された可能性があります）。選び直してください。',
      'not_found',
    );
  return toMapping(row);
}

/** Saves a column mapping; every required field must name a header. */
export function saveMapping(
  sqlite: BetterSqlite3.Database,
  input: { id?: number; name: string; channel: Channel; fields: ImportMapping['fields'] },
  at: string,
): ImportMapping {
  // One column is kept as its header, several as the list joined in this order.
  const fields = Object.fromEntries(
    (Object.entries(input.fields) as [ImportField, MappedColumns][]).flatMap(([field, columns]) => {
      const headers = mappedHeaders(columns);
      return headers.length === 0 ? [] : [[field, headers.length === 1 ? headers[0]! : headers]];
    }),
  ) as ImportMapping['fields'];
  const missing = REQUIRED_MAPPING_FIELDS.filter((f) => !fields[f]);
  if (missing.length > 0) {
    throw new UserError(
      `次の項目に対応する見出しを選んでください: ${missing.map((f) => IMPORT_FIELD_LABELS[f]).join('、')}。`,
    );
  }
  const clash = sqlite
    .prepare('SELECT id FROM import_mappings WHERE name = ? AND id IS NOT ?')
    .get(input.name, input.id ?? null);
  if (clash) throw new UserError(`「${input.name}」という名前のマッピングはすでにあります。別の名前にしてください。`);
  const json = JSON.stringify(fields);
  if (input.id !== undefined) {
    const changed = sqlite
      .prepare('UPDATE import_mappings SET name = ?, channel = ?, fields = ?, updated_at = ? WHERE id = ?')
      .run(input.name, input.channel, json, at, input.id).changes;
    if (changed === 0)
      throw new UserError('そのマッピングは見つかりません（削除された可能性があります）。', 'not_found');
    return { id: input.id, name: input.name, channel: input.channel, fields };
  }
  const id = Number(
    sqlite
      .prepare('INSERT INTO import_mappings (name, channel, fields, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.name, input.channel, json, at, at).lastInsertRowid,
  );
  return { id, name: input.name, channel: input.channel, fields };
}

export function deleteMapping(sqlite: BetterSqlite3.Database, id: number): boolean {
  return sqlite.prepare('DELETE FROM import_mappings WHERE id = ?').run(id).changes > 0;
}
