import { channelSendsMail, policySkipReason, type MailPolicy } from '../../src-shared/domain/mail-policy.js';
import {
  MAIL_KIND_LABELS,
  REMINDER_KINDS,
  STATUS_MAIL_KIND,
  UNPAID_STATUSES,
  type MailKind,
  type ReminderKind,
} from '../../src-shared/domain/mail.js';
import type { MailSkip } from '../../src-shared/api/mail.js';
import { STATUS_LABELS, hasStatusMail } from '../../src-shared/domain/status.js';
import type { ReminderCutoffs } from '../orders/reminders.js';
import { formatJstDate, type MailOrder } from './mail-order.js';
import type { MailLog } from './mail-log.js';
import { DAY_MS } from '../../src-shared/text/jst.js';

/** One mail to send: which order, which kind, and for which main status. */
export interface MailJob {
  order: MailOrder;
  kind: MailKind;
  mainStatus: string;
  statusMail: boolean;
  /** Set for a retry: the attempt it repeats and the Message-ID it keeps. */
  retry?: { logId: number; messageId: string | null; unknown: boolean };
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

const PII_PURGED_REASON =
  '購入者の個人情報が削除済みのため、メールを送信できません（Amazon の注文は出荷日から30日後に氏名・住所・メールアドレスを削除します）。';

/** Why an order cannot get any mail at all, or null. */
export function blockedReason(order: Pick<MailOrder, 'piiPurgedAt' | 'email'>): string | null {
  if (order.piiPurgedAt) return PII_PURGED_REASON;
  if (!order.email) return 'メールアドレスが登録されていません。注文詳細で購入者のメールアドレスを確認してください。';
  if (!EMAIL.test(order.email))
    return `メールアドレス「${order.email.slice(0, 80)}」の形式が正しくありません。注文詳細で確認してください。`;
  return null;
}

function skip(order: MailOrder, reason: string): MailSkip {
  return { orderId: order.id, orderNo: order.orderNo, reason };
}

/**
 * The status mail an order should get now (S5, S12), or why not. A status mail goes once per
 * order and main status: the live claim in the log (sent, marked, in flight, or unknown)
 * says it has been dealt with.
 */
export function planStatusMail(order: MailOrder, log: MailLog, policy: MailPolicy): MailJob | MailSkip {
  const blocked = blockedReason(order);
  if (blocked) return skip(order, blocked);
  if (!hasStatusMail(order.status)) {
    return skip(
      order,
      `「${STATUS_LABELS[order.status]}」の注文に送るメールはありません（F7 で送れるのは在庫確認済・入金済・出荷済の注文です）。`,
    );
  }
  const kind = STATUS_MAIL_KIND[order.status];
  if (!channelSendsMail(policy, order.channel, kind)) return skip(order, policySkipReason(order.channel, kind));
  const claim = log.statusClaim(order.id, order.status, kind);
  if (claim?.result === 'unknown') {
    return skip(
      order,
      `前回の${MAIL_KIND_LABELS[kind]}は届いたかどうか分かりません。F8 送信ログ照会で確認して、再送するか送信済にしてください。`,
    );
  }
  if (claim?.result === 'pending') return skip(order, `${MAIL_KIND_LABELS[kind]}を送信中です。`);
  if (claim) {
    const how = claim.result === 'marked' ? '処理済に変更' : '送信';
    return skip(
      order,
      `${MAIL_KIND_LABELS[kind]}は${formatJstDate(claim.createdAt)}に${how}済みです。同じメールは二度送りません。`,
    );
  }
  if (!order.mailPending) return skip(order, `${MAIL_KIND_LABELS[kind]}は送信済として記録されています。`);
  return { order, kind, mainStatus: order.status, statusMail: true };
}

/** Whether the order is still a reminder target of that kind (S6), ignoring the period. */
export function stillOwes(order: MailOrder, kind: ReminderKind): boolean {
  if (kind === 'unpaid_reminder') return order.needsPayment && UNPAID_STATUSES.includes(order.status);
  return !order.orderFormDone && order.status !== 'shipped' && order.status !== 'cancelled';
}

/**
 * The reminders an order should get now (S6): each kind whose period (counted from the
 * order date) has passed, unless the same reminder went out within the current period.
 */
export function planReminders(
  order: MailOrder,
  log: MailLog,
  cutoffs: ReminderCutoffs,
  days: { unpaid: number; orderForm: number },
  policy: MailPolicy,
): (MailJob | MailSkip)[] {
  const blocked = blockedReason(order);
  if (blocked) return [skip(order, blocked)];
  const out: (MailJob | MailSkip)[] = [];
  for (const kind of REMINDER_KINDS) {
    const cutoff = kind === 'unpaid_reminder' ? cutoffs.unpaidBefore : cutoffs.orderFormBefore;
    if (!stillOwes(order, kind) || order.orderedAt >= cutoff) continue;
    if (!channelSendsMail(policy, order.channel, kind)) {
      out.push(skip(order, policySkipReason(order.channel, kind)));
      continue;
    }
    const last = log.lastReminderAt(order.id, kind);
    if (last && last >= cutoff) {
      const period = kind === 'unpaid_reminder' ? days.unpaid : days.orderForm;
      const next = formatJstDate(new Date(new Date(last).getTime() + period * DAY_MS).toISOString());
      out.push(
        skip(order, `${MAIL_KIND_LABELS[kind]}は${formatJstDate(last)}に送信済みです。次は${next}以降に送れます。`),
      );
      continue;
    }
    out.push({ order, kind, mainStatus: order.status, statusMail: false });
  }
  if (out.length === 0) {
    out.push(skip(order, '催促対象ではありません（入金済・オーダーフォーム入力済、または催促期限前の注文です）。'));
  }
  return out;
}

export function isJob(plan: MailJob | MailSkip): plan is MailJob {
  return 'kind' in plan;
}
