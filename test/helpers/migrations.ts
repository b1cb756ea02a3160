import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Earlier schema versions, from a drizzle migrations folder (store: drizzle/, server: drizzle-server/). */
interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

export function migrationTags(folder: string): string[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.map((e) => e.tag);
}

/** A copy of the migrations folder holding only its first `k` migrations. */
export function migrationsUpTo(folder: string, k: number, into: string): string {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  const entries = journal.entries.slice(0, k);
  mkdirSync(path.join(into, 'meta'), { recursive: true });
  writeFileSync(path.join(into, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(path.join(folder, `${e.tag}.sql`), path.join(into, `${e.tag}.sql`));
  return into;
}
