import { load, JSON_SCHEMA } from 'js-yaml';
import { UPDATE_PLATFORMS, type UpdateCheck } from '../../src-shared/console/updates.js';
import { compareVersions } from '../../src-shared/sync/versions.js';
import type { ServerLink } from './feed-link.js';

/** The feed file electron-updater would read on this OS (latest.yml on Windows). */
export const channelFileFor = (platform: NodeJS.Platform) =>
  platform === 'linux' ? UPDATE_PLATFORMS.linux.channelFile : UPDATE_PLATFORMS.windows.channelFile;

/**
 * Browser mode's update check: reads the same feed as electron-updater and says whether a
 * newer version is rolled out to this store (browser mode cannot install it; the notice
 * tells the clerk to update the desktop app).
 */
export async function checkForUpdate(
  link: ServerLink | null,
  current: string,
  platform: NodeJS.Platform = process.platform,
): Promise<UpdateCheck> {
  const none = (problem: string | null): UpdateCheck => ({ available: false, version: null, current, problem });
  if (!link) return none('中央サーバーが設定されていません（設定 → 同期）。');
  let response: Response;
  try {
    response = await fetch(new URL(channelFileFor(platform), link.feedUrl), {
      headers: link.headers,
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return none('中央サーバーに接続できないため、更新を確認できませんでした。');
  }
  if (response.status === 404) return none(null);
  if (!response.ok) return none(`更新を確認できませんでした（中央サーバーの応答 ${response.status}）。`);
  const info = load(await response.text(), { schema: JSON_SCHEMA }) as { version?: unknown } | null;
  const version = typeof info?.version === 'string' ? info.version : null;
  if (!version) return none('中央サーバーの更新情報を読み取れませんでした。');
  return { available: compareVersions(version, current) > 0, version, current, problem: null };
}
