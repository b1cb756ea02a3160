import type { MailSkip } from '../../src-shared/api/mail.js';
import { MAIL_KIND_LABELS, isStatusMailKind, type MailKind, type ReminderKind } from '../../src-shared/domain/mail.js';
import { STATUS_LABELS, isMainStatus } from '../../src-shared/domain/status.js';
import type { MailLog, StoredEntry } from './mail-log.js';
import type { MailOrder } from './mail-order.js';
import { blockedReason, stillOwes, type MailJob } from './rules.js';
import { ORDER_GONE } from '../../src-shared/api/errors.js';

/**
 * Whether a failed or unknown attempt may be sent again, and as what. The same rules as a
 * first send apply to the order as it stands now: a status mail only while the order is
 * still in that status and no other attempt holds it; a reminder only while still owed.
 */
export function planRetry(entry: StoredEntry, order: MailOrder | undefined, log: MailLog): MailJob | MailSkip {
  const kind = entry.kind as MailKind;
  const label = MAIL_KIND_LABELS[kind];
  const skip = (reason: string): MailSkip => ({ orderId: entry.orderId, orderNo: entry.orderNo, reason });
  if (entry.result !== 'failed' && entry.result !== 'unknown') {
    return skip('再送できるのは「送信失敗」と「結果不明」のメールだけです。');
  }
  if (!order) return skip(ORDER_GONE);
  const blocked = blockedReason(order);
  if (blocked) return skip(blocked);
  const statusMail = isStatusMailKind(kind);
  if (statusMail) {
    if (order.status !== entry.mainStatus) {
      const now = STATUS_LABELS[order.status];
      const then = isMainStatus(entry.mainStatus) ? STATUS_LABELS[entry.mainStatus] : entry.mainStatus;
      return skip(`注文のステータスが「${then}」から「${now}」に変わったため、この${label}は再送しません。`);
    }
    const claim = log.statusClaim(order.id, order.status, kind);
    if (claim && claim.id !== entry.id) return skip(`この注文の${label}はすでに送信済みか送信中です。`);
  } else {
    if (!stillOwes(order, kind as ReminderKind))
      return skip(`この注文は${label}の対象ではなくなりました（入金済・入力済など）。`);
    const last = log.lastReminderAt(order.id, kind);
    if (last && last > entry.createdAt) return skip(`その後の${label}が送信済みです。`);
  }
  return {
    order,
    kind,
    mainStatus: entry.mainStatus,
    statusMail,
    retry: { logId: entry.id, messageId: entry.messageId, unknown: entry.result === 'unknown' },
  };
}
