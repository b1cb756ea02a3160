import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { UserError } from '../../src-shared/api/errors.js';
import type { LogUpload } from '../../src-shared/console/records.js';
import { rows, type ServerDb } from '../db/open.js';

export const LOG_LIMITS = { fileBytes: 20 * 1024 * 1024, requestBytes: 50 * 1024 * 1024, files: 50, noteChars: 1000 };
/** A text file is shown up to this much; the rest is downloaded. */
const SHOWN_BYTES = 1024 * 1024;

/** Control characters, bidi overrides and zero-width marks: they could disguise a name. */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The name a PC gave a file, made safe to show: only its last path part, no control or
 * bidi characters, at most 100 characters. It is never used to find the file on disk.
 */
function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = last.replace(UNSHOWABLE, '').trim().slice(0, 100);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'ログ' : cleaned;
}

export interface IncomingLogFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Store PCs' uploaded logs: each file under a generated name in the uploads folder (never
 * a served folder), its row in pc_log_files. A failed upload leaves neither files nor rows.
 */
export class LogStore {
  private readonly dir: string;

  constructor(
    private readonly db: ServerDb,
    uploadsDir: string,
  ) {
    this.dir = path.join(uploadsDir, 'logs');
  }

  async save(
    clientId: number,
    files: IncomingLogFile[],
    note: string,
    now: Date,
  ): Promise<{ id: number; files: number }> {
    if (files.length === 0) throw new UserError('ログファイルがありません。');
    if (files.length > LOG_LIMITS.files) throw new UserError(`ログファイルは一度に${LOG_LIMITS.files}個までです。`);
    const total = files.reduce((n, f) => n + f.bytes.length, 0);
    if (files.some((f) => f.bytes.length > LOG_LIMITS.fileBytes) || total > LOG_LIMITS.requestBytes)
      throw new UserError('ログファイルが大きすぎます（1ファイル20MB、合計50MBまで）。', 'too_large');
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const stored = files.map((f) => ({
      name: cleanFileName(f.name),
      storedName: `${now.getTime()}-${randomBytes(12).toString('hex')}`,
      bytes: f.bytes.length,
      sha256: createHash('sha256').update(f.bytes).digest('hex'),
      data: f.bytes,
    }));
    try {
      for (const f of stored) await writeFile(path.join(this.dir, f.storedName), f.data, { flag: 'wx', mode: 0o600 });
      return await this.db.transaction(async (tx) => {
        const [upload] = await rows<{ id: number }>(
          tx as unknown as ServerDb,
          sql`INSERT INTO pc_log_uploads (client_id, received_at, note, bytes)
              VALUES (${clientId}, ${now.toISOString()}, ${note.slice(0, LOG_LIMITS.noteChars)}, ${total}) RETURNING id`,
        );
        await tx.execute(
          sql`INSERT INTO pc_log_files (upload_id, name, stored_name, bytes, sha256)
              SELECT ${upload!.id}, name, "storedName", bytes, sha256
              FROM jsonb_to_recordset(${JSON.stringify(stored.map(({ data: _data, ...f }) => f))}::jsonb)
                AS f(name text, "storedName" text, bytes int, sha256 text)`,
        );
        return { id: upload!.id, files: stored.length };
      });
    } catch (err) {
      await Promise.all(stored.map((f) => rm(path.join(this.dir, f.storedName), { force: true })));
      throw err;
    }
  }

  list(filter: { clientId?: number; limit: number }): Promise<LogUpload[]> {
    return rows<LogUpload>(
      this.db,
      sql`SELECT u.id, u.client_id AS "clientId", c.name AS "clientName", s.name AS "storeName", u.received_at AS "receivedAt",
                 u.note, u.bytes,
                 (SELECT coalesce(json_agg(json_build_object('id', f.id, 'name', f.name, 'bytes', f.bytes) ORDER BY f.id), '[]')
                  FROM pc_log_files f WHERE f.upload_id = u.id) AS files
          FROM pc_log_uploads u JOIN clients c ON c.id = u.client_id LEFT JOIN stores s ON s.id = c.store_id
          WHERE ${filter.clientId ? sql`u.client_id = ${filter.clientId}` : sql`true`}
          ORDER BY u.id DESC LIMIT ${filter.limit}`,
    );
  }

  private async file(id: number): Promise<{ name: string; path: string; bytes: number }> {
    const [found] = await rows<{ name: string; storedName: string; bytes: number }>(
      this.db,
      sql`SELECT name, stored_name AS "storedName", bytes FROM pc_log_files WHERE id = ${id}`,
    );
    // Stored names are ours (digits, a dash and hex), checked again before touching the disk.
    if (!found || !/^\d+-[0-9a-f]{24}$/.test(found.storedName)) throw new UserError('ログファイルが見つかりません。');
    return { name: found.name, path: path.join(this.dir, found.storedName), bytes: found.bytes };
  }

  /** The file as text (UTF-8), its first megabyte. */
  async text(id: number): Promise<{ name: string; text: string; truncated: boolean }> {
    const file = await this.file(id);
    const handle = await open(file.path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(file.bytes, SHOWN_BYTES));
      await handle.read(buffer, 0, buffer.length, 0);
      return { name: file.name, text: new TextDecoder().decode(buffer), truncated: file.bytes > SHOWN_BYTES };
    } finally {
      await handle.close();
    }
  }

  async download(id: number): Promise<{ name: string; data: Buffer }> {
    const file = await this.file(id);
    return { name: file.name, data: await readFile(file.path) };
  }
}
