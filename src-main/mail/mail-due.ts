import type BetterSqlite3 from 'better-sqlite3';
import { CHANNELS } from '../../src-shared/domain/channels.js';
import { STATUS_MAIL_KIND } from '../../src-shared/domain/mail.js';
import { channelSendsMail, type MailPolicy } from '../../src-shared/domain/mail-policy.js';
import { MAIL_STATUSES } from '../../src-shared/domain/status.js';

/** A (channel, main status) pair whose status mail the policy switches off. */
interface OffPair {
  channel: string;
  status: string;
}

const key = (p: OffPair) => `${p.channel}\u0000${p.status}`;

/** The pairs the メール方針 switches off: for each channel, the statuses whose mail kind it does not send. */
function policyOffPairs(policy: MailPolicy): OffPair[] {
  return CHANNELS.flatMap((channel) =>
    MAIL_STATUSES.filter((status) => !channelSendsMail(policy, channel, STATUS_MAIL_KIND[status])).map((status) => ({
      channel,
      status,
    })),
  );
}

/**
 * Puts this PC's メール方針 into the database: mail_policy_off gets the switched-off pairs, and
 * the orders of each pair that changed get mail_due again (in the same transaction), so
 * メール未送信 and its count list only the orders whose mail is due under the policy. The
 * triggers keep mail_due for every later write. Returns how many orders moved in or out of
 * the tab; nothing is written when the table already matches the policy.
 */
export function applyMailPolicy(sqlite: BetterSqlite3.Database, policy: MailPolicy): number {
  const wanted = new Map(policyOffPairs(policy).map((p) => [key(p), p]));
  const stored = new Map(
    (sqlite.prepare('SELECT channel, status FROM mail_policy_off').all() as OffPair[]).map((p) => [key(p), p]),
  );
  const turnedOff = [...wanted].filter(([k]) => !stored.has(k)).map(([, p]) => p);
  const turnedOn = [...stored].filter(([k]) => !wanted.has(k)).map(([, p]) => p);
  if (turnedOff.length === 0 && turnedOn.length === 0) return 0;
  const insert = sqlite.prepare('INSERT INTO mail_policy_off (channel, status) VALUES (?, ?)');
  const remove = sqlite.prepare('DELETE FROM mail_policy_off WHERE channel = ? AND status = ?');
  // Only mail_pending orders of the pair can move; the count trigger follows mail_due.
  const setDue = sqlite.prepare(
    'UPDATE orders SET mail_due = ? WHERE channel = ? AND status = ? AND mail_pending = 1 AND mail_due <> ?',
  );
  return sqlite.transaction(() => {
    let moved = 0;
    for (const p of turnedOff) {
      insert.run(p.channel, p.status);
      moved += setDue.run(0, p.channel, p.status, 0).changes;
    }
    for (const p of turnedOn) {
      remove.run(p.channel, p.status);
      moved += setDue.run(1, p.channel, p.status, 1).changes;
    }
    return moved;
  })();
}
