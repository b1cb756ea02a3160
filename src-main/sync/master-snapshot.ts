import type BetterSqlite3 from 'better-sqlite3';
import { UPLOADED_MASTER_KINDS, type MastersUpload } from '../../src-shared/sync/protocol.js';

/** Head office's master lists as they are (each kind's table has the kind's name), for the server to keep and send down. */
export function mastersSnapshot(sqlite: BetterSqlite3.Database): MastersUpload {
  const kinds: MastersUpload['kinds'] = {};
  for (const kind of UPLOADED_MASTER_KINDS) {
    const info = sqlite.prepare(`PRAGMA table_info(${kind})`).all() as { name: string; pk: number }[];
    const pk = info.find((c) => c.pk === 1)?.name;
    if (!pk) continue;
    const list = sqlite.prepare(`SELECT * FROM ${kind}`).all() as Record<string, unknown>[];
    kinds[kind] = list.map((data) => ({ key: String(data[pk]), data }));
  }
  return { kinds };
}
