import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../src-server/db/open.js';
import { BACKENDS, startTestServer, type TestServer } from '../../helpers/central-server.js';
import { sjis, upload } from '../../helpers/order-files.js';
import { stockCsv } from '../../helpers/stock.js';

describe.each(BACKENDS)('POST /intake/stock (%s)', (backend) => {
  let s: TestServer;
  let connector: string;
  let pc: string;

  beforeAll(async () => {
    s = await startTestServer(backend);
    await s.addStore('tokyo', '東京店');
    await s.addStore('osaka', '大阪店');
    pc = await s.addPc('tokyo', '東京PC');
    connector = (
      await s.request<{ token: string }>(s.adminToken, 'POST', '/admin/clients', {
        kind: 'connector',
        name: '基幹システム',
      })
    ).body.token;
  }, 60_000);
  afterAll(async () => s?.close());

  const send = (token: string, rowsOf: (string | number)[][], mode: 'count' | 'receive', extra = {}) =>
    s.request<Record<string, unknown>>(token, 'POST', '/intake/stock', {
      file: upload('zaiko.csv', sjis(stockCsv(rowsOf))),
      mode,
      ...extra,
    });
  const stock = () =>
    rows<{ store_id: string; sku: string; on_hand: number; reserved: number; location: string }>(
      s.server.database.db,
      sql`SELECT store_id, sku, on_hand, reserved, location FROM stock ORDER BY store_id, sku`,
    );

  it('takes a head-office stock file with a connector token, in one transaction, with ledger rows', async () => {
    expect(
      (
        await send(
          pc,
          [
            ['商品コード', '在庫数'],
            ['A', 1],
          ],
          'count',
        )
      ).status,
    ).toBe(403);
    const r = await send(
      connector,
      [
        ['商品コード', '店舗', '在庫数', '棚番'],
        ['A', 'tokyo', 5, 'A-01'],
        ['A', '大阪店', 2, ''],
        ['B', 'tokyo', 1, 'B-01'],
      ],
      'count',
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ applied: true, new: 3, changed: 0, bad: [] });
    expect(await stock()).toEqual([
      { store_id: 'osaka', sku: 'A', on_hand: 2, reserved: 0, location: '' },
      { store_id: 'tokyo', sku: 'A', on_hand: 5, reserved: 0, location: 'A-01' },
      { store_id: 'tokyo', sku: 'B', on_hand: 1, reserved: 0, location: 'B-01' },
    ]);
    const ledger = await rows(
      s.server.database.db,
      sql`SELECT kind, on_hand_before, on_hand_after, operator, reason FROM stock_ledger WHERE sku = 'A' AND store_id = 'tokyo'`,
    );
    expect(ledger).toEqual([
      {
        kind: 'count',
        on_hand_before: 0,
        on_hand_after: 5,
        operator: '基幹システム',
        reason: '棚卸取込「zaiko.csv」2行目',
      },
    ]);
  });

  it('refuses the whole file while lines are wrong (listed by line number), and applies the rest when asked', async () => {
    await s.server.database.db.execute(sql`UPDATE stock SET reserved = 4 WHERE store_id = 'tokyo' AND sku = 'A'`);
    const lines = [
      ['商品コード', '店舗', '在庫数'],
      ['B', 'tokyo', 3],
      ['A', 'tokyo', 2],
      ['C', 'nagoya', 1],
      ['D', 'tokyo', -1],
    ];
    const refused = await send(connector, lines, 'count');
    expect(refused.status).toBe(400);
    expect(refused.body.bad).toEqual([
      { line: 3, sku: 'A', reason: expect.stringContaining('在庫数 2 は引当数 4 を下回ります') },
      { line: 4, sku: 'C', reason: '店舗「nagoya」は登録されていません。' },
      { line: 5, sku: 'D', reason: '在庫数がマイナスです（-1）。' },
    ]);
    expect((await stock()).find((r) => r.sku === 'B')!.on_hand).toBe(1);
    const skipped = await send(connector, lines, 'count', { skipBad: true });
    expect(skipped.body).toMatchObject({ applied: true, changed: 1, badTotal: 3 });
    expect((await stock()).find((r) => r.sku === 'B')!.on_hand).toBe(3);
  });

  it('入荷 adds, for a file without a 店舗 column given the store', async () => {
    const r = await send(
      connector,
      [
        ['SKU', 'qty'],
        ['B', 4],
        ['B', 1],
      ],
      'receive',
      { storeId: 'tokyo' },
    );
    expect(r.body).toMatchObject({ applied: true, changed: 2 });
    expect((await stock()).find((x) => x.sku === 'B' && x.store_id === 'tokyo')!.on_hand).toBe(8);
  });
});
