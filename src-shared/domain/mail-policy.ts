import { CHANNEL_LABELS, CHANNELS, type Channel } from './channels.js';
import { MAIL_KIND_LABELS, MAIL_KINDS, type MailKind } from './mail.js';

/**
 * メール方針: which mails Chumon sends to each channel's buyers, per template kind. Only the
 * settings that differ from the default are stored. Amazon forbids sellers' own notification
 * mails (it sends its own with the shipment notice), so its default is none.
 */
export type MailPolicy = Partial<Record<Channel, Partial<Record<MailKind, boolean>>>>;

const SENDS_NONE_BY_DEFAULT: readonly Channel[] = ['amazon'];

export function channelSendsMail(policy: MailPolicy, channel: string, kind: MailKind): boolean {
  const known = (CHANNELS as readonly string[]).includes(channel) ? (channel as Channel) : null;
  if (!known) return true;
  return policy[known]?.[kind] ?? !SENDS_NONE_BY_DEFAULT.includes(known);
}

/** Why F7 leaves an order's mail out under the policy, in the clerk's words. */
export function policySkipReason(channel: string, kind: MailKind): string {
  const name = CHANNEL_LABELS[channel as Channel] ?? channel;
  const why =
    channel === 'amazon'
      ? 'Amazon は出品者独自の通知メールを禁止しており、出荷通知を受けて Amazon から購入者に連絡されます'
      : `${name}の注文には送らない設定です`;
  return `メール方針により${MAIL_KIND_LABELS[kind]}を送りません（${why}）。設定 → メール方針 で変更できます。`;
}

/** Every channel and kind with its effective setting, for the settings screen. */
export function fullMailPolicy(policy: MailPolicy): Record<Channel, Record<MailKind, boolean>> {
  return Object.fromEntries(
    CHANNELS.map((c) => [c, Object.fromEntries(MAIL_KINDS.map((k) => [k, channelSendsMail(policy, c, k)]))]),
  ) as Record<Channel, Record<MailKind, boolean>>;
}
