import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WINDOW } from '../../../src-main/mail/batch.js';
import { insertOrders } from '../../helpers/orders.js';
import { configureMail, mailLogRows, unsentCount } from '../../helpers/mail.js';
import { TestSmtpServer, type Verdict } from '../../helpers/smtp.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let smtp: TestSmtpServer | null = null;

beforeEach(() => {
  t = createTestApp();
});

afterEach(async () => {
  t.close();
  await smtp?.close();
  smtp = null;
});

function paidOrders(n: number, email = (i: number) => `buyer${i}@example.jp`): number[] {
  return insertOrders(
    t.app.ctx.database.sqlite,
    Array.from({ length: n }, (_, i) => ({
      order: { orderNo: `F-${i}`, buyer: { name: `購入者${i}`, kana: '', email: email(i), phone: '' } },
      initial: { status: 'paid' as const },
    })),
  );
}

/** Order numbers that arrived, from the subject line (what a buyer would see). */
async function arrivedOrderNos(server: TestSmtpServer, list = server.received): Promise<string[]> {
  const parsed = await Promise.all(list.map((m) => server.parse(m)));
  return parsed.map((p) => /注文番号 (\S+)）/.exec(p.subject ?? '')?.[1] ?? '?');
}

describe('a server that refuses part of a batch', () => {
  it('logs each refusal with the server reply, keeps those orders unsent, and a retry sends only them', async () => {
    let refusing = true;
    smtp = await TestSmtpServer.start({
      refuseRecipient: (a) => refusing && /buyer[13]@/.test(a),
      verdict: (n) => (refusing && n === 3 ? 'reject' : 'accept'),
    });
    await configureMail(t, smtp.port);
    const ids = paidOrders(6);
    const first = await t.call('mail:send', { orderIds: ids, purpose: 'status' });
    expect(first.sent).toBe(3);
    expect(first.unknown).toEqual([]);
    expect(first.failed).toHaveLength(3);
    expect(first.failed.map((f) => f.error).join('\n')).toMatch(
      /550 5\.1\.1 No such user here[\s\S]*451 4\.3\.0 Temporary failure/,
    );
    expect(unsentCount(t)).toBe(3);

    const log = await t.call('mail:log', { result: 'failed' });
    expect(log.total).toBe(3);
    const entry = await t.call('mail:logEntry', { id: log.rows[0]!.id });
    expect(entry).toMatchObject({ canRetry: true, canConfirm: false, result: 'failed' });
    expect(entry.body).toContain(`${entry.orderNo}`);

    refusing = false;
    const retry = await t.call('mail:retry', { logIds: first.failed.map((f) => f.logId) });
    expect(retry).toMatchObject({ sent: 3, failed: [], unknown: [], skipped: [] });
    expect(unsentCount(t)).toBe(0);
    const nos = await arrivedOrderNos(smtp);
    expect(nos.sort()).toEqual(['F-0', 'F-1', 'F-2', 'F-3', 'F-4', 'F-5']);
    // Each retry is its own attempt, linked to the one it repeats and keeping its Message-ID.
    const rows = mailLogRows(t);
    expect(rows.filter((r) => r.result === 'failed')).toHaveLength(3);
    for (const f of first.failed) {
      const again = t.app.ctx.database.sqlite
        .prepare('SELECT result, message_id FROM mail_log WHERE retry_of = ?')
        .get(f.logId) as { result: string; message_id: string };
      expect(again.result).toBe('sent');
      expect(again.message_id).toBe(rows.find((r) => r.id === f.logId)!.message_id);
    }
    // A retry of something already sent does nothing.
    const twice = await t.call('mail:retry', { logIds: first.failed.map((f) => f.logId) });
    expect(twice.sent).toBe(0);
    expect(twice.skipped.map((s) => s.reason)).toEqual(Array(3).fill(expect.stringMatching(/すでに送信済み/)));
    expect(smtp.received).toHaveLength(6);
  });
});

describe('a server that drops the connection in the middle of a batch', () => {
  it('never resends a mail that may have arrived; the clerk resolves it in F8', async () => {
    let dropAt = 4;
    smtp = await TestSmtpServer.start({ verdict: (n): Verdict => (n === dropAt ? 'drop' : 'accept') });
    await configureMail(t, smtp.port);
    const ids = paidOrders(20);
    const result = await t.call('mail:send', { orderIds: ids, purpose: 'status' });
    expect(result.unknown.length).toBeGreaterThanOrEqual(1);
    expect(result.sent + result.unknown.length + result.failed.length).toBe(20);
    expect(result.unknown[0]!.error).toMatch(/届いたかどうか分からないため、自動では再送しません/);

    // F7 and the bulk send again: nothing that might have arrived goes twice.
    dropAt = -1;
    const again = await t.call('mail:send', { orderIds: ids, purpose: 'status' });
    expect(again.sent).toBe(result.failed.length);
    const unknownReasons = again.skipped.filter((s) => /届いたかどうか分かりません/.test(s.reason));
    expect(unknownReasons.map((s) => s.orderId).sort()).toEqual(result.unknown.map((u) => u.orderId).sort());
    // The unknown ones stay visible in メール未送信 until the clerk decides.
    expect(unsentCount(t)).toBe(result.unknown.length);

    const seenNos = await arrivedOrderNos(smtp, smtp.seen);
    expect(new Set(seenNos).size).toBe(seenNos.length);

    // The clerk checked one with the buyer: it did arrive.
    const [confirmMe, resendMe] = result.unknown;
    const confirmed = await t.call('mail:confirmSent', { id: confirmMe!.logId });
    expect(confirmed).toMatchObject({ result: 'sent', canRetry: false, canConfirm: false });
    if (resendMe) {
      const entry = await t.call('mail:logEntry', { id: resendMe.logId });
      expect(entry).toMatchObject({ canRetry: true, canConfirm: true });
      const before = smtp.received.length;
      const retry = await t.call('mail:retry', { logIds: [resendMe.logId] });
      expect(retry.sent).toBe(1);
      // Sent again with the same Message-ID, so a mail client can tell it is the same mail.
      expect(smtp.messageIds(smtp.received.slice(before))).toEqual([entry.messageId]);
      expect((await t.call('mail:logEntry', { id: resendMe.logId })).result).toBe('retried');
    }
    expect(unsentCount(t)).toBe(Math.max(0, result.unknown.length - 2));
  });
});

describe('a server that cannot be reached', () => {
  it('stops the batch after a few connection failures, logs them as failed and sends nothing', async () => {
    const closed = await TestSmtpServer.start();
    const port = closed.port;
    await closed.close();
    await configureMail(t, port);
    const ids = paidOrders(40);
    const result = await t.call('mail:send', { orderIds: ids, purpose: 'status' });
    expect(result.sent).toBe(0);
    expect(result.aborted).toMatch(/SMTP サーバー（127\.0\.0\.1:\d+）に接続できません/);
    // Only what was already handed to the pool when the third failure came back.
    expect(result.failed.length).toBeGreaterThanOrEqual(3);
    expect(result.failed.length).toBeLessThanOrEqual(WINDOW);
    expect(result.skipped.length).toBe(40 - result.failed.length);
    expect(result.skipped[0]!.reason).toMatch(/送信を中断しました/);
    expect(unsentCount(t)).toBe(40);
    expect(mailLogRows(t).every((r) => r.result === 'failed')).toBe(true);
  });
});

describe('start-up after a crash', () => {
  it('turns a pending intent into "unknown", keeps it from being resent, and shows the order as unsent', async () => {
    smtp = await TestSmtpServer.start();
    await configureMail(t, smtp.port);
    const [id] = paidOrders(1);
    // What a process killed between the intent and the result leaves behind.
    t.app.ctx.services.mail.log.step(
      [],
      [
        {
          orderId: id!,
          kind: 'payment_confirmed',
          mainStatus: 'paid',
          statusMail: true,
          recipient: 'buyer0@example.jp',
          subject: 's',
          body: 'b',
          messageId: '<x@example.jp>',
          retryOf: null,
          actor: 't',
        },
      ],
      '2026-11-27T00:59:00.000Z',
    );
    expect(unsentCount(t)).toBe(0);
    const dir = t.dir;
    t.app.close();
    t = createTestApp({ dir });
    expect(mailLogRows(t)).toEqual([
      expect.objectContaining({ result: 'unknown', error: expect.stringMatching(/アプリが終了した/) }),
    ]);
    expect(unsentCount(t)).toBe(1);
    const result = await t.call('mail:send', { orderIds: [id!], purpose: 'status' });
    expect(result.sent).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });
});
