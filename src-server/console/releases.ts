import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { dump, JSON_SCHEMA, load } from 'js-yaml';
import { z } from 'zod';
import { UserError } from '../../src-shared/api/errors.js';
import {
  UPDATE_LIMITS,
  UPDATE_PLATFORMS,
  type AppRelease,
  type Rollout,
  type UpdatePlatform,
} from '../../src-shared/console/updates.js';
import { rows, type ServerDb } from '../db/open.js';

const VERSION = /^\d{1,6}\.\d{1,6}\.\d{1,6}$/;

/** What the uploaded latest.yml must say (electron-builder writes more; the rest is ignored). */
const channelFile = z.object({
  version: z.string().regex(VERSION, 'latest.yml の version は 1.2.3 の形にしてください。'),
  sha512: z.string().max(200).optional(),
  releaseDate: z.string().max(40).optional(),
  files: z
    .array(z.object({ url: z.string().max(300), sha512: z.string().max(200), size: z.number().optional() }))
    .min(1),
});

interface IncomingRelease {
  platform: UpdatePlatform;
  yml: Uint8Array;
  installer: Uint8Array;
  notes: string;
  uploadedBy: string;
}

/** The feed answer for one store: latest.yml of the newest release rolled out to it. */
interface FeedFile {
  id: number;
  version: string;
  yml: string;
}

const versionKey = (version: string) =>
  version
    .split('.')
    .map((n) => n.padStart(6, '0'))
    .join('.');

/** The installer's name in the feed: made by the server from the platform and version only. */
const installerName = (platform: UpdatePlatform, version: string) =>
  platform === 'windows' ? `Chumon-Setup-${version}.exe` : `Chumon-${version}.AppImage`;

const STORED_NAME = /^release-\d+-[0-9a-f]{24}$/;

function parseChannelFile(bytes: Uint8Array): z.infer<typeof channelFile> {
  let parsed: unknown;
  try {
    parsed = load(new TextDecoder('utf-8', { fatal: true }).decode(bytes), { schema: JSON_SCHEMA });
  } catch {
    throw new UserError('latest.yml を読み取れませんでした（electron-builder が作った latest.yml を選んでください）。');
  }
  const result = channelFile.safeParse(parsed);
  if (!result.success)
    throw new UserError(`latest.yml の内容が正しくありません。${result.error.issues[0]?.message ?? ''}`);
  return result.data;
}

/**
 * The store app's update feed (electron-updater's `generic` provider): installers head office
 * uploads in the console, kept in the uploads folder under generated names, and which stores
 * each version is rolled out to. A PC's feed is the newest version rolled out to its store.
 */
export class ReleaseStore {
  private readonly dir: string;

  constructor(
    private readonly db: ServerDb,
    uploadsDir: string,
  ) {
    this.dir = path.join(uploadsDir, 'releases');
  }

  async save(upload: IncomingRelease, now: Date): Promise<AppRelease> {
    if (upload.yml.length > UPDATE_LIMITS.ymlBytes)
      throw new UserError('latest.yml が大きすぎます（64KBまで）。', 'too_large');
    if (upload.installer.length > UPDATE_LIMITS.installerBytes)
      throw new UserError('インストーラーが大きすぎます（300MBまで）。', 'too_large');
    if (upload.installer.length === 0) throw new UserError('インストーラーを選んでください。');
    const info = parseChannelFile(upload.yml);
    const { extension } = UPDATE_PLATFORMS[upload.platform];
    const sha512 = createHash('sha512').update(upload.installer).digest('base64');
    const described = info.files.find((f) => f.url.endsWith(extension));
    if (!described)
      throw new UserError(
        `latest.yml に ${UPDATE_PLATFORMS[upload.platform].label} 用のインストーラー（${extension}）がありません。`,
      );
    if (described.sha512 !== sha512)
      throw new UserError(
        'インストーラーが latest.yml と一致しません（sha512 が違います）。同じビルドの2つを選んでください。',
      );
    const [taken] = await rows<{ id: number }>(
      this.db,
      sql`SELECT id FROM app_releases WHERE platform = ${upload.platform} AND version = ${info.version}`,
    );
    if (taken) throw new UserError(`バージョン ${info.version} はすでに登録されています。`);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const storedName = `release-${now.getTime()}-${randomBytes(12).toString('hex')}`;
    const file = path.join(this.dir, storedName);
    await writeFile(file, upload.installer, { flag: 'wx', mode: 0o600 });
    try {
      const [saved] = await rows<{ id: number }>(
        this.db,
        sql`INSERT INTO app_releases (version, version_key, platform, file_name, stored_name, bytes, sha512,
                                      release_date, notes, rollout, uploaded_at, uploaded_by)
            VALUES (${info.version}, ${versionKey(info.version)}, ${upload.platform},
                    ${installerName(upload.platform, info.version)}, ${storedName}, ${upload.installer.length}, ${sha512},
                    ${info.releaseDate ?? now.toISOString()}, ${upload.notes.slice(0, UPDATE_LIMITS.notesChars)},
                    'held', ${now.toISOString()}, ${upload.uploadedBy})
            RETURNING id`,
      );
      return await this.one(saved!.id);
    } catch (err) {
      await rm(file, { force: true });
      throw err;
    }
  }

  list(): Promise<AppRelease[]> {
    return rows<AppRelease>(
      this.db,
      sql`SELECT r.id, r.version, r.platform, r.file_name AS "fileName", r.bytes, r.sha512, r.release_date AS "releaseDate",
                 r.notes, r.rollout, r.uploaded_at AS "uploadedAt", r.uploaded_by AS "uploadedBy",
                 (SELECT coalesce(json_agg(s.store_id ORDER BY s.store_id), '[]') FROM app_release_stores s
                  WHERE s.release_id = r.id) AS "storeIds"
          FROM app_releases r ORDER BY r.version_key DESC, r.platform`,
    );
  }

  private async one(id: number): Promise<AppRelease> {
    const found = (await this.list()).find((r) => r.id === id);
    if (!found) throw new UserError('その更新は見つかりません。');
    return found;
  }

  /** 保留 / 店舗ごと / 全店舗: which stores' PCs get this version from the feed. */
  async setRollout(input: { id: number; rollout: Rollout; storeIds: string[] }): Promise<AppRelease> {
    const storeIds = input.rollout === 'stores' ? [...new Set(input.storeIds)] : [];
    await this.db.transaction(async (tx) => {
      const changed = await rows<{ id: number }>(
        tx as unknown as ServerDb,
        sql`UPDATE app_releases SET rollout = ${input.rollout} WHERE id = ${input.id} RETURNING id`,
      );
      if (changed.length === 0) throw new UserError('その更新は見つかりません。');
      if (storeIds.length > 0) {
        const known = await rows<{ id: string }>(
          tx as unknown as ServerDb,
          sql`SELECT id FROM stores WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(storeIds)}::jsonb))`,
        );
        const unknown = storeIds.filter((s) => !known.some((k) => k.id === s));
        if (unknown.length > 0) throw new UserError(`登録されていない店舗です: ${unknown.slice(0, 5).join('、')}`);
      }
      await tx.execute(sql`DELETE FROM app_release_stores WHERE release_id = ${input.id}`);
      await tx.execute(
        sql`INSERT INTO app_release_stores (release_id, store_id)
            SELECT ${input.id}, value FROM jsonb_array_elements_text(${JSON.stringify(storeIds)}::jsonb)`,
      );
    });
    return this.one(input.id);
  }

  /** latest.yml for a store's PCs: the newest version rolled out to the store, or null. */
  async feed(storeId: string, platform: UpdatePlatform): Promise<FeedFile | null> {
    const [release] = await rows<{
      id: number;
      version: string;
      fileName: string;
      bytes: number;
      sha512: string;
      releaseDate: string;
    }>(
      this.db,
      sql`SELECT id, version, file_name AS "fileName", bytes, sha512, release_date AS "releaseDate" FROM app_releases r
          WHERE platform = ${platform}
            AND (rollout = 'all' OR (rollout = 'stores' AND EXISTS (
                  SELECT 1 FROM app_release_stores s WHERE s.release_id = r.id AND s.store_id = ${storeId})))
          ORDER BY version_key DESC LIMIT 1`,
    );
    if (!release) return null;
    // The installer's address is relative to the feed: files/<id>/<the server's name for it>.
    const url = `files/${release.id}/${release.fileName}`;
    const yml = dump(
      {
        version: release.version,
        files: [{ url, sha512: release.sha512, size: Number(release.bytes) }],
        path: url,
        sha512: release.sha512,
        releaseDate: release.releaseDate,
      },
      { lineWidth: -1 },
    );
    return { id: release.id, version: release.version, yml };
  }

  /** An installer a store's PC may download: only one its feed names (rolled out to it). */
  async installer(storeId: string, id: number): Promise<{ name: string; bytes: number; stream(): Readable } | null> {
    const [found] = await rows<{ storedName: string; fileName: string; platform: UpdatePlatform }>(
      this.db,
      sql`SELECT stored_name AS "storedName", file_name AS "fileName", platform FROM app_releases WHERE id = ${id}`,
    );
    if (!found || !STORED_NAME.test(found.storedName)) return null;
    const served = await this.feed(storeId, found.platform);
    if (!served || served.id !== id) return null;
    const file = path.join(this.dir, found.storedName);
    const { size } = await stat(file);
    return { name: found.fileName, bytes: size, stream: () => createReadStream(file) };
  }
}
