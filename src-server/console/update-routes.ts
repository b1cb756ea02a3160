import { Readable } from 'node:stream';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { UserError } from '../../src-shared/api/errors.js';
import { UPDATE_LIMITS, UPDATE_PLATFORMS, type UpdatePlatform } from '../../src-shared/console/updates.js';
import type { CentralEnv } from './pc-routes.js';
import type { ConsoleServices } from './services.js';

const platformOf = (channelFile: string): UpdatePlatform | null =>
  (Object.keys(UPDATE_PLATFORMS) as UpdatePlatform[]).find((p) => UPDATE_PLATFORMS[p].channelFile === channelFile) ??
  null;

/**
 * The update feed store PCs' electron-updater reads (`generic` provider, feed URL
 * `<server>/updates/`, the PC's token as Bearer): latest.yml of the version rolled out to the
 * PC's store, and that version's installer. Nothing else is downloadable here.
 */
export function addUpdateFeedRoutes(app: Hono<CentralEnv>, services: ConsoleServices): void {
  app.get('/updates/files/:id/:name', async (c) => {
    const id = Number(c.req.param('id'));
    const storeId = c.get('client').storeId ?? '';
    const file = Number.isSafeInteger(id) && id > 0 ? await services.releases.installer(storeId, id) : null;
    if (!file || file.name !== c.req.param('name'))
      return c.json({ error: 'この PC の店舗に配布されている更新ではありません。' }, 404);
    return c.body(Readable.toWeb(file.stream()) as ReadableStream, 200, {
      'content-type': 'application/octet-stream',
      'content-length': String(file.bytes),
      'content-disposition': `attachment; filename="${file.name}"`,
      'cache-control': 'no-store',
    });
  });

  app.get('/updates/:channelFile', async (c) => {
    const platform = platformOf(c.req.param('channelFile'));
    if (!platform) return c.json({ error: '更新情報が見つかりません。' }, 404);
    const feed = await services.releases.feed(c.get('client').storeId ?? '', platform);
    if (!feed) return c.json({ error: 'この PC の店舗に配布されている更新はありません。' }, 404);
    return c.body(feed.yml, 200, { 'content-type': 'text/yaml; charset=utf-8', 'cache-control': 'no-store' });
  });
}

/** What the console's upload needs from its app: who is signed in (session + CSRF already checked). */
interface UploadCaller {
  account: { id: number; login: string; role: string };
  address: string;
  now: Date;
}

const failed = (c: Context, code: string, message: string, status: 400 | 403 | 413) =>
  c.json({ ok: false, error: { code, message } }, status);

/**
 * 更新 → アップロード: a 管理者 sends latest.yml and its installer (multipart). The server
 * checks the two belong together, names and stores the installer itself, keeps the version
 * held back (保留) until it is rolled out, and writes the audit log.
 */
export function addReleaseUpload(
  app: Hono,
  services: ConsoleServices,
  caller: (c: Context) => Promise<UploadCaller | Response>,
): void {
  app.post(
    '/files/updates',
    bodyLimit({
      maxSize: UPDATE_LIMITS.installerBytes + UPDATE_LIMITS.ymlBytes + 64 * 1024,
      onError: (c) => failed(c, 'too_large', 'インストーラーが大きすぎます（300MBまで）。', 413),
    }),
    async (c) => {
      const who = await caller(c);
      if (who instanceof Response) return who;
      if (who.account.role !== 'admin')
        return failed(c, 'forbidden', 'この操作は管理者のアカウントでだけ行えます。', 403);
      let form: Record<string, string | File>;
      try {
        form = await c.req.parseBody();
      } catch {
        return failed(c, 'invalid_form', '送信内容を multipart/form-data として読み取れませんでした。', 400);
      }
      const { yml, installer, platform, notes } = form;
      if (!(yml instanceof File) || !(installer instanceof File))
        return failed(c, 'invalid_form', 'latest.yml とインストーラーの両方を選んでください。', 400);
      const chosen = typeof platform === 'string' && platform in UPDATE_PLATFORMS ? (platform as UpdatePlatform) : null;
      if (!chosen) return failed(c, 'invalid_form', '対象の OS を選んでください。', 400);
      try {
        const release = await services.releases.save(
          {
            platform: chosen,
            yml: new Uint8Array(await yml.arrayBuffer()),
            installer: new Uint8Array(await installer.arrayBuffer()),
            notes: typeof notes === 'string' ? notes : '',
            uploadedBy: who.account.login,
          },
          who.now,
        );
        await services.audit.record(who, 'console:uploadRelease', '更新のアップロード', {
          version: release.version,
          platform: release.platform,
          bytes: release.bytes,
        });
        return c.json({ ok: true, value: release });
      } catch (err) {
        if (err instanceof UserError)
          return failed(c, err.code ?? 'invalid_input', err.message, err.code === 'too_large' ? 413 : 400);
        throw err;
      }
    },
  );
}
