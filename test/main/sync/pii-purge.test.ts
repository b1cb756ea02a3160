import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMailPolicy } from '../../../src-main/mail/mail-due.js';
import { purgeLocalPii } from '../../../src-main/privacy/purge.js';
import { LocalOrderWriter } from '../../../src-main/sync/wire-order.js';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, TestClock, type TestApp } from '../../helpers/test-app.js';
import { documentsDir } from '../../../src-main/printing/documents.js';

describe('S3 Amazon personal-data purge on a store PC', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  function shippedAmazonOrder(shippedAt: string) {
    const [id] = insertOrders(t.app.ctx.database.sqlite, [
      {
        order: {
          channel: 'amazon',
          orderNo: '503-1234567-1234567',
          buyer: {
            name: '佐藤 花子',
            kana: 'サトウ ハナコ',
            email: 'abc@marketplace.amazon.co.jp',
            phone: '03-1234-5678',
          },
        },
        initial: { status: 'shipped', shippedAt, trackingNo: '1234-5678-9012', carrier: 'yamato' },
      },
    ]);
    return id!;
  }

  it('erases buyer and ship-to data 30 days after shipment, in the order, its mails, snapshots and kept PDFs', () => {
    const clock = new TestClock(new Date('2026-11-01T00:00:00Z'));
    t = createTestApp({ clock });
    const sqlite = t.app.ctx.database.sqlite;
    const id = shippedAmazonOrder('2026-11-01T00:00:00.000Z');
    const [other] = insertOrders(sqlite, [
      {
        order: { channel: 'rakuten', orderNo: 'R-1' },
        initial: { status: 'shipped', shippedAt: '2026-11-01T00:00:00.000Z' },
      },
    ]);
    sqlite
      .prepare(
        `INSERT INTO mail_log (order_id, kind, main_status, recipient, subject, body, result, created_at)
         VALUES (?, 'shipped', 'shipped', 'abc@marketplace.amazon.co.jp', '【発送完了】佐藤 花子 様', '佐藤 花子 様 東京都千代田区丸の内1丁目2番3号', 'sent', ?)`,
      )
      .run(id, '2026-11-01T00:00:00.000Z');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-docs-'));
    const pdf = path.join(dir, 'picking-20261101.pdf');
    writeFileSync(pdf, '%PDF-1.4 佐藤 花子');
    sqlite
      .prepare(
        `INSERT INTO print_jobs (kind, file_name, file_path, printer, pages, bytes, order_ids, order_count, created_at, actor)
         VALUES ('picking', 'picking-20261101.pdf', ?, NULL, 1, 10, ?, 2, '2026-11-01T00:00:00.000Z', 'テスト')`,
      )
      .run(pdf, JSON.stringify([other, id]));
    // A print job naming a file outside the documents folder, as a restored or copied
    // database may: the purge leaves that file alone.
    const elsewhere = path.join(mkdtempSync(path.join(os.tmpdir(), 'chumon-elsewhere-')), 'keiyaku.pdf');
    writeFileSync(elsewhere, '%PDF-1.4 not the app’s');
    sqlite
      .prepare(
        `INSERT INTO print_jobs (kind, file_name, file_path, printer, pages, bytes, order_ids, order_count, created_at, actor)
         VALUES ('picking', 'keiyaku.pdf', ?, NULL, 1, 10, ?, 1, '2026-11-01T00:00:00.000Z', 'テスト')`,
      )
      .run(elsewhere, JSON.stringify([id]));
    sqlite
      .prepare(
        `INSERT INTO import_records (channel, order_no, order_id, snapshot, source, imported_at) VALUES ('amazon', '503-1234567-1234567', ?, ?, 'amazon.txt', '2026-10-30T00:00:00.000Z')`,
      )
      .run(id, JSON.stringify({ buyerName: '佐藤 花子', total: 3850, shipTo: { phone: '03-1234-5678' } }));

    // This shop mails Amazon buyers the 発送完了メール (メール方針), and this one's was never
    // sent: the order waits in メール未送信.
    applyMailPolicy(sqlite, { amazon: { shipped: true } });
    sqlite.prepare('UPDATE orders SET mail_pending = 1 WHERE id = ?').run(id);
    const unsent = () => sqlite.prepare("SELECT n FROM tab_counts WHERE tab = 'mail_unsent'").pluck().get() as number;
    const unsentBefore = unsent();
    clock.advanceDays(29);
    expect(purgeLocalPii(sqlite, clock.now(), t.app.ctx.actor(), [dir]).orders).toBe(0);
    expect(existsSync(pdf)).toBe(true);

    clock.advanceDays(2);
    const result = purgeLocalPii(sqlite, clock.now(), t.app.ctx.actor(), [dir]);
    expect(result).toEqual({ orders: 1, mails: 1, files: [pdf] });
    expect(existsSync(elsewhere)).toBe(true);
    const row = sqlite.prepare('SELECT * FROM orders WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row).toMatchObject({
      buyer_name: '',
      buyer_kana: '',
      buyer_email: '',
      buyer_phone: '',
      ship_name: '',
      ship_address1: '',
      ship_phone: '',
      ship_postal_code: '',
    });
    expect(row).toMatchObject({ order_no: '503-1234567-1234567', total: 3850, tracking_no: '1234-5678-9012' });
    expect(row.pii_purged_at).toBe(clock.now().toISOString());
    // No mail can reach it any more: it leaves メール未送信.
    expect(row.mail_pending).toBe(0);
    expect(unsent()).toBe(unsentBefore - 1);
    expect(sqlite.prepare('SELECT count(*) FROM order_items WHERE order_id = ?').pluck().get(id)).toBe(1);
    const mail = sqlite.prepare('SELECT recipient, subject, body FROM mail_log WHERE order_id = ?').get(id) as Record<
      string,
      string
    >;
    expect(mail.recipient).toBe('');
    expect(mail.subject).toBe('【発送完了】＊＊＊ 様');
    expect(mail.body).not.toContain('佐藤');
    expect(existsSync(pdf)).toBe(false);
    expect(sqlite.prepare('SELECT snapshot FROM import_records WHERE order_id = ?').pluck().get(id)).toBe(
      JSON.stringify({ buyerName: '', total: 3850, shipTo: { phone: '' } }),
    );
    const history = sqlite
      .prepare("SELECT reason FROM order_history WHERE order_id = ? AND kind = 'pii_purge'")
      .pluck()
      .all(id) as string[];
    expect(history).toHaveLength(1);
    expect(history[0]).toContain('保存書類 1件を削除');
    // The other channel's order keeps everything; a second run finds nothing.
    expect(sqlite.prepare('SELECT buyer_name FROM orders WHERE id = ?').pluck().get(other)).toBe('山田 太郎');
    expect(purgeLocalPii(sqlite, clock.now(), t.app.ctx.actor(), [documentsDir(t.app.ctx)]).orders).toBe(0);
    // Nothing of it went to the sync outbox: the server purges on its own clock.
    expect(sqlite.prepare("SELECT count(*) FROM sync_outbox WHERE kind = 'pii_purge'").pluck().get()).toBe(0);
  });

  it('keeps erased data erased when an older copy arrives from the server', () => {
    t = createTestApp({ clock: new TestClock(new Date('2026-12-15T00:00:00Z')) });
    const sqlite = t.app.ctx.database.sqlite;
    const id = shippedAmazonOrder('2026-11-01T00:00:00.000Z');
    purgeLocalPii(sqlite, t.clock.now(), t.app.ctx.actor(), [documentsDir(t.app.ctx)]);
    const order = t.app.ctx.services.orders.get(id)!;
    new LocalOrderWriter(sqlite).write({
      channel: 'amazon',
      orderNo: order.orderNo,
      orderedAt: order.orderedAt,
      channelOrderNo: null,
      splitFrom: null,
      buyerName: '佐藤 花子',
      buyerKana: 'サトウ ハナコ',
      buyerEmail: 'abc@marketplace.amazon.co.jp',
      buyerPhone: '03-1234-5678',
      shipName: '佐藤 花子',
      shipPostalCode: '100-0005',
      shipPrefecture: '東京都',
      shipAddress1: '千代田区丸の内1丁目2番3号',
      shipAddress2: '',
      shipPhone: '03-1234-5678',
      paymentMethod: 'amazon_pay',
      needsPayment: false,
      subtotal: 3300,
      discount: 0,
      shippingFee: 550,
      codFee: 0,
      total: 3850,
      amountsUnknown: false,
      orderComment: '',
      staffComment: 'サーバー側のコメント',
      deliveryDate: '',
      deliveryTimeSlot: '',
      deliveryMethod: '',
      mailInquiry: false,
      orderFormDone: true,
      buyerRating: true,
      storeId: 'tokyo',
      carrier: 'yamato',
      trackingNo: '1234-5678-9012',
      bundleGroup: null,
      status: 'shipped',
      subStatusId: null,
      mailPending: false,
      paidAt: null,
      shippedAt: '2026-11-01T00:00:00.000Z',
      cancelledAt: null,
      cancelReason: null,
      shipNotice: null,
      channelNote: '',
      piiPurgedAt: null,
      createdAt: '2026-10-30T00:00:00.000Z',
      updatedAt: '2026-12-15T00:00:00.000Z',
      version: 9,
      items: order.items,
      history: [],
    });
    const after = t.app.ctx.services.orders.get(id)!;
    expect(after.buyer.name).toBe('');
    expect(after.shipTo.address1).toBe('');
    expect(after.staffComment).toBe('サーバー側のコメント');
    expect(after.piiPurgedAt).not.toBeNull();
  });
});
