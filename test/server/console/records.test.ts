import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src-shared/sync/protocol.js';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { ConsoleSessionClient } from '../../helpers/console-client.js';
import { makeOrder } from '../../helpers/orders.js';
import { sjis, upload, yahooCombined, fileOrder } from '../../helpers/order-files.js';
import { CONSOLE_ROOT } from '../../../src-server/console/paths.js';

let s: TestServer;
let admin: ConsoleSessionClient;
let pcToken: string;

beforeAll(async () => {
  s = await startTestServer('pglite');
  await s.addStore('tokyo', '東京店');
  await s.addStore('osaka', '大阪店');
  pcToken = await s.addPc('tokyo', '東京PC');
  admin = new ConsoleSessionClient(s.url);
  await admin.signIn('admin', s.firstPassword);
}, 120_000);
afterAll(async () => s?.close());

async function sendLogs(files: { name: string; body: string | Uint8Array }[], note = ''): Promise<Response> {
  const form = new FormData();
  for (const f of files)
    form.append('file', new Blob([typeof f.body === 'string' ? f.body : new Uint8Array(f.body)]), f.name);
  if (note) form.append('note', note);
  return fetch(`${s.url}/sync/logs`, { method: 'POST', headers: { authorization: `Bearer ${pcToken}` }, body: form });
}

describe('console: uploaded logs', () => {
  it('stores each file under a name of its own outside anything served, and shows the given name cleaned', async () => {
    const r = await sendLogs(
      [
        { name: '..\\..\\Windows\\system32\\evil.log', body: 'ログ本文 1行目\n' },
        { name: 'a\u202egol.exe', body: new Uint8Array([0, 1, 2, 255]) },
      ],
      '印刷が止まる',
    );
    expect(r.status).toBe(200);
    const [upload1] = await admin.call('console:logUploads', {});
    expect(upload1).toMatchObject({ clientName: '東京PC', storeName: '東京店', note: '印刷が止まる' });
    expect(upload1!.files.map((f) => f.name)).toEqual(['evil.log', 'agol.exe']);
    expect(await admin.call('console:logFile', { id: upload1!.files[0]!.id })).toEqual({
      name: 'evil.log',
      text: 'ログ本文 1行目\n',
      truncated: false,
    });
    // Downloads are bytes with the cleaned name, never run or shown by the browser.
    const download = await fetch(`${s.url}/console/files/logs/${upload1!.files[1]!.id}`, {
      headers: { cookie: admin.cookie },
    });
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="log-\d+\.bin"; filename\*=UTF-8''agol\.exe$/,
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 255]));
    // Nothing of the upload lands where the console's files are served from (not built yet: nothing there).
    const served = existsSync(CONSOLE_ROOT) ? readdirSync(CONSOLE_ROOT, { recursive: true }).map(String) : [];
    expect(served.some((f) => f.includes('evil') || /^\d+-[0-9a-f]{24}$/.test(path.basename(f)))).toBe(false);
  });

  it('refuses a file over 20 MB with 413 and keeps nothing of that upload', async () => {
    const before = (await admin.call('console:logUploads', {})).length;
    const r = await sendLogs([{ name: 'big.log', body: new Uint8Array(21 * 1024 * 1024) }]);
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: string }).error).toMatch(/大きすぎます/);
    expect((await admin.call('console:logUploads', {})).length).toBe(before);
  });

  it('takes logs only from a store PC token', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x']), 'x.log');
    const callers: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${s.adminToken}` },
      { cookie: admin.cookie },
    ];
    for (const auth of callers) {
      const r = await fetch(`${s.url}/sync/logs`, { method: 'POST', headers: auth, body: form });
      expect([401, 403]).toContain(r.status);
    }
  });
});

const OTHER = { name: '佐藤 花子', kana: 'サトウ ハナコ', email: 'hanako@example.jp', phone: '080-3333-4444' };

describe('console: 取込, 受注一覧 and 同期エラー', () => {
  it('previews a Yahoo! file as F1 does and takes its new orders in once, bound for the chosen store', async () => {
    const orders = [fileOrder({ orderNo: 'CON-1' }), fileOrder({ orderNo: 'CON-2' })];
    const files = [upload('yahoo.csv', sjis(yahooCombined(orders)))];
    const preview = await admin.call('console:intakePreview', { files, channel: 'yahoo_auction', storeId: 'osaka' });
    expect(preview.kind === 'preview' && preview.counts).toEqual({ new: 2, updated: 0, unchanged: 0, rejected: 0 });
    if (preview.kind !== 'preview') throw new Error('no preview');
    expect(await admin.call('console:intakeCommit', { previewId: preview.previewId })).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    // The same preview cannot be taken in twice; the same file again is all 登録済み.
    await expect(admin.call('console:intakeCommit', { previewId: preview.previewId })).rejects.toThrow(/有効期限/);
    const again = await admin.call('console:intakePreview', { files, channel: 'yahoo_auction', storeId: 'osaka' });
    expect(again.kind === 'preview' && again.counts).toEqual({ new: 0, updated: 0, unchanged: 2, rejected: 0 });
    const found = await admin.call('console:orders', { text: 'CON-' });
    expect(found.map((o) => [o.orderNo, o.storeName, o.channel]).sort()).toEqual([
      ['CON-1', '大阪店', 'yahoo_auction'],
      ['CON-2', '大阪店', 'yahoo_auction'],
    ]);
    const detail = await admin.call('console:order', { id: found[0]!.id });
    expect(detail.history[0]).toMatchObject({ kind: 'intake', to: 'new', pcId: 'server' });
    expect(detail.history[0]!.actor).toMatch(/本部コンソール取込（admin：yahoo\.csv）/);
  });

  it('refuses a file that is not an order file and takes nothing in', async () => {
    const before = (await admin.call('console:orders', {})).length;
    const files = [upload('memo.csv', Buffer.from('a,b,c\n1,2,3\n'))];
    await expect(
      admin.call('console:intakePreview', { files, channel: 'yahoo_auction', storeId: null }),
    ).rejects.toThrow(/見出し行を確認してください。何も取り込んでいません/);
    expect((await admin.call('console:orders', {})).length).toBe(before);
  });

  it('searches by order number, buyer, status, store, channel and date, newest first, page by page', async () => {
    await s.intake([
      makeOrder({
        orderNo: 'SRCH-1',
        storeId: 'tokyo',
        orderedAt: '2026-11-01T01:00:00.000Z',
        buyer: { name: '山田 太郎', kana: 'ヤマダ タロウ', email: 'taro@example.jp', phone: '090-1111-2222' },
      }),
      makeOrder({
        orderNo: 'SRCH-2',
        storeId: 'osaka',
        orderedAt: '2026-11-02T16:00:00.000Z',
        channel: 'amazon',
        buyer: OTHER,
      }),
      makeOrder({ orderNo: 'SRCH-3', storeId: null, orderedAt: '2026-11-03T01:00:00.000Z', buyer: OTHER }),
    ]);
    const nos = async (input: Parameters<typeof admin.call<'console:orders'>>[1]) =>
      (await admin.call('console:orders', input)).map((o) => o.orderNo);
    expect(await nos({ text: 'SRCH' })).toEqual(['SRCH-3', 'SRCH-2', 'SRCH-1']);
    expect(await nos({ text: '山田', storeId: 'tokyo' })).toEqual(['SRCH-1']);
    expect(await nos({ text: 'ハナコ' })).toEqual(['SRCH-3', 'SRCH-2']);
    expect(await nos({ text: '3333-4444' })).toEqual(['SRCH-3', 'SRCH-2']);
    expect(await nos({ text: 'hanako@' })).toEqual(['SRCH-3', 'SRCH-2']);
    expect(await nos({ text: 'SRCH', storeId: 'osaka' })).toEqual(['SRCH-2']);
    expect(await nos({ text: 'SRCH', storeId: '-' })).toEqual(['SRCH-3']);
    expect(await nos({ text: 'SRCH', channel: 'amazon' })).toEqual(['SRCH-2']);
    // 2026-11-02T16:00Z is 11月3日 in Japan.
    expect(await nos({ text: 'SRCH', from: '2026-11-03', to: '2026-11-03' })).toEqual(['SRCH-3', 'SRCH-2']);
    expect(await nos({ text: 'SRCH', status: 'shipped' })).toEqual([]);
    expect(await nos({ text: '%' })).toEqual([]);
    const first = await admin.call('console:orders', { text: 'SRCH', limit: 2 });
    const next = await admin.call('console:orders', { text: 'SRCH', limit: 2, after: first[1]! });
    expect([...first, ...next].map((o) => o.orderNo)).toEqual(['SRCH-3', 'SRCH-2', 'SRCH-1']);
  });

  it("lists a store's refused changes with the order, what was tried and why", async () => {
    const push = await s.request<PushResponse>(pcToken, 'POST', '/sync/push', {
      ops: [
        {
          opId: 'refuse-me-1',
          channel: 'yahoo_shopping',
          orderNo: 'SRCH-1',
          kind: 'status',
          operation: 'confirm_shipment',
          at: s.clock.now().toISOString(),
          actor: { operator: '東京担当', pcId: 'TOKYO-PC', storeId: 'tokyo' },
        },
      ],
    });
    expect(push.body.results[0]!.accepted).toBe(false);
    const refusals = await admin.call('console:refusals', { storeId: 'tokyo' });
    expect(refusals[0]).toMatchObject({
      clientName: '東京PC',
      storeName: '東京店',
      orderNo: 'SRCH-1',
      attempted: '出荷確定',
    });
    expect(refusals[0]!.reason).toBe(push.body.results[0]!.reason);
    expect(await admin.call('console:refusals', { storeId: 'osaka' })).toEqual([]);
  });
});
