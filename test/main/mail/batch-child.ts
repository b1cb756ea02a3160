/**
 * Child process of mail-crash.test.ts: boots the app on a data folder and sends the mails of
 * every order in メール未送信, as a clerk's bulk send would. Prints "sending" before the
 * batch and the result as JSON after; the parent SIGKILLs it somewhere in between.
 */
import { createTestApp, TestClock } from '../../helpers/test-app.js';

const dir = process.argv[2]!;
const t = createTestApp({ dir, clock: new TestClock() });
const ids = await t.call('orders:ids', { tab: 'mail_unsent' });
console.log('sending');
const result = await t.call('mail:send', { orderIds: ids, purpose: 'status' });
console.log(
  JSON.stringify({
    sent: result.sent,
    unknown: result.unknown.length,
    failed: result.failed.length,
    skipped: result.skipped.length,
  }),
);
t.app.close();
