import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { bootApp } from '../../src-main/app/bootstrap.js';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import { createConfSettings } from '../../src-main/settings/conf-settings.js';
import { AmazonFake } from '../fakes/amazon-fake.js';
import { RakutenFake } from '../fakes/rakuten-fake.js';
import { expect, test } from './fixtures.js';
import { freePort, startProcess, stop, type Proc } from './processes.js';

/**
 * The channels end to end, every part its own process but the fakes (real HTTP servers in
 * this process): 楽天 and Amazon → the central server (its scheduler running on its own) →
 * two PCs of 東京店 → 出荷確定 by scan at one of them → the channel holds the tracking number,
 * once, and the other PC shows 出荷通知 送信済.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

interface Pc {
  proc: Proc;
  page: Page;
  api<T>(method: string, input: unknown): Promise<T>;
}

let root: string;
let server: Proc | undefined;
let serverUrl: string;
let admin: string;
let rakuten: RakutenFake;
let amazon: AmazonFake;
const pcs: Pc[] = [];

async function adminCall<T>(method: string, route: string, body?: unknown): Promise<T> {
  const r = await fetch(`${serverUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(r.status, route).toBe(200);
  return (await r.json()) as T;
}

async function startPc(browser: Browser, name: string, token: string): Promise<Pc> {
  const dir = path.join(root, name);
  const settings = createConfSettings(dir);
  settings.set('operator', `${name}担当`);
  settings.set('pcId', name);
  bootApp({
    dataDir: dir,
    migrationsFolder: path.join(SOURCE_ROOT, 'drizzle'),
    settings,
    mode: 'browser',
    version: 'e2e',
    backgroundTimers: false,
  }).close();
  const proc = await startProcess(
    'src-main/web/cli.ts',
    ['--port', '0'],
    { CHUMON_DATA_DIR: dir },
    /^Chumon listening on (\S+)$/,
  );
  const url = proc.match[1]!;
  const pcToken = new URL(url).searchParams.get('token')!;
  const api = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await fetch(new URL(`/api/${method}`, url), {
      method: 'POST',
      headers: { authorization: `Bearer ${pcToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(body.error!.message);
    return body.value;
  };
  await api('sync:saveSettings', { serverUrl, token });
  const page = await browser.newPage();
  await page.goto(url);
  return { proc, page, api };
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  root = mkdtempSync(path.join(os.tmpdir(), 'chumon-channels-'));
  rakuten = await new RakutenFake({ seed: 61, latencyMs: 20 }).start();
  amazon = await new AmazonFake({ seed: 62, latencyMs: 20 }).start();
  const port = await freePort();
  const started = await startProcess(
    'src-server/cli.ts',
    ['--port', String(port)],
    {
      CHUMON_SERVER_DATA_DIR: path.join(root, 'server'),
      CHUMON_SERVER_KEY_FILE: path.join(root, 'keys', 'channels.key'),
    },
    /^Chumon server listening on (\S+)$/,
  );
  server = started;
  serverUrl = started.match[1]!;
  await expect.poll(() => /chm_[A-Za-z0-9_-]+/.exec(started.lines.join('\n'))?.[0]).toBeTruthy();
  admin = /chm_[A-Za-z0-9_-]+/.exec(started.lines.join('\n'))![0];
  await adminCall('POST', '/admin/stores', { id: 'tokyo', name: '東京店' });
  const retry = { timeoutMs: 5_000, backoffMs: 100, attempts: 4 };
  rakuten.addOrders(6);
  amazon.addOrders(4);
  await adminCall('POST', '/admin/channels/accounts', {
    channel: 'rakuten',
    name: '楽天 本店',
    storeId: 'tokyo',
    settings: { endpoint: `${rakuten.url}/es/2.0/order`, retry },
    credentials: { serviceSecret: rakuten.serviceSecret, licenseKey: rakuten.licenseKey },
  });
  await adminCall('POST', '/admin/channels/accounts', {
    channel: 'amazon',
    name: 'Amazon 本店',
    storeId: 'tokyo',
    settings: { endpoint: amazon.url, tokenUrl: `${amazon.url}/auth/o2/token`, retry },
    credentials: {
      clientId: amazon.tokens.clientId,
      clientSecret: amazon.tokens.clientSecret,
      refreshToken: amazon.tokens.refreshToken,
    },
  });
  for (const name of ['tokyo-1', 'tokyo-2']) {
    const { token } = await adminCall<{ token: string }>('POST', '/admin/clients', {
      kind: 'pc',
      name,
      storeId: 'tokyo',
    });
    pcs.push(await startPc(browser, name, token));
  }
});

test.afterAll(async () => {
  for (const pc of pcs) {
    await pc.page.close();
    await stop(pc.proc);
  }
  await stop(server);
  await rakuten?.close();
  await amazon?.close();
  rmSync(root, { recursive: true, force: true, maxRetries: 5 });
});

test('orders the server fetched by itself reach both PCs of the store', async () => {
  for (const pc of pcs) {
    await expect
      .poll(
        async () => {
          await pc.page.keyboard.press('F6');
          return pc.page.getByRole('tab', { name: /^新規\s/ }).textContent();
        },
        { timeout: 60_000, intervals: [1000] },
      )
      .toContain('10件');
  }
});

test('出荷確定 by scan at one PC reaches 楽天 and Amazon once each, and the other PC shows 送信済', async () => {
  const [pc1, pc2] = pcs as [Pc, Pc];
  const [rakutenNo] = [...rakuten.orders.keys()];
  const [amazonNo] = [...amazon.orders.keys()];
  const page = await pc1.api<{ rows: { id: number; orderNo: string }[] }>('orders:list', {
    tab: 'new',
    offset: 0,
    limit: 100,
  });
  const idOf = (no: string) => page.rows.find((r) => r.orderNo === no)!.id;
  const ids = [idOf(rakutenNo!), idOf(amazonNo!)];
  await pc1.api('bulk:setStatus', { orderIds: ids, target: 'paid' });
  await pc1.api('operations:registerTracking', {
    entries: [
      { orderId: ids[0], carrier: 'yamato', trackingNo: '246813579024' },
      { orderId: ids[1], carrier: 'sagawa', trackingNo: '135792468013' },
    ],
  });
  await pc1.page.keyboard.press('F6');
  await pc1.page.keyboard.press('F4');
  await pc1.page
    .getByRole('menu', { name: '拡張メニュー' })
    .getByRole('menuitem', { name: /出荷確定スキャン/ })
    .click();
  const input = pc1.page.getByRole('dialog', { name: '出荷確定スキャン' }).getByLabel('スキャン入力');
  await expect(input).toBeFocused();
  for (const code of ['246813579024', '135792468013']) {
    await pc1.page.keyboard.type(code);
    await pc1.page.keyboard.press('Enter');
    await expect(input).toHaveValue('');
  }
  await expect(pc1.page.getByText('このスキャンで出荷確定: 2件')).toBeVisible();

  // Live sync carries the shipments up; the server's scheduler sends the notices on its own.
  await expect.poll(() => rakuten.shipments.get(rakutenNo!)?.length ?? 0, { timeout: 60_000 }).toBe(1);
  await expect.poll(() => amazon.shipments.get(amazonNo!)?.length ?? 0, { timeout: 60_000 }).toBe(1);
  expect(rakuten.shipments.get(rakutenNo!)![0]).toMatchObject({
    shippingNumber: '246813579024',
    deliveryCompany: '1001',
  });
  expect(amazon.shipments.get(amazonNo!)![0]).toMatchObject({
    trackingNumber: '135792468013',
    carrierCode: 'Sagawa Express',
  });

  await pc2.page.keyboard.press('F6');
  await pc2.page.getByRole('tab', { name: /^出荷済\s/ }).click();
  await expect
    .poll(
      async () => {
        await pc2.page.keyboard.press('F6');
        return pc2.page.locator('[role=row] [role=gridcell][col-id=shipNotice]').allTextContents();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toEqual(['送信済', '送信済']);

  // More runs change nothing: each channel has each tracking number once.
  for (const account of await adminCall<{ id: number }[]>('GET', '/admin/channels/accounts'))
    await adminCall('POST', `/admin/channels/accounts/${account.id}/run`);
  expect(rakuten.shipments.get(rakutenNo!)).toHaveLength(1);
  expect(amazon.shipments.get(amazonNo!)).toHaveLength(1);
  expect([...rakuten.shipments.values(), ...amazon.shipments.values()].flat()).toHaveLength(2);
});
