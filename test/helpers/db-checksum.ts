import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v,
  );
}

/** A checksum per table of every row (shadow tables of virtual ones included): a diff names the table. */
export function databaseChecksum(sqlite: BetterSqlite3.Database): Record<string, string> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
  const sums: Record<string, string> = {};
  for (const table of tables) {
    const rows = sqlite
      .prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`)
      .safeIntegers()
      .all()
      .map(canonical)
      .sort();
    sums[table] = createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16);
  }
  return sums;
}

/** Every file under a folder with its size, except SQLite's own -wal/-shm side files. */
export function folderListing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (!/-(wal|shm)$/.test(name))
        out.push(`${path.relative(dir, full)} ${name.endsWith('.sqlite') ? '' : st.size}`);
    }
  };
  walk(dir);
  return out.sort();
}
