import path from 'node:path';
import type { LogsSent } from '../../src-shared/api/logs.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { ServerLink } from '../updates/feed-link.js';
import { collectLogs } from './collect.js';

/**
 * 「ログを本部へ送信」: the last 7 days of this PC's logs, crash.log and crash minidumps, sent
 * to the central server (POST /sync/logs), where the console's ログ page shows them.
 */
export async function sendLogs(
  link: ServerLink | null,
  databaseFile: string,
  now: Date,
  note: string,
): Promise<LogsSent> {
  if (!link) throw new UserError('中央サーバーが設定されていないため、ログを送れません（設定 → 同期）。');
  const { files, skipped } = collectLogs(path.dirname(databaseFile), now);
  if (files.length === 0) throw new UserError('送るログがありません（この7日間のログが見つかりません）。');
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)]), f.name);
  if (note) form.append('note', note);
  let response: Response;
  try {
    response = await fetch(new URL('/sync/logs', link.serverUrl), {
      method: 'POST',
      headers: link.headers,
      body: form,
      signal: AbortSignal.timeout(120_000),
    });
  } catch {
    throw new UserError('中央サーバーに接続できないため、ログを送れませんでした。ネットワークを確認してください。');
  }
  const answer = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new UserError(`ログを送れませんでした（${response.status}）。${answer.error ?? ''}`.trim());
  return { files: files.length, bytes: files.reduce((n, f) => n + f.bytes.length, 0), skipped };
}
