import { makeSetupString, readSetupString } from '../../src-shared/sync/setup-string.js';
import { RakutenFake } from '../fakes/rakuten-fake.js';
import { ConsoleSessionClient } from '../helpers/console-client.js';
import { stockIntakeBody } from '../helpers/stock.js';
import { tab, useConsoleRun } from './console-processes.js';
import { expect, tabCount, test } from './fixtures.js';

/**
 * Head office's channel accounts and PC tokens in the console, with the central server and a
 * 東京店 PC (browser mode) as their own processes. Store, 閲覧 account and PC token are made
 * through the APIs here; console-setup-import-and-staff.spec.ts makes them on screen.
 */
let setup: string;
const env = useConsoleRun(async (run) => {
  await run.adminCall('POST', '/admin/stores', { id: 'tokyo', name: '東京店' });
  const accounts = new ConsoleSessionClient(run.serverUrl);
  await accounts.signIn('admin', run.password);
  await accounts.call('console:addAccount', {
    login: 'etsuran',
    displayName: '閲覧者',
    role: 'viewer',
    password: 'etsuran-pass-1',
  });
  const { token } = await run.adminCall<{ token: string }>('POST', '/admin/clients', {
    kind: 'pc',
    name: '東京店 出荷PC',
    storeId: 'tokyo',
  });
  setup = makeSetupString(run.serverUrl, token);
  await run.connectPc(setup);
  await run.signIn(run.consolePage, 'admin', run.password);
});

test('a 楽天 account registered in 取込 brings its order to the PC; the notice 楽天 refused shows in 出荷通知 and 再送 sends it once', async () => {
  // 楽天's RMS cannot be reached from here: its fake (a real HTTP server) stands in for it.
  const fake = await new RakutenFake({ seed: 71 }).start();
  try {
    const [orderNo] = fake.addOrders(1);
    // Head office registers the 楽天 account in 取込 and runs it: the order reaches the PC.
    const page = env.consolePage;
    await tab(page, '取込');
    const form = page.getByRole('form', { name: 'チャネル連携の登録・変更' });
    await form.getByLabel('チャネル').selectOption({ label: '楽天市場' });
    await form.getByLabel('名前').fill('楽天 本店');
    await form.getByLabel('出荷店舗').selectOption({ label: '東京店' });
    await form.getByLabel(/^詳細設定/).fill(
      JSON.stringify({
        endpoint: `${fake.url}/es/2.0/order`,
        retry: { timeoutMs: 2_000, backoffMs: 20, attempts: 4 },
      }),
    );
    await form.getByLabel('serviceSecret（サービスシークレット）').fill(fake.serviceSecret);
    await form.getByLabel('licenseKey（ライセンスキー）').fill(fake.licenseKey);
    await form.getByRole('button', { name: '追加' }).click();
    const connectors = page.getByRole('table', { name: 'チャネル連携' });
    const connector = connectors.getByRole('row', { name: /楽天 本店/ });
    await expect(connector).toContainText(
      '登録済（serviceSecret（サービスシークレット）・licenseKey（ライセンスキー））',
    );
    await expect(connector).not.toContainText(fake.licenseKey);
    await connector.getByRole('button', { name: '楽天 本店 を今すぐ実行' }).click();
    // A new account is due at once: when the scheduler's 2-second tick fetched the order first,
    // this run finds it already there (新規 0件). The PC's 新規 count below proves it came once.
    await expect(page.getByRole('status')).toContainText(/楽天 本店: 新規 [01]件/);
    // The run is listed (手動, and 自動 too when the scheduler's tick also took the account).
    await expect(
      page
        .getByRole('table', { name: '実行履歴' })
        .getByRole('row', { name: /楽天 本店/ })
        .filter({ hasText: '正常' })
        .first(),
    ).toBeVisible();
    await env.pcPage.keyboard.press('F6');
    await expect.poll(() => tabCount(env.pcPage, '新規'), { timeout: 15_000 }).toBe(1);
    const accountId = (await env.adminCall<{ id: number; name: string }[]>('GET', '/admin/channels/accounts')).find(
      (a) => a.name === '楽天 本店',
    )!.id;
    const run = () =>
      env.adminCall<{ notices: { sent: number; refused: number } }>(
        'POST',
        `/admin/channels/accounts/${accountId}/run`,
      );
    const skus = fake.orders
      .get(orderNo!)!
      .PackageModelList!.flatMap((p) => p.ItemModelList ?? [])
      .map((i) => i.SkuModelList?.[0]?.merchantDefinedSkuId || i.manageNumber || i.itemNumber || '');
    await env.adminCall(
      'POST',
      '/intake/stock',
      stockIntakeBody(skus.map((sku): [string, string, number] => [sku, 'tokyo', 10])),
    );
    fake.inject('updateOrderShipping', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({
        MessageModelList: [
          { messageType: 'ERROR', messageCode: 'ERROR_004', message: 'お荷物伝票番号を確認してください。' },
        ],
      }),
    });
    // The store ships it as a PC pushes a day's work: 在庫確認, 入金確認, 送り状番号, 出荷確定.
    const { token } = readSetupString(setup)!;
    const op = (operation: string, extra: object = {}) => ({
      opId: `console-e2e-${operation}`,
      channel: 'rakuten',
      orderNo,
      kind: 'status',
      at: new Date().toISOString(),
      actor: { operator: '東京担当', pcId: 'TOKYO-PC', storeId: 'tokyo' },
      reason: '',
      from: null,
      to: null,
      operation,
      ...extra,
    });
    const push = await fetch(`${env.serverUrl}/sync/push`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'x-chumon-protocol': '2',
        'x-chumon-app-version': '0.1.0',
      },
      body: JSON.stringify({
        ops: [
          op('stock_ok'),
          op('confirm_payment'),
          op('register_tracking', { carrier: 'yamato', trackingNo: '555566667777' }),
          op('confirm_shipment'),
        ],
      }),
    });
    expect(push.status).toBe(200);
    // The notice is due at once: this run sends it, or the scheduler's 2-second tick did just
    // before (a run started meanwhile finds nothing due). Either way 楽天 refuses it.
    expect((await run()).notices.refused).toBeLessThanOrEqual(1);
    await expect.poll(() => fake.count('updateOrderShipping')).toBeGreaterThanOrEqual(1);

    await tab(page, '出荷通知');
    const notices = page.getByRole('table', { name: '出荷通知' });
    const row = notices.getByRole('row', { name: new RegExp(orderNo!) });
    await expect(row).toContainText('お荷物伝票番号を確認してください。');
    await expect(row).toContainText('エラー');
    await row.getByRole('button', { name: `注文 ${orderNo} を再送` }).click();
    await expect(page.getByRole('status')).toHaveText(`注文 ${orderNo} の出荷通知を再送します。`);
    await expect(notices.getByRole('row', { name: new RegExp(orderNo!) })).toHaveCount(0);
    // Sent by this run or by the scheduler's tick just before it: once.
    expect((await run()).notices.sent).toBeLessThanOrEqual(1);
    await expect.poll(() => fake.shipments.get(orderNo!)?.length ?? 0).toBe(1);
    await page.getByLabel('状態').selectOption({ label: '送信済' });
    await expect(notices.getByRole('row', { name: new RegExp(orderNo!) })).toContainText('送信済');

    // 閲覧 sees the same pages and is offered no change.
    const viewer = await env.consolePage.context().browser()!.newPage();
    await env.signIn(viewer, 'etsuran', 'etsuran-pass-1');
    await tab(viewer, '取込');
    await expect(viewer.getByRole('table', { name: 'チャネル連携' })).toContainText('楽天 本店');
    await expect(viewer.getByRole('table', { name: '実行履歴' })).toContainText('楽天 本店');
    await expect(viewer.getByRole('form', { name: 'チャネル連携の登録・変更' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /今すぐ実行|編集/ })).toHaveCount(0);
    await tab(viewer, '出荷通知');
    await viewer.getByLabel('状態').selectOption({ label: 'すべて' });
    await expect(viewer.getByRole('table', { name: '出荷通知' })).toContainText(orderNo!);
    await expect(viewer.getByRole('button', { name: /再送/ })).toHaveCount(0);
    await viewer.close();
  } finally {
    await fake.close();
  }
});

test('a revoked PC is refused at its next sync and told what to do', async () => {
  const page = env.consolePage;
  await tab(page, '端末');
  page.once('dialog', (d) => void d.accept());
  await page
    .getByRole('table', { name: '端末' })
    .getByRole('row', { name: /東京店 出荷PC/ })
    .getByRole('button', { name: '無効化' })
    .click();
  await expect(page.getByRole('table', { name: '端末' }).getByRole('row', { name: /東京店 出荷PC/ })).toContainText(
    '無効',
  );
  await env.pcPage.keyboard.press('F6');
  await expect(
    env.pcPage.getByText(/最新取得できませんでした：中央サーバーがこの PC のトークンを受け付けません/),
  ).toBeVisible();
});
