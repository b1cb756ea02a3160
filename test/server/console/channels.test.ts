import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { addAccount, runAccount, serverOrders, shipFromPc } from '../../helpers/channels.js';
import { ConsoleSessionClient } from '../../helpers/console-client.js';
import { TestClock } from '../../helpers/test-app.js';
import { API_CHANNEL_IDS, CREDENTIAL_FIELDS } from '../../../src-shared/console/channels.js';
import { CHANNEL_KINDS } from '../../../src-server/channels/registry.js';
import { recordRun, RUNS_KEPT } from '../../../src-server/channels/runs.js';
import { rows } from '../../../src-server/db/open.js';
import { sql } from 'drizzle-orm';
import { RakutenFake } from '../../fakes/rakuten-fake.js';

/**
 * The console's side of the channels against the 楽天 fake (a real HTTP server standing in
 * for RMS, which cannot be reached here): the 出荷通知 queue with the channel's refusal and
 * a 管理者's retry.
 */
let s: TestServer;
let fake: RakutenFake;
let admin: ConsoleSessionClient;
let pcToken: string;
let accountId: number;
let numbers: string[];

const REFUSAL = '配送会社・お荷物伝票番号・発送日を確認してください。';

beforeAll(async () => {
  s = await startTestServer('pglite', { clock: new TestClock(new Date()) });
  await s.addStore('tokyo', '東京店');
  pcToken = await s.addPc('tokyo', '東京PC');
  fake = await new RakutenFake({ seed: 61 }).start();
  numbers = fake.addOrders(3);
  accountId = (
    await addAccount(s, {
      channel: 'rakuten',
      name: '楽天 本店',
      settings: { endpoint: `${fake.url}/es/2.0/order` },
      credentials: { serviceSecret: fake.serviceSecret, licenseKey: fake.licenseKey },
    })
  ).id;
  admin = new ConsoleSessionClient(s.url);
  await admin.signIn('admin', s.firstPassword);
}, 120_000);
afterAll(async () => {
  await fake?.close();
  await s?.close();
});

describe('console: 出荷通知', () => {
  it('shows a notice 楽天 refused with 楽天’s message, and a 管理者’s retry sends it once', async () => {
    expect((await runAccount(s, accountId)).fetched.created).toBe(3);
    const orderNo = numbers[0]!;
    fake.inject('updateOrderShipping', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({
        MessageModelList: [
          { messageType: 'ERROR', messageCode: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_004', message: REFUSAL },
        ],
      }),
    });
    await shipFromPc(s, pcToken, 'rakuten', orderNo, { carrier: 'yamato', trackingNo: '111122223333' });
    expect((await runAccount(s, accountId)).notices.refused).toBe(1);

    const refused = await admin.call('console:notices', { state: 'refused' });
    expect(refused).toEqual([
      expect.objectContaining({
        orderNo,
        accountName: '楽天 本店',
        channel: 'rakuten',
        carrier: 'yamato',
        trackingNo: '111122223333',
        state: 'refused',
        channelMessage: expect.stringContaining(REFUSAL),
      }),
    ]);
    expect(await admin.call('console:notices', { state: 'sent' })).toEqual([]);

    await admin.call('console:retryNotice', { id: refused[0]!.id });
    expect((await serverOrders(s, 'rakuten')).get(orderNo)!.shipNotice).toBe('pending');
    expect((await runAccount(s, accountId)).notices.sent).toBe(1);
    expect(fake.shipments.get(orderNo)).toEqual([expect.objectContaining({ shippingNumber: '111122223333' })]);
    expect(await admin.call('console:notices', { state: 'refused' })).toEqual([]);
    expect(await admin.call('console:notices', { state: 'sent' })).toEqual([
      expect.objectContaining({ orderNo, state: 'sent', channelMessage: '' }),
    ]);

    // The order's history names who sent it again; the audit log has the retry.
    const order = (await admin.call('console:orders', { text: orderNo }))[0]!;
    const history = (await admin.call('console:order', { id: order.id })).history;
    expect(history).toContainEqual(expect.objectContaining({ kind: 'ship_notice', actor: '本部（管理者）' }));
    const [last] = await admin.call('console:audit', { limit: 1 });
    expect(last).toMatchObject({ login: 'admin', action: '出荷通知の再送' });
  });

  it('refuses to resend a notice that was not refused, in Japanese, and sends nothing again', async () => {
    const [sent] = await admin.call('console:notices', { state: 'sent' });
    const answer = await admin.raw('console:retryNotice', { id: sent!.id });
    expect(answer.result).toEqual({
      ok: false,
      error: expect.objectContaining({ message: expect.stringMatching(/^再送できません。エラーの出荷通知だけを/) }),
    });
    await runAccount(s, accountId);
    expect(fake.shipments.get(sent!.orderNo)).toHaveLength(1);
    expect((await admin.call('console:notices', {})).map((n) => n.state)).toEqual(['sent']);
  });
});

describe('console: 取込 of the channel connectors', () => {
  it('names every credential each connector takes, and nothing else', () => {
    for (const channel of API_CHANNEL_IDS)
      expect(CREDENTIAL_FIELDS[channel].map((f) => f.key).sort()).toEqual(
        Object.keys((CHANNEL_KINDS[channel].credentials as unknown as { shape: object }).shape).sort(),
      );
  });

  it('adds an account with its credentials, shows which are registered but never their values, and runs it', async () => {
    const second = await new RakutenFake({ seed: 62, shopId: '402211' }).start();
    try {
      second.addOrders(2);
      const added = await admin.call('console:saveConnector', {
        channel: 'rakuten',
        name: '楽天 支店',
        storeId: 'tokyo',
        intervalMinutes: 30,
        enabled: true,
        settings: { endpoint: `${second.url}/es/2.0/order`, retry: { timeoutMs: 2_000, backoffMs: 20, attempts: 4 } },
        credentials: { serviceSecret: second.serviceSecret, licenseKey: second.licenseKey },
      });
      expect(added).toMatchObject({ name: '楽天 支店', channelLabel: '楽天市場', state: 'ok', intervalMinutes: 30 });
      expect(added.credentialsRegistered.sort()).toEqual(['licenseKey', 'serviceSecret']);
      const listed = JSON.stringify(await admin.call('console:connectors', {}));
      expect(listed).toContain('楽天 支店');
      expect(listed).not.toContain(second.licenseKey);
      const audit = JSON.stringify(await admin.call('console:audit', { limit: 5 }));
      expect(audit).toContain('チャネル連携の登録・変更');
      expect(audit).not.toContain(second.licenseKey);

      const run = await admin.call('console:runConnector', { id: added.id });
      expect(run).toMatchObject({
        accountId: added.id,
        accountName: '楽天 支店',
        onDemand: true,
        created: 2,
        state: 'ok',
      });

      // Wrong credentials stop the account with 楽天's refusal in Japanese; the run says so.
      await admin.call('console:saveConnector', {
        ...added,
        storeId: 'tokyo',
        credentials: { serviceSecret: 'wrong', licenseKey: 'wrong' },
      });
      const refused = await admin.call('console:runConnector', { id: added.id });
      expect(refused).toMatchObject({ state: 'stopped', message: expect.stringMatching(/[ぁ-んァ-ン]/) });
      const runs = await admin.call('console:connectorRuns', { accountId: added.id });
      expect(runs.map((r) => [r.state, r.created])).toEqual([
        ['stopped', 0],
        ['ok', 2],
      ]);
      expect((await admin.call('console:connectors', {})).find((a) => a.id === added.id)).toMatchObject({
        state: 'stopped',
      });
      // A stopped account is not run until new credentials come, and says why.
      const again = await admin.raw('console:runConnector', { id: added.id });
      expect(again.result.ok ? '' : again.result.error.message).toMatch(/^このアカウントは今は実行できません/);
    } finally {
      await second.close();
    }
  });
});

describe('console: the runs an account keeps', () => {
  it('keeps each account its latest runs only, the others untouched', async () => {
    const db = s.server.database.db;
    const count = async (accountId: number) =>
      (
        await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM channel_runs WHERE account_id = ${accountId}`)
      )[0]!.n;
    const before = await count(accountId);
    await db.execute(
      sql`INSERT INTO channel_runs (account_id, started_at, finished_at, on_demand, pages, created, changed, conflicts,
            notices_sent, notices_refused, state, message)
          SELECT 9999, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z', false, 0, 0, 0, 0, 0, 0, 'ok', ''
          FROM generate_series(1, ${RUNS_KEPT + 5})`,
    );
    const at = new Date();
    await recordRun(db, {
      accountId: 9999,
      startedAt: at,
      finishedAt: at,
      onDemand: true,
      fetched: { pages: 1, created: 7, changed: 0, conflicts: 0 },
      notices: { sent: 0, refused: 0 },
      state: 'ok',
      message: '',
    });
    expect(await count(9999)).toBe(RUNS_KEPT);
    expect((await admin.call('console:connectorRuns', { accountId: 9999, limit: 1 }))[0]).toMatchObject({ created: 7 });
    expect(await count(accountId)).toBe(before);
  });
});
