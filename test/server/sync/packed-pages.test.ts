import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackPage, type SentPage } from '../../../src-shared/sync/packed-orders.js';
import type { PullResponse } from '../../../src-shared/sync/protocol.js';
import { startHeadOfficeServer, type TestServer } from '../../helpers/central-server.js';
import { makeOrder } from '../../helpers/orders.js';
import { sjis, upload } from '../../helpers/order-files.js';
import { stockCsv } from '../../helpers/stock.js';
import { wireExpression } from '../../../src-server/orders/wire.js';
import { rows } from '../../../src-server/db/open.js';

describe('packed pull pages', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    ({ server, token } = await startHeadOfficeServer());
    await server.intake([
      makeOrder({ orderNo: 'PACK-1', storeId: 'tokyo' }),
      makeOrder({
        orderNo: 'PACK-2',
        storeId: 'tokyo',
        items: [
          {
            lineNo: 1,
            sku: 'KN-300',
            title: '関の包丁 三徳 165mm',
            quantity: 2,
            unitPrice: 4800,
            location: 'A-01',
            taxRate: 10,
          },
          { lineNo: 2, sku: 'TEA-8', title: '煎茶「八女」', quantity: 1, unitPrice: 1200, location: '', taxRate: 8 },
        ],
      }),
      // Lines listed out of order, one without its tax rate (10% is meant).
      makeOrder({
        orderNo: 'PACK-3',
        storeId: 'tokyo',
        items: [
          { lineNo: 2, sku: 'TEA-8', title: '煎茶', quantity: 1, unitPrice: 1200, location: 'C-3', taxRate: 8 },
          { lineNo: 1, sku: 'KN-300', title: '包丁 "三徳"', quantity: 1, unitPrice: 4800, location: '' },
        ],
      }),
      ...Array.from({ length: 40 }, (_, i) => makeOrder({ orderNo: `MORE-${i}`, storeId: 'tokyo' })),
    ]);
    // Stock with every attribute, quotes and a backslash in a name, as a head-office system sends it.
    const file = stockCsv([
      ['商品コード', '店舗', '在庫数', '棚番', '商品名', 'JAN'],
      ['KN-300', 'tokyo', 12, 'A-01-3', '関の包丁 "三徳" 165mm', '4901234567894'],
      ['TEA-8', 'tokyo', 0, '', '煎茶「八女」\\深蒸し', ''],
      ...Array.from({ length: 30 }, (_, i) => [`SK-${i}`, 'tokyo', i, `B-${i}`, `商品${i}`, '']),
    ]);
    const stocked = await server.request(server.adminToken, 'POST', '/intake/stock', {
      file: upload('stock.csv', sjis(file)),
      mode: 'count',
    });
    expect(stocked.status).toBe(200);
  }, 120_000);
  afterAll(() => server.close());

  const pull = async (packed: boolean, more = '') => {
    const response = await fetch(`${server.url}/sync/pull?cursor=0&limit=100${packed ? '&packed=1' : ''}${more}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    return { bytes: Buffer.byteLength(text), page: JSON.parse(text) as SentPage<PullResponse> };
  };
  const byNumber = (page: PullResponse) => [...page.orders].sort((a, b) => a.orderNo.localeCompare(b.orderNo));

  it('carries the same orders as objects do, in under half the bytes', async () => {
    const objects = await pull(false);
    const packed = await pull(true, '&packedStock=1');
    expect(objects.page.fields).toBeUndefined(); // a PC that does not ask gets objects, as before
    expect(packed.page.fields).toContain('buyerName');
    const unpacked = unpackPage(packed.page);
    expect(byNumber(unpacked)).toEqual(byNumber(unpackPage(objects.page)));
    expect(
      byNumber(unpacked)
        .find((o) => o.orderNo === 'PACK-2')!
        .items.map((i) => [i.title, i.taxRate]),
    ).toEqual([
      ['関の包丁 三徳 165mm', 10],
      ['煎茶「八女」', 8],
    ]);
    expect(packed.bytes).toBeLessThan(objects.bytes * 0.5);
  });

  it('carries the same stock rows packed as objects do, with who moved them, and none to a first copy', async () => {
    for (const copy of ['', '&copy=1']) {
      const objects = await pull(true, copy);
      const packed = await pull(true, `${copy}&packedStock=1`);
      expect(objects.page.stockFields).toBeUndefined(); // a PC that does not ask gets objects, as before
      expect(packed.page.stockFields).toContain('onHand');
      const rows = unpackPage(packed.page).stock;
      expect(rows).toEqual(unpackPage(objects.page).stock);
      expect(rows).toHaveLength(32);
      expect(rows.find((r) => r.sku === 'KN-300')).toMatchObject({
        storeId: 'tokyo',
        onHand: 12,
        location: 'A-01-3',
        title: '関の包丁 "三徳" 165mm',
        jan: '4901234567894',
        move: copy ? null : { kind: 'count', operator: expect.any(String) },
      });
      expect(rows.find((r) => r.sku === 'TEA-8')!.title).toBe('煎茶「八女」\\深蒸し');
      expect(packed.bytes).toBeLessThan(objects.bytes);
    }
  });

  it('keeps at intake the very text packed from the stored columns (written once, with the row)', async () => {
    const found = await rows<{ n: number; differ: number }>(
      server.server.database.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE o.wire IS DISTINCT FROM ${wireExpression('o')})::int AS differ
          FROM orders o`,
    );
    expect(found[0]).toEqual({ n: 43, differ: 0 });
  });

  it('never sends a text kept from other keys: an older version’s stored order is packed again', async () => {
    const before = byNumber(unpackPage((await pull(true)).page));
    // What an older server left in the column: an object text, and a packed text under other keys.
    await server.server.database.db.execute(
      sql`UPDATE orders SET wire = CASE order_no WHEN 'PACK-1' THEN '{"orderNo":"PACK-1"}' ELSE '["pold","PACK-2"]' END`,
    );
    expect(byNumber(unpackPage((await pull(true)).page))).toEqual(before);
  });
});
