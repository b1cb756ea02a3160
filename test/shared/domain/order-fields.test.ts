import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ORDER_FIELDS, everyArrivalHasAColumn } from '../../../src-shared/domain/order-fields.js';
import type { NewOrder } from '../../../src-shared/domain/order.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { ensureDefaultMasters } from '../../../src-main/db/defaults.js';
import { OrderWriter } from '../../../src-main/orders/writer.js';
import { readNewOrder } from '../../../src-main/sync/wire-order.js';
import { openServerDatabase } from '../../../src-server/db/open.js';
import { rows } from '../../../src-server/db/open.js';
import { sql } from 'drizzle-orm';
import { MIGRATIONS } from '../../helpers/test-app.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-fields-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Columns each database keeps for itself, outside the shared table. */
// mail_due: whether this PC's メール方針 lists the order in メール未送信 (per PC, never synced).
const STORE_ONLY = ['id', 'bundle_key', 'mail_due'];
const SERVER_ONLY = ['id', 'seq', 'wire'];

describe('the order field table against both migrated databases', () => {
  it('names every column of the store database, with its type and nullability', () => {
    const { sqlite } = openDatabase(path.join(dir, 'store.sqlite'), MIGRATIONS);
    const columns = sqlite.prepare('PRAGMA table_info(orders)').all() as {
      name: string;
      type: string;
      notnull: number;
    }[];
    sqlite.close();
    expect(
      columns
        .map((c) => c.name)
        .filter((c) => !STORE_ONLY.includes(c))
        .sort(),
    ).toEqual(ORDER_FIELDS.map((f) => f.column).sort());
    for (const field of ORDER_FIELDS) {
      const column = columns.find((c) => c.name === field.column)!;
      expect([field.column, column.type]).toEqual([field.column, field.type === 'text' ? 'TEXT' : 'INTEGER']);
      expect([field.column, column.notnull === 0]).toEqual([field.column, 'nullable' in field && field.nullable]);
    }
  });

  it('names every column of the central database, with its type and nullability', async () => {
    const server = await openServerDatabase({ dataDir: path.join(dir, 'server') });
    try {
      const columns = await rows<{ name: string; type: string; nullable: string }>(
        server.db,
        sql`SELECT column_name AS name, data_type AS type, is_nullable AS nullable FROM information_schema.columns
            WHERE table_name = 'orders' AND table_schema = current_schema()`,
      );
      expect(
        columns
          .map((c) => c.name)
          .filter((c) => !SERVER_ONLY.includes(c))
          .sort(),
      ).toEqual(ORDER_FIELDS.map((f) => f.column).sort());
      for (const field of ORDER_FIELDS) {
        const column = columns.find((c) => c.name === field.column)!;
        expect([field.column, column.type]).toEqual([field.column, field.type]);
        expect([field.column, column.nullable === 'YES']).toEqual([
          field.column,
          'nullable' in field && field.nullable,
        ]);
      }
    } finally {
      await server.close();
    }
    // A fresh PGlite (initdb and every migration) takes tens of seconds on a loaded machine.
  }, 120_000);

  it('writes every arriving value to its column and reads the same order back', () => {
    const { sqlite } = openDatabase(path.join(dir, 'round-trip.sqlite'), MIGRATIONS);
    ensureDefaultMasters(sqlite);
    // Every value distinct, so a column mapped to the wrong field shows.
    const order: NewOrder = {
      channel: 'amazon',
      orderNo: 'RT-1',
      orderedAt: '2026-11-20T03:04:05.000Z',
      buyer: { name: '購入 太郎', kana: 'コウニュウ タロウ', email: 'buyer@example.jp', phone: '03-1111-1111' },
      shipTo: {
        name: '届先 花子',
        postalCode: '100-0001',
        prefecture: '東京都',
        address1: '千代田区1-1',
        address2: '二号室',
        phone: '03-2222-2222',
      },
      paymentMethod: 'bank',
      items: [{ lineNo: 1, sku: 'SKU-1', title: '湯呑', quantity: 2, unitPrice: 1200, location: 'A-1', taxRate: 8 }],
      discount: 100,
      shippingFee: 500,
      codFee: 0,
      orderComment: '熨斗をお願いします',
      mailInquiry: true,
      orderFormDone: false,
      storeId: 'tokyo',
      deliveryDate: '2026-11-28',
      deliveryTimeSlot: '14-16',
      deliveryMethod: '宅急便コンパクト',
      amountsUnknown: true,
      channelOrderNo: 'RT-0',
      splitFrom: 'RT-0-1',
    };
    expect(everyArrivalHasAColumn).toBe(true);
    const id = new OrderWriter(sqlite).insert(order, '2026-11-27T00:00:00.000Z');
    expect(readNewOrder(sqlite, id)).toEqual(order);
    sqlite.close();
  });
});
