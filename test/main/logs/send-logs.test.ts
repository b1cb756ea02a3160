import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../src-main/logs/file-logger.js';
import { sendLogs } from '../../../src-main/logs/log-upload.js';
import { createFileKeyCipher } from '../../../src-main/settings/secret-cipher.js';
import { serverLink, type ServerLink } from '../../../src-main/updates/feed-link.js';
import { checkForUpdate } from '../../../src-main/updates/update-check.js';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { ConsoleSessionClient } from '../../helpers/console-client.js';
import { fakeBuild, uploadRelease } from '../../helpers/releases.js';
import { TestClock } from '../../helpers/test-app.js';

/** 「ログを本部へ送信」 and the browser-mode update notice, against a running central server. */
let s: TestServer;
let admin: ConsoleSessionClient;
let link: ServerLink;
const now = new Date('2026-12-05T03:00:00Z');

beforeAll(async () => {
  s = await startTestServer('pglite');
  await s.addStore('tokyo', '東京店');
  const token = await s.addPc('tokyo', '東京PC');
  admin = new ConsoleSessionClient(s.url);
  await admin.signIn('admin', s.firstPassword);
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 'chumon-key-'));
  const cipher = createFileKeyCipher(keyDir);
  const saved: Record<string, string> = { serverUrl: s.url, storeToken: await cipher.encrypt(token) };
  link = (await serverLink({ get: ((key: string) => saved[key] ?? '') as never }, cipher, '0.1.0'))!;
}, 120_000);
afterAll(async () => s?.close());

function pcDataFolder(): string {
  const data = mkdtempSync(path.join(os.tmpdir(), 'chumon-pc-'));
  const logs = path.join(data, 'logs');
  const log = createFileLogger({ dir: logs, clock: new TestClock(now) });
  log.info('同期を開始しました');
  log.error('出荷通知に失敗', { orderNo: 'T-100', buyerName: '山田 太郎', buyerEmail: 'taro@example.jp' });
  writeFileSync(
    path.join(logs, 'crash.log'),
    '2026-12-04T10:00:00.000Z renderer gone: crashed (exit code 1); reloading\n',
  );
  // Ten days ago: left out.
  writeFileSync(path.join(logs, 'chumon-2026-11-25.log'), 'too old\n');
  mkdirSync(path.join(data, 'Crashpad', 'completed'), { recursive: true });
  const dump = path.join(data, 'Crashpad', 'completed', 'a1b2.dmp');
  writeFileSync(dump, new Uint8Array([77, 68, 77, 80, 0, 1]));
  utimesSync(dump, now, now);
  utimesSync(path.join(logs, 'crash.log'), now, now);
  return data;
}

describe('ログを本部へ送信', () => {
  it('sends the last 7 days of logs, crash.log and minidumps; the console lists and shows them', async () => {
    const data = pcDataFolder();
    const sent = await sendLogs(link, path.join(data, 'chumon.sqlite'), now, '印刷が止まります');
    expect(sent).toMatchObject({ files: 3, skipped: 0 });
    const [upload] = await admin.call('console:logUploads', {});
    expect(upload).toMatchObject({ clientName: '東京PC', storeName: '東京店', note: '印刷が止まります' });
    expect(upload!.files.map((f) => f.name).sort()).toEqual(['a1b2.dmp', 'chumon-2026-12-05.log', 'crash.log']);
    const log = upload!.files.find((f) => f.name === 'chumon-2026-12-05.log')!;
    const shown = await admin.call('console:logFile', { id: log.id });
    expect(shown.text).toContain('[error] 出荷通知に失敗');
    expect(shown.text).toContain('T-100');
    expect(shown.text).not.toContain('山田');
    expect(shown.text).not.toContain('taro@example.jp');
    const audit = await admin.call('console:audit', { limit: 5 });
    expect(audit[0]).toMatchObject({ login: '端末: 東京PC', action: 'ログの受信' });
  });

  it('still sends from a PC too old to sync, and says in Japanese when no server is set', async () => {
    await admin.call('console:saveFleetSettings', { minAppVersion: '9.0.0' });
    try {
      expect((await sendLogs(link, path.join(pcDataFolder(), 'chumon.sqlite'), now, '')).files).toBe(3);
    } finally {
      await admin.call('console:saveFleetSettings', { minAppVersion: '' });
    }
    await expect(sendLogs(null, '/nowhere/chumon.sqlite', now, '')).rejects.toThrow('中央サーバーが設定されていない');
  });

  it('refuses a console session on the PC upload', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x']), 'x.log');
    const r = await fetch(`${s.url}/sync/logs`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-chumon-csrf': admin.csrf },
      body: form,
    });
    expect(r.status).toBe(401);
  });
});

describe('update notice (browser mode)', () => {
  it('tells of a newer version only once it is rolled out to the store', async () => {
    expect(await checkForUpdate(link, '0.1.0')).toMatchObject({ available: false, problem: null });
    const up = await uploadRelease(s.url, admin, fakeBuild('0.2.0'));
    expect(await checkForUpdate(link, '0.1.0')).toMatchObject({ available: false });
    await admin.call('console:saveRollout', { id: up.body.value!.id, rollout: 'stores', storeIds: ['tokyo'] });
    expect(await checkForUpdate(link, '0.1.0')).toEqual({
      available: true,
      version: '0.2.0',
      current: '0.1.0',
      problem: null,
    });
    expect(await checkForUpdate(link, '0.2.0')).toMatchObject({ available: false, version: '0.2.0' });
    expect((await checkForUpdate(null, '0.1.0')).problem).toContain('中央サーバーが設定されていません');
  });
});
