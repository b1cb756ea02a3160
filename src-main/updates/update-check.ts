import { load, JSON_SCHEMA } from 'js-yaml';
import { UPDATE_PLATFORMS, type UpdateCheck } from '../../src-shared/console/updates.js';
import { compareVersions } from '../../src-shared/sync/versions.js';
import type { ServerLink } from './feed-link.js';

const CHANNEL_FILES = Object.values(UPDATE_PLATFORMS).map((p) => p.channelFile);

/** One channel file's version: a string, null when none is rolled out (404), or a problem. */
async function feedVersion(
  link: ServerLink,
  channelFile: string,
): Promise<{ version: string | null } | { problem: string }> {
  let response: Response;
  try {
    response = await fetch(new URL(channelFile, link.feedUrl), {
      headers: link.headers,
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return { problem: '中央サーバーに接続できないため、更新を確認できませんでした。' };
  }
  if (response.status === 404) return { version: null };
  if (!response.ok) return { problem: `更新を確認できませんでした（中央サーバーの応答 ${response.status}）。` };
  try {
    const info = load(await response.text(), { schema: JSON_SCHEMA }) as { version?: unknown } | null;
    if (typeof info?.version === 'string') return { version: info.version };
  } catch {
    // Reported below.
  }
  return { problem: '中央サーバーの更新情報を読み取れませんでした。' };
}

/**
 * Browser mode's update check: reads the same feed as electron-updater and says whether a
 * newer version is rolled out to this store. Browser mode installs nothing, so the newest
 * version of any OS's feed counts (the desktop PCs of the store are told the same).
 */
export async function checkForUpdate(link: ServerLink | null, current: string): Promise<UpdateCheck> {
  const none = (problem: string | null): UpdateCheck => ({ available: false, version: null, current, problem });
  if (!link) return none('中央サーバーが設定されていません（設定 → 同期）。');
  const answers = await Promise.all(CHANNEL_FILES.map((file) => feedVersion(link, file)));
  const versions = answers.flatMap((a) => ('version' in a && a.version ? [a.version] : []));
  const problem = answers.find((a): a is { problem: string } => 'problem' in a);
  if (versions.length === 0) return none(problem?.problem ?? null);
  const newest = versions.sort((a, b) => compareVersions(b, a))[0]!;
  return { available: compareVersions(newest, current) > 0, version: newest, current, problem: null };
}
