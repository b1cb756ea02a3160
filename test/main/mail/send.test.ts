import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { configureMail, mailLogRows, unsentCount, useMailApp } from '../../helpers/mail.js';
import { createTestApp } from '../../helpers/test-app.js';

const env = useMailApp({ beforeEach, afterEach });

describe('F7 メール送信', () => {
  it('sends each checked order the mail of its main status, in Japanese, once', async () => {
    const { t, smtp } = env;
    await configureMail(t, smtp.port, { htmlPart: true });
    const [stock, paid, shipped] = insertOrders(t.app.ctx.database.sqlite, [
      { order: { orderNo: 'Y-1001' }, initial: { status: 'stock_confirmed' } },
      {
        order: {
          orderNo: 'Y-1002',
          buyer: { name: '佐藤 花子', kana: 'サトウ ハナコ', email: 'hanako@example.jp', phone: '' },
        },
        initial: { status: 'paid' },
      },
      { order: { orderNo: 'Y-1003' }, initial: { status: 'shipped', carrier: 'yamato', trackingNo: '1234-5678-9012' } },
    ]);
    expect(unsentCount(t)).toBe(3);

    const result = await t.call('mail:send', { orderIds: [stock!, paid!, shipped!], purpose: 'status' });
    expect(result).toMatchObject({ sent: 3, failed: [], unknown: [], skipped: [], aborted: null });
    expect(unsentCount(t)).toBe(0);
    expect(smtp.received).toHaveLength(3);

    const parsed = await Promise.all(smtp.received.map((m) => smtp.parse(m)));
    const bySubject = (fragment: string) => parsed.find((p) => p.subject?.includes(fragment))!;
    const stockMail = bySubject('在庫確認');
    expect(stockMail.subject).toBe('【やきもの堂】ご注文商品の在庫確認のお知らせ（注文番号 Y-1001）');
    expect(stockMail.text).toContain('山田 太郎 様');
    expect(stockMail.text).toContain('・有田焼 マグカップ 藍（MG-010） ¥1,650 × 2 = ¥3,300');
    expect(stockMail.text).toContain('お支払い合計：¥3,850');
    expect(stockMail.text).toContain('お支払い方法：銀行振込');
    expect(stockMail.text).toContain('みずほ銀行 丸の内支店 普通 1234567 ヤキモノドウ');
    expect(stockMail.text).toContain('やきもの堂 お客様係');
    expect(stockMail.from?.value[0]).toEqual({ address: 'shop@example.jp', name: '有田焼の店 やきもの堂' });
    expect(stockMail.to && !Array.isArray(stockMail.to) ? stockMail.to.value[0]!.address : '').toBe('taro@example.jp');
    expect(stockMail.html).toContain('山田 太郎 様');

    expect(bySubject('ご入金確認').text).toContain('佐藤 花子 様');
    const shipMail = bySubject('発送');
    expect(shipMail.text).toContain('■配送業者：ヤマト運輸');
    expect(shipMail.text).toContain('■送り状番号：1234-5678-9012');
    expect(shipMail.text).toContain('https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=123456789012');
    expect(shipMail.html).toContain(
      '<a href="https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=123456789012">',
    );

    // The log holds every attempt with the Message-ID that went out.
    const rows = mailLogRows(t);
    expect(rows.map((r) => `${r.order_id}:${r.kind}:${r.result}`).sort()).toEqual(
      [`${stock}:stock_confirmed:sent`, `${paid}:payment_confirmed:sent`, `${shipped}:shipped:sent`].sort(),
    );
    expect(new Set(smtp.messageIds())).toEqual(new Set(rows.map((r) => r.message_id)));
    expect(t.app.ctx.database.sqlite.prepare('SELECT DISTINCT actor FROM mail_log').pluck().all()).toEqual([
      'テスト担当',
    ]);

    // Pressing F7 again sends nothing: each status mail goes once.
    const again = await t.call('mail:send', { orderIds: [stock!, paid!, shipped!], purpose: 'status' });
    expect(again.sent).toBe(0);
    expect(again.skipped.map((s) => s.reason)).toEqual([
      expect.stringContaining('同じメールは二度送りません'),
      expect.stringContaining('同じメールは二度送りません'),
      expect.stringContaining('同じメールは二度送りません'),
    ]);
    expect(smtp.received).toHaveLength(3);
  });

  it('skips orders without a status mail, without an address, or whose buyer data was purged, and says why', async () => {
    const { t, smtp } = env;
    const sqlite = t.app.ctx.database.sqlite;
    const [fresh, noMail, amazon, purged] = insertOrders(sqlite, [
      { initial: { status: 'new' } },
      { order: { buyer: { name: '無 メール', kana: '', email: '', phone: '' } }, initial: { status: 'paid' } },
      {
        order: {
          channel: 'amazon',
          orderNo: '503-1234567-1234567',
          buyer: { name: 'Amazon 太郎', kana: '', email: 'x7k2m9q4r1@marketplace.amazon.co.jp', phone: '' },
        },
        initial: { status: 'paid' },
      },
      {
        order: { channel: 'amazon', orderNo: '503-7654321-7654321' },
        initial: { status: 'shipped', carrier: 'sagawa', trackingNo: '400012345678' },
      },
    ]);
    sqlite
      .prepare(
        "UPDATE orders SET buyer_name = '', buyer_email = '', pii_purged_at = '2026-11-01T00:00:00.000Z' WHERE id = ?",
      )
      .run(purged);

    // Amazon's buyers get no mail from the seller unless the メール方針 says so.
    await t.call('mail:savePolicy', { channel: 'amazon', kind: 'payment_confirmed', send: true });
    const result = await t.call('mail:send', { orderIds: [fresh!, noMail!, amazon!, purged!], purpose: 'status' });
    expect(result.sent).toBe(1);
    // Amazon: the relay address, exactly as the channel gave it.
    expect(smtp.received.map((m) => m.to)).toEqual([['x7k2m9q4r1@marketplace.amazon.co.jp']]);
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.orderId, s.reason]));
    expect(reasons[fresh!]).toMatch(/「新規」の注文に送るメールはありません/);
    expect(reasons[noMail!]).toMatch(/メールアドレスが登録されていません/);
    expect(reasons[purged!]).toMatch(/個人情報が削除済み.*Amazon/);
    expect(mailLogRows(t).map((r) => r.order_id)).toEqual([amazon]);

    const detail = await t.call('mail:orderMails', { orderId: purged! });
    expect(detail.blockedReason).toMatch(/個人情報が削除済み/);
  });

  it('escapes values in the HTML part and keeps the plain text exactly as typed', async () => {
    const { t, smtp } = env;
    await configureMail(t, smtp.port, { htmlPart: true });
    const [id] = insertOrders(t.app.ctx.database.sqlite, [
      {
        order: {
          buyer: { name: '<script>alert(1)</script> & {{注文番号}}', kana: '', email: 'evil@example.jp', phone: '' },
        },
        initial: { status: 'paid' },
      },
    ]);
    await t.call('mail:send', { orderIds: [id!], purpose: 'status' });
    const mail = await smtp.parse(smtp.received[0]!);
    expect(mail.text).toContain('<script>alert(1)</script> & {{注文番号}} 様');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{注文番号}} 様');
    expect(mail.html).not.toContain('<script>');
  });

  it('sends plain text only unless the HTML part is switched on', async () => {
    const { t, smtp } = env;
    const [id] = insertOrders(t.app.ctx.database.sqlite, [{ initial: { status: 'paid' } }]);
    await t.call('mail:send', { orderIds: [id!], purpose: 'status' });
    const raw = smtp.received[0]!.raw.toString('latin1');
    expect(raw).toMatch(/^Content-Type: text\/plain; charset=utf-8/im);
    expect(raw).not.toMatch(/text\/html|multipart/i);
    expect((await smtp.parse(smtp.received[0]!)).text).toContain('ご入金を確認いたしました');
  });

  it('sends a true 7-bit ISO-2022-JP mail when chosen, readable as Japanese', async () => {
    const { t, smtp } = env;
    await configureMail(t, smtp.port, { encoding: 'iso2022jp' });
    const [id] = insertOrders(t.app.ctx.database.sqlite, [
      {
        order: { orderNo: 'J-1', buyer: { name: 'ﾔﾏﾀﾞ 太郎🍣', kana: '', email: 'jis@example.jp', phone: '' } },
        initial: { status: 'stock_confirmed' },
      },
    ]);
    const result = await t.call('mail:send', { orderIds: [id!], purpose: 'status' });
    expect(result.sent).toBe(1);
    const raw = smtp.received[0]!.raw;
    expect([...raw].every((b) => b < 0x80)).toBe(true);
    expect(raw.toString('latin1')).toMatch(/Content-Type: text\/plain; charset=ISO-2022-JP/);
    expect(raw.toString('latin1')).toMatch(/Subject: =\?ISO-2022-JP\?B\?/);
    const mail = await smtp.parse(smtp.received[0]!);
    expect(mail.subject).toBe('【やきもの堂】ご注文商品の在庫確認のお知らせ（注文番号 J-1）');
    // Half-width kana become full-width; what JIS cannot carry becomes 〓.
    expect(mail.text).toContain('ヤマダ 太郎〓 様');
    expect(mail.text).toContain('お支払い合計：￥3,850');
    expect(mail.messageId).toBe(mailLogRows(t)[0]!.message_id);
  });

  it('refuses to send before the SMTP settings are made, and logs nothing', async () => {
    const bare = createTestApp();
    try {
      const [id] = insertOrders(bare.app.ctx.database.sqlite, [{ initial: { status: 'paid' } }]);
      await expect(bare.call('mail:send', { orderIds: [id!], purpose: 'status' })).rejects.toThrow(
        /メールの送信設定がされていません/,
      );
      expect(mailLogRows(bare)).toEqual([]);
      expect(unsentCount(bare)).toBe(1);
    } finally {
      bare.close();
    }
  });

  it('E12 marks the shipping mail as handled without sending, and only for shipped orders', async () => {
    const { t, smtp } = env;
    const [shipped, paid, done] = insertOrders(t.app.ctx.database.sqlite, [
      { initial: { status: 'shipped', carrier: 'japanpost', trackingNo: '1234' } },
      { initial: { status: 'paid' } },
      { initial: { status: 'shipped', carrier: 'japanpost', trackingNo: '5678', mailSent: true } },
    ]);
    const result = await t.call('mail:markShippingSent', { orderIds: [shipped!, paid!, done!] });
    expect(result.applied).toBe(1);
    expect(result.refused).toEqual([
      expect.objectContaining({ orderId: paid, reason: expect.stringMatching(/「出荷済」の注文だけ/) }),
      expect.objectContaining({ orderId: done, reason: expect.stringMatching(/発送完了メールは送信済み/) }),
    ]);
    expect(mailLogRows(t)).toEqual([expect.objectContaining({ order_id: shipped, kind: 'shipped', result: 'marked' })]);
    // A clerk's decision: in the order's history, and in the sync outbox for the other PCs.
    const sqlite = t.app.ctx.database.sqlite;
    expect(
      sqlite
        .prepare("SELECT to_value, reason, actor FROM order_history WHERE kind = 'mail' AND order_id = ?")
        .all(shipped),
    ).toEqual([{ to_value: 'shipped', reason: 'E12 出荷メール一括処理済変更（送信なし）', actor: 'テスト担当' }]);
    const outbox = sqlite
      .prepare("SELECT payload FROM sync_outbox WHERE kind = 'mail' AND entity_id = ?")
      .pluck()
      .get(String(shipped)) as string;
    expect(JSON.parse(outbox)).toMatchObject({ mailStatus: 'shipped', fields: { mailPending: false } });
    expect(unsentCount(t)).toBe(1);
    const f7 = await t.call('mail:send', { orderIds: [shipped!], purpose: 'status' });
    expect(f7.sent).toBe(0);
    expect(f7.skipped[0]!.reason).toMatch(/処理済に変更済み/);
    expect(smtp.received).toHaveLength(0);
  });
});
