import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { configureMail, mailLogRows } from '../../helpers/mail.js';
import { TestSmtpServer } from '../../helpers/smtp.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let smtp: TestSmtpServer;

beforeEach(async () => {
  t = createTestApp();
  smtp = await TestSmtpServer.start({ auth: { user: 'shop-user', pass: 'p@ss 秘密' } });
});

afterEach(async () => {
  t.close();
  await smtp.close();
});

describe('mail templates master', () => {
  it('refuses an unknown placeholder with a message naming it, and keeps the old template', async () => {
    const before = (await t.call('mail:templates', {})).find((x) => x.kind === 'shipped')!;
    await expect(
      t.call('mail:saveTemplate', {
        kind: 'shipped',
        subject: '発送のお知らせ',
        body: '{{購入者名}} 様\n{{お届け予定日}}',
      }),
    ).rejects.toThrow(
      '発送完了メールを保存できません。本文 2 行目の差し込み項目「{{お届け予定日}}」は使えません。一覧にある項目だけを使ってください。',
    );
    const after = (await t.call('mail:templates', {})).find((x) => x.kind === 'shipped')!;
    expect(after).toEqual(before);
    expect(after.customized).toBe(false);
  });

  it('saves, previews a real order with the draft, and resets to the built-in text', async () => {
    const [id] = insertOrders(t.app.ctx.database.sqlite, [
      { order: { orderNo: 'PV-1' }, initial: { status: 'shipped', carrier: 'japanpost', trackingNo: 'AB-123' } },
    ]);
    const saved = await t.call('mail:saveTemplate', {
      kind: 'shipped',
      subject: '{{注文番号}} 発送',
      body: '{{購入者名}} 様\r\n追跡: {{追跡URL}}',
    });
    expect(saved).toMatchObject({ customized: true, body: '{{購入者名}} 様\n追跡: {{追跡URL}}' });

    const preview = await t.call('mail:preview', { kind: 'shipped', orderNo: 'PV-1' });
    expect(preview).toMatchObject({
      orderId: id,
      to: 'taro@example.jp',
      subject: 'PV-1 発送',
      text: '山田 太郎 様\n追跡: https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=AB123',
      warnings: [],
    });
    const draft = await t.call('mail:preview', {
      kind: 'shipped',
      orderNo: 'PV-1',
      subject: '下書き {{購入者}}',
      body: 'x',
    });
    expect(draft.warnings).toEqual([expect.stringContaining('「{{購入者}}」は使えません')]);
    await expect(t.call('mail:preview', { kind: 'shipped', orderNo: 'NOPE' })).rejects.toThrow(
      '注文番号「NOPE」の注文が見つかりません。',
    );

    const reset = await t.call('mail:resetTemplate', { kind: 'shipped' });
    expect(reset.customized).toBe(false);
    expect(reset.subject).toContain('商品発送のお知らせ');
  });
});

describe('SMTP settings', () => {
  it('keeps the password sealed on disk, never returns it, and logs in with it', async () => {
    const view = await t.call('mail:saveSettings', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: 'shop-user',
      password: 'p@ss 秘密',
      fromAddress: 'shop@example.jp',
      fromName: 'やきもの堂',
      encoding: 'utf8',
      shopName: 'やきもの堂',
      signature: '',
      bankAccount: '',
    });
    expect(view).toMatchObject({ hasPassword: true, passwordProtection: expect.stringContaining('AES-256-GCM') });
    expect(JSON.stringify(view)).not.toContain('p@ss');
    const onDisk = readFileSync(path.join(t.dir, 'settings.json'), 'utf8');
    expect(onDisk).not.toContain('p@ss');
    expect(onDisk).toMatch(/"passwordSealed": "local:v1:/);

    const test = await t.call('mail:testSend', { to: 'owner@example.jp' });
    // Security "none" with a password: the answer warns that it went unencrypted.
    expect(test.message).toMatch(
      /^owner@example\.jp にテストメールを送信しました。届いたことを確認してください。（注意: /,
    );
    const mail = await smtp.parse(smtp.received[0]!);
    expect(mail.subject).toBe('【やきもの堂】テストメール（メール設定の確認）');
    expect(mail.text).toContain('日本語も正しく表示されています');

    // Saving without a password keeps it; a wrong one is reported without echoing it.
    await configureMail(t, smtp.port, { user: 'shop-user' });
    expect((await t.call('mail:settings', {})).hasPassword).toBe(true);
    await configureMail(t, smtp.port, { user: 'shop-user', password: 'wrong-secret' });
    const failure = t.call('mail:testSend', { to: 'owner@example.jp' });
    await expect(failure).rejects.toThrow(/認証に失敗しました/);
    await expect(failure).rejects.not.toThrow(/wrong-secret/);
  });

  it('asks for the password again when it cannot be opened (key file gone)', async () => {
    await configureMail(t, smtp.port, { user: 'shop-user', password: 'p@ss 秘密' });
    const { rmSync } = await import('node:fs');
    rmSync(path.join(t.dir, 'secret.key'));
    await expect(t.call('mail:testSend', { to: 'owner@example.jp' })).rejects.toThrow(
      '保存されている SMTP パスワードを復号できません。設定 → メール でパスワードを入力し直してください。',
    );
  });

  it('refuses a malformed from-address and changes nothing', async () => {
    await configureMail(t, smtp.port);
    await expect(configureMail(t, 2525, { fromAddress: 'shop at example' })).rejects.toThrow(
      /送信元アドレスの形式が正しくありません/,
    );
    expect((await t.call('mail:settings', {})).port).toBe(smtp.port);
  });
});

describe('催促メール: reminders and 催促メール期限管理', () => {
  const ago = (days: number) => new Date(Date.parse('2026-11-27T01:00:00Z') - days * 86_400_000 - 60_000).toISOString();

  it('reminds overdue orders once per period, each kind by its own period', async () => {
    await configureMail(t, smtp.port, { user: 'shop-user', password: 'p@ss 秘密' });
    await t.call('mail:saveReminderDays', { unpaid: 7, orderForm: 3 });
    const [unpaid, recent, form, both, paid] = insertOrders(t.app.ctx.database.sqlite, [
      { order: { orderNo: 'R-UNPAID', orderedAt: ago(8) } },
      { order: { orderNo: 'R-RECENT', orderedAt: ago(2) } },
      { order: { orderNo: 'R-FORM', orderedAt: ago(4), orderFormDone: false, paymentMethod: 'credit_card' } },
      { order: { orderNo: 'R-BOTH', orderedAt: ago(9), orderFormDone: false } },
      { order: { orderNo: 'R-PAID', orderedAt: ago(20) }, initial: { status: 'paid' } },
    ]);
    const all = [unpaid!, recent!, form!, both!, paid!];
    const first = await t.call('mail:send', { orderIds: all, purpose: 'reminder' });
    expect(first.sent).toBe(4);
    const subjects = (await Promise.all(smtp.received.map((m) => smtp.parse(m)))).map((m) => m.subject).sort();
    expect(subjects).toEqual(
      [
        '【やきもの堂】ご入金のお願い（注文番号 R-UNPAID）',
        '【やきもの堂】ご入金のお願い（注文番号 R-BOTH）',
        '【やきもの堂】お届け先情報のご入力のお願い（注文番号 R-FORM）',
        '【やきもの堂】お届け先情報のご入力のお願い（注文番号 R-BOTH）',
      ].sort(),
    );
    const reasons = Object.fromEntries(first.skipped.map((s) => [s.orderId, s.reason]));
    expect(reasons[recent!]).toMatch(/催促対象ではありません/);
    expect(reasons[paid!]).toMatch(/催促対象ではありません/);

    // Two days later: still inside both periods, nobody is reminded again.
    t.clock.advanceDays(2);
    const again = await t.call('mail:send', { orderIds: all, purpose: 'reminder' });
    expect(again.sent).toBe(0);
    expect(again.skipped.find((s) => s.orderId === unpaid)!.reason).toMatch(
      /入金催促メールは.*に送信済みです。次は2026年12月4日以降に送れます。/,
    );

    // Four days after the first reminders the 3-day form period has passed, the 7-day one not.
    t.clock.advanceDays(2);
    const later = await t.call('mail:send', { orderIds: all, purpose: 'reminder' });
    expect(later.sent).toBe(2);
    expect(mailLogRows(t).filter((r) => r.kind === 'order_form_reminder')).toHaveLength(4);
    expect(mailLogRows(t).filter((r) => r.kind === 'unpaid_reminder')).toHaveLength(2);
  });

  it('a reminded order shows 催促済 and leaves 催促対象 until its next reminder is due', async () => {
    await configureMail(t, smtp.port, { user: 'shop-user', password: 'p@ss 秘密' });
    await t.call('mail:saveReminderDays', { unpaid: 7, orderForm: 3 });
    const ids = insertOrders(t.app.ctx.database.sqlite, [
      { order: { orderNo: 'REM-UNPAID', orderedAt: ago(8) } },
      { order: { orderNo: 'REM-FORM', orderedAt: ago(4), orderFormDone: false, paymentMethod: 'credit_card' } },
      { order: { orderNo: 'REM-BOTH', orderedAt: ago(9), orderFormDone: false } },
    ]);
    const tab = async () => {
      const page = await t.call('orders:list', { tab: 'reminder', offset: 0, limit: 10 });
      expect((await t.call('orders:counts', {})).reminder).toBe(page.total);
      expect((await t.call('orders:ids', { tab: 'reminder' })).length).toBe(page.total);
      // The same in a search within the tab (the criteria path).
      const within = await t.call('orders:list', {
        tab: 'reminder',
        criteria: { orderNo: 'REM-' },
        offset: 0,
        limit: 10,
      });
      expect(within.total).toBe(page.total);
      return page.rows.map((r) => r.orderNo).sort();
    };
    const reminded = async () =>
      Object.fromEntries(
        (await t.call('orders:list', { criteria: { orderNo: 'REM-' }, offset: 0, limit: 10 })).rows.map((r) => [
          r.orderNo,
          [r.reminderCount, r.remindedAt],
        ]),
      );
    expect(await tab()).toEqual(['REM-BOTH', 'REM-FORM', 'REM-UNPAID']);
    expect((await reminded())['REM-BOTH']).toEqual([0, null]);

    expect((await t.call('mail:send', { orderIds: ids, purpose: 'reminder' })).sent).toBe(4);
    const firstAt = t.clock.now().toISOString();
    expect(await tab()).toEqual([]);
    expect(await reminded()).toEqual({
      'REM-UNPAID': [1, firstAt],
      'REM-FORM': [1, firstAt],
      'REM-BOTH': [2, firstAt],
    });

    // Four days on, the 3-day form reminder is due again, the 7-day one is not.
    t.clock.advanceDays(4);
    expect(await tab()).toEqual(['REM-BOTH', 'REM-FORM']);
    expect((await t.call('mail:send', { orderIds: ids, purpose: 'reminder' })).sent).toBe(2);
    expect(await tab()).toEqual([]);
    expect((await reminded())['REM-BOTH']).toEqual([3, t.clock.now().toISOString()]);
  });

  it('saves the periods, refuses nonsense with a clear message and keeps the old ones', async () => {
    expect(await t.call('mail:saveReminderDays', { unpaid: 10, orderForm: 5, skipHolidays: true })).toEqual({
      unpaid: 10,
      orderForm: 5,
      skipHolidays: true,
    });
    await expect(t.call('mail:saveReminderDays', { unpaid: 0, orderForm: 5 })).rejects.toThrow(
      /未入金の催促期限は1日以上にしてください/,
    );
    expect(await t.call('mail:reminderDays', {})).toEqual({ unpaid: 10, orderForm: 5, skipHolidays: true });
  });
});
