import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_COLUMN_IDS } from '../../../src-shared/api/csv-export.js';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

/**
 * E9's file, byte for byte: every column, both encodings, over orders that exercise each
 * rule (quotes and line breaks in cells, formula starts, CP932 variants and unencodable
 * characters, half-width kana, masters that are missing, empty and null values, the sort
 * by order date then id). The expected files were written by the export before it was
 * made faster; a faster export must produce the very same bytes.
 */
const FIXTURES = path.join(import.meta.dirname, '..', '..', 'fixtures');

let t: TestApp;
let ids: number[];

beforeEach(() => {
  t = createTestApp();
  const sqlite = t.app.ctx.database.sqlite;
  ids = insertOrders(sqlite, [
    {
      order: {
        orderNo: 'PIN-001',
        orderedAt: '2026-11-20T15:30:00.000Z',
        buyer: { name: '髙橋 ①子', kana: 'ﾀｶﾊｼ ｲﾁｺ', email: 'a@example.jp', phone: '090-1111-2222' },
        orderComment: '彼は"はい"と言った\n二行目、¥1,000',
        items: [
          { lineNo: 2, sku: 'TW-100', title: '今治タオル "極" 3枚組', quantity: 1, unitPrice: 2200, location: 'A-01' },
          { lineNo: 1, sku: 'MG-010', title: '有田焼 マグカップ 藍', quantity: 2, unitPrice: 1650, location: 'B-02' },
          { lineNo: 3, sku: 'KN-300', title: '関の包丁〜三徳', quantity: 1, unitPrice: 8800, location: '' },
        ],
      },
      initial: {
        status: 'shipped',
        paidAt: '2026-11-21T00:05:00.000Z',
        shippedAt: '2026-11-22T09:59:00.000Z',
        carrier: 'yamato',
        trackingNo: '1234-5678-9012',
      },
    },
    {
      order: {
        orderNo: 'PIN-002',
        channel: 'amazon',
        orderedAt: '2026-11-20T15:30:00.000Z',
        buyer: { name: '𠮷野 家', kana: 'ヨシノ', email: '+81@example.jp', phone: '-1+2' },
        shipTo: {
          name: '=1+1',
          postalCode: '@100',
          prefecture: '東京都',
          address1: '千代田区−丸の内—1\u00A0番',
          address2: '\tビル',
          phone: '\r03',
        },
        paymentMethod: 'unknown_pay',
        orderComment: 'お寿司🍣が好き¢£¬‖',
        storeId: null,
      },
      initial: { status: 'paid', paidAt: '2026-11-20T16:00:00.000Z', carrier: 'other-carrier', trackingNo: '' },
    },
    {
      order: {
        orderNo: 'PIN-003',
        channel: 'rakuten',
        orderedAt: '2026-11-01T00:00:00.000Z',
        items: [],
        discount: 300,
        codFee: 330,
        paymentMethod: 'cod',
      },
      initial: { status: 'new' },
    },
    {
      order: {
        orderNo: 'PIN-004',
        channel: 'own',
        orderedAt: '2026-11-25T23:59:59.000Z',
        orderComment: '-',
        storeId: 'osaka',
      },
      initial: { status: 'cancelled', cancelledAt: '2026-11-26T00:00:00.000Z' },
    },
  ]);
  const subStatus = sqlite.prepare('SELECT id FROM sub_statuses ORDER BY id LIMIT 1').pluck().get() as number;
  sqlite
    .prepare('UPDATE orders SET staff_comment = ?, bundle_group = ?, sub_status_id = ? WHERE id = ?')
    .run('梱包注意,割れ物', 'B-7', subStatus, ids[0]);
  sqlite.prepare("UPDATE orders SET staff_comment = '@担当', sub_status_id = 99999 WHERE id = ?").run(ids[3]);
});
afterEach(() => t.close());

describe('E9 CSV出力: the exact bytes', () => {
  for (const [encoding, fixture] of [
    ['shift_jis', 'csv-export-all-columns-sjis.csv'],
    ['utf8bom', 'csv-export-all-columns-utf8bom.csv'],
  ] as const) {
    it(`writes every column in ${encoding} exactly as before`, async () => {
      const result = await t.call('csvExport:run', {
        tab: 'new',
        orderIds: ids,
        columns: [...EXPORT_COLUMN_IDS],
        encoding,
      });
      const bytes = Buffer.from(result.file.base64, 'base64');
      expect(bytes.equals(readFileSync(path.join(FIXTURES, fixture)))).toBe(true);
      expect(result.rows).toBe(4);
    });
  }

  it('reports the unencodable cells with their line, order and column', async () => {
    const result = await t.call('csvExport:run', {
      tab: 'new',
      orderIds: ids,
      columns: [...EXPORT_COLUMN_IDS],
      encoding: 'shift_jis',
    });
    // PIN-004 (newest) is line 2; PIN-002 and PIN-001 share a time, the higher id first.
    expect(result.unencodable).toEqual([
      { line: 3, orderNo: 'PIN-002', column: '購入者名', chars: ['𠮷'] },
      { line: 3, orderNo: 'PIN-002', column: '注文時コメント', chars: ['🍣'] },
    ]);
    expect(result.unencodableTotal).toBe(2);
  });
});
