import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type BetterSqlite3 from 'better-sqlite3';
import { bootApp } from '../../src-main/app/bootstrap.js';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import { createConfSettings } from '../../src-main/settings/conf-settings.js';
import { STARTED_LINE } from '../../src-server/server.js';
import { makeOrder } from '../helpers/orders.js';
import { stockIntakeBody } from '../helpers/stock.js';
import { expect, test } from './fixtures.js';
import { freePort, startProcess, stop, type Proc } from './processes.js';

/**
 * One central server and three PCs — 東京店, 大阪店 and 本部 — each its own process with its
 * own data folder, as in the field; the browser drives them as a clerk would.
 */
const require = createRequire(import.meta.url);
const Driver = require('better-sqlite3') as typeof BetterSqlite3;

interface Pc {
  name: string;
  dir: string;
  url: string;
  proc: Proc;
  page: Page;
  db: BetterSqlite3.Database;
  api<T>(method: string, input: unknown): Promise<T>;
}

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let root: string;
let serverPort: number;
let server: Proc | undefined;
let admin: string;
const pcs: Record<'tokyo' | 'osaka' | 'head', Pc> = {} as never;

async function startServer(): Promise<void> {
  const started = await startProcess(
    'src-server/cli.ts',
    ['--port', String(serverPort)],
    { CHUMON_SERVER_DATA_DIR: path.join(root, 'server') },
    /^Chumon server listening on (\S+)$/,
  );
  server = started;
  // The admin token (first start) is among the lines before the last start-up line.
  await expect.poll(() => started.lines.includes(STARTED_LINE)).toBe(true);
}

async function adminCall<T>(route: string, body: unknown): Promise<T> {
  const r = await fetch(`http://127.0.0.1:${serverPort}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(r.status, route).toBe(200);
  return (await r.json()) as T;
}

async function startPc(browser: Browser, name: string, storeStock: string | null): Promise<Pc> {
  const dir = path.join(root, name);
  const settings = createConfSettings(dir);
  settings.set('operator', `${name}担当`);
  settings.set('pcId', `${name}-PC`);
  const boot = bootApp({
    dataDir: dir,
    migrationsFolder: path.join(SOURCE_ROOT, 'drizzle'),
    settings,
    mode: 'browser',
    version: 'e2e',
    backgroundTimers: false,
  });
  // The store's shelf: enough of the test SKU for 在庫確認 to pass.
  if (storeStock)
    boot.ctx.database.sqlite
      .prepare(
        "INSERT INTO stock (sku, store_id, on_hand, reserved, location) VALUES ('MG-010', ?, 1000, 0, 'B-02-01')",
      )
      .run(storeStock);
  boot.close();
  const proc = await startProcess(
    'src-main/web/cli.ts',
    ['--port', '0'],
    { CHUMON_DATA_DIR: dir },
    /^Chumon listening on (\S+)$/,
  );
  const url = proc.match[1]!;
  const token = new URL(url).searchParams.get('token')!;
  const page = await browser.newPage();
  await page.goto(url);
  return {
    name,
    dir,
    url,
    proc,
    page,
    db: new Driver(path.join(dir, 'chumon.sqlite'), { readonly: true }),
    async api<T>(method: string, input: unknown): Promise<T> {
      const r = await fetch(new URL(`/api/${method}`, url), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } };
      if (!body.ok) throw new Error(body.error!.message);
      return body.value;
    },
  };
}

function orderStatus(pc: Pc, orderNo: string): string | undefined {
  return (pc.db.prepare('SELECT status FROM orders WHERE order_no = ?').get(orderNo) as { status: string } | undefined)
    ?.status;
}

function orderId(pc: Pc, orderNo: string): number {
  return (pc.db.prepare('SELECT id FROM orders WHERE order_no = ?').get(orderNo) as { id: number }).id;
}

async function connectThroughSettings(pc: Pc, token: string, storeLabel: string): Promise<void> {
  const { page } = pc;
  await page.getByRole('button', { name: '設定', exact: true }).click();
  await page.getByRole('tab', { name: '同期' }).click();
  const panel = page.getByRole('tabpanel', { name: '同期' });
  await panel.getByLabel('中央サーバーのアドレス').fill(`http://127.0.0.1:${serverPort}`);
  await panel.getByLabel('この PC のトークン').fill(token);
  await panel.getByRole('button', { name: '接続を確認して保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '中央サーバーに接続しました' })).toContainText(storeLabel);
  await page.getByRole('dialog', { name: '設定' }).getByRole('button', { name: '閉じる' }).click();
}

test.beforeAll(async ({ browser }) => {
  // Four processes start here (server, three PCs): slow on a busy two-core machine.
  test.setTimeout(180_000);
  root = mkdtempSync(path.join(os.tmpdir(), 'chumon-multi-'));
  serverPort = await freePort();
  await startServer();
  admin = /chm_[A-Za-z0-9_-]+/.exec(server!.lines.join('\n'))![0];
  await adminCall('/admin/stores', { id: 'honbu', name: '本部', isHeadOffice: true });
  await adminCall('/admin/stores', { id: 'tokyo', name: '東京店' });
  await adminCall('/admin/stores', { id: 'osaka', name: '大阪店' });
  // The test SKU on the server too: it reserves pushed 在庫確認 from its own stock.
  await adminCall(
    '/intake/stock',
    stockIntakeBody([
      ['MG-010', 'tokyo', 1000],
      ['MG-010', 'osaka', 1000],
    ]),
  );
  const tokens: Record<string, string> = {};
  for (const [store, name] of [
    ['tokyo', 'tokyo'],
    ['osaka', 'osaka'],
    ['honbu', 'head'],
  ] as const) {
    tokens[name] = (
      await adminCall<{ token: string }>('/admin/clients', { kind: 'pc', name: `${name}-PC`, storeId: store })
    ).token;
  }
  pcs.tokyo = await startPc(browser, 'tokyo', 'tokyo');
  pcs.osaka = await startPc(browser, 'osaka', 'osaka');
  pcs.head = await startPc(browser, 'head', null);
  await connectThroughSettings(pcs.tokyo, tokens.tokyo!, '東京店');
  await pcs.osaka.api('sync:saveSettings', { serverUrl: `http://127.0.0.1:${serverPort}`, token: tokens.osaka });
  await pcs.head.api('sync:saveSettings', { serverUrl: `http://127.0.0.1:${serverPort}`, token: tokens.head });
});

test.afterAll(async () => {
  for (const pc of Object.values(pcs)) {
    pc.db.close();
    await pc.page.close();
    await stop(pc.proc);
  }
  await stop(server);
  rmSync(root, { recursive: true, force: true, maxRetries: 5 });
});

test('orders taken in centrally appear at the right store after F6', async () => {
  await adminCall('/intake/orders', {
    orders: [
      makeOrder({ orderNo: 'E2E-T1', storeId: 'tokyo', paymentMethod: 'cod' }),
      makeOrder({ orderNo: 'E2E-T2', storeId: 'tokyo', paymentMethod: 'cod' }),
      makeOrder({ orderNo: 'E2E-O1', storeId: 'osaka' }),
      makeOrder({ orderNo: 'E2E-U1', storeId: null }),
    ],
  });
  for (const pc of Object.values(pcs)) {
    await pc.page.keyboard.press('F6');
    await expect(pc.page.getByRole('status').filter({ hasText: /最新取得：\d+件受信、\d+件送信/ })).toBeVisible();
  }
  await expect(pcs.tokyo.page.getByRole('tab', { name: /^新規\s/ })).toContainText('2件');
  await expect(pcs.head.page.getByRole('tab', { name: /^新規\s/ })).toContainText('4件');
  expect(orderStatus(pcs.tokyo, 'E2E-T1')).toBe('new');
  expect(orderStatus(pcs.tokyo, 'E2E-O1')).toBeUndefined();
  expect(orderStatus(pcs.osaka, 'E2E-O1')).toBe('new');
  expect(orderStatus(pcs.osaka, 'E2E-T1')).toBeUndefined();
  expect(orderStatus(pcs.head, 'E2E-U1')).toBe('new');
  // The count can be in before the rows: the grid (in place of 注文データなし) asks for them after it.
  const rowNos = pcs.tokyo.page.locator('[role=row] [role=gridcell][col-id=orderNo]');
  await expect.poll(async () => (await rowNos.allTextContents()).sort()).toEqual(['E2E-T1', 'E2E-T2']);
});

test('a status change at one PC reaches the others', async () => {
  await pcs.tokyo.api('stock:check', { orderIds: [orderId(pcs.tokyo, 'E2E-T1')] });
  // Live sync: up within 2 s, down within 2 s; F6 at head office shows it in 入金済.
  await expect.poll(() => orderStatus(pcs.head, 'E2E-T1'), { timeout: 8000 }).toBe('paid');
  await pcs.head.page.keyboard.press('F6');
  await expect(pcs.head.page.getByRole('tab', { name: /^入金済\s/ })).toContainText('1件');
});

test('a cancellation at head office while the store confirms shipment ends in one outcome everywhere', async () => {
  const tokyo = pcs.tokyo;
  const t2 = orderId(tokyo, 'E2E-T2');
  await tokyo.api('stock:check', { orderIds: [t2] });
  await tokyo.api('operations:registerTracking', {
    entries: [{ orderId: t2, trackingNo: '4444-5555-6666', carrier: 'yamato' }],
  });
  await expect.poll(() => orderStatus(pcs.head, 'E2E-T2'), { timeout: 8000 }).toBe('awaiting_shipment');

  // The line to the server is down while both act on 出荷待ち.
  await stop(server);
  await pcs.head.api('operations:cancel', { orderIds: [orderId(pcs.head, 'E2E-T2')], reason: 'お客様都合' });
  await tokyo.api('operations:confirmShipment', { orderIds: [t2] });
  await expect(tokyo.page.getByRole('status', { name: '同期の状態' })).toContainText('オフライン：未送信の変更 1件', {
    timeout: 15_000,
  });

  await startServer();
  const settled = async () => [orderStatus(pcs.tokyo, 'E2E-T2'), orderStatus(pcs.head, 'E2E-T2')];
  await expect
    .poll(
      async () => {
        for (const pc of [pcs.head, pcs.tokyo]) await pc.api('sync:now', {}).catch(() => undefined);
        const [a, b] = await settled();
        return a === b && (a === 'cancelled' || a === 'shipped');
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const [outcome] = await settled();
  const loser = outcome === 'cancelled' ? pcs.tokyo : pcs.head;
  const winner = outcome === 'cancelled' ? pcs.head : pcs.tokyo;
  // The PC whose change lost is told which order, what and why, and shows the order as it is now.
  const refusals = loser.db.prepare('SELECT order_no, attempted, reason, status_now FROM sync_refused').all() as Record<
    string,
    string
  >[];
  expect(refusals).toHaveLength(1);
  expect(refusals[0]).toMatchObject({
    order_no: 'E2E-T2',
    attempted: outcome === 'cancelled' ? '出荷確定' : '注文取消',
  });
  expect(winner.db.prepare('SELECT count(*) AS n FROM sync_refused').get()).toEqual({ n: 0 });
  await loser.page.reload();
  const notice = loser.page.getByRole('button', { name: /サーバーが受け付けなかった変更 1件/ });
  await notice.click();
  const dialog = loser.page.getByRole('dialog', { name: 'サーバーが受け付けなかった変更' });
  await expect(dialog).toContainText('E2E-T2');
  await expect(dialog).toContainText(outcome === 'cancelled' ? 'キャンセル済' : '出荷済');
  await dialog.getByRole('button', { name: '閉じる' }).first().click();
  const label = outcome === 'cancelled' ? 'キャンセル済' : '出荷済';
  for (const pc of [pcs.tokyo, pcs.head]) {
    await pc.page.keyboard.press('F6');
    await expect(pc.page.getByRole('tab', { name: new RegExp(`^${label}\\s`) })).toContainText('1件');
  }
});
