import { CHANNEL_LABELS } from '../../src-shared/domain/channels.js';
import type { ShipTo } from '../../src-shared/domain/order.js';
import { isMainStatus, STATUS_LABELS, type MainStatus } from '../../src-shared/domain/status.js';
import { transition } from '../../src-shared/domain/transitions.js';
import type { ApiChannel, ChannelOrder, ChannelState } from './connector.js';
import { shipToDigest } from './mapping.js';

/** Until the label is issued (出荷待ち), a new address is simply the address. */
const ADDRESS_FOLLOWS: readonly MainStatus[] = ['new', 'stock_confirmed', 'out_of_stock', 'paid'];

type ChangeVerdict =
  { kind: 'none' } | { kind: 'cancel' } | { kind: 'address' } | { kind: 'conflict'; message: string };

export interface StoredOrder {
  status: string;
  piiPurgedAt: string | null;
  /** What the channel said last time (null: the order was not linked to this account yet). */
  channelState: ChannelState | null;
  digest: string | null;
}

export function addressText(shipTo: ShipTo): string {
  return `〒${shipTo.postalCode} ${shipTo.prefecture}${shipTo.address1} ${shipTo.address2} ${shipTo.name} 様`.trim();
}

/**
 * What a channel-side change does to our order before we ship it. A cancellation cancels an
 * order the store has not touched (新規: no stock reserved, nothing printed); once the store
 * has moved on it is a conflict the store and head office see, and the clerk cancels it
 * through 注文取消 (which releases the stock). A new address follows until the label is
 * issued (出荷待ち); after that it is a conflict. Personal data already erased stays erased.
 */
export function judgeChange(channel: ApiChannel, stored: StoredOrder, incoming: ChannelOrder): ChangeVerdict {
  const label = CHANNEL_LABELS[channel];
  const status = isMainStatus(stored.status) ? stored.status : null;
  if (!status || status === 'cancelled') return { kind: 'none' };
  const was = stored.channelState;
  if (incoming.state === 'cancelled' && was !== 'cancelled') {
    if (status === 'new' && transition(status, 'cancel', { needsPaymentConfirmation: true }).ok)
      return { kind: 'cancel' };
    return {
      kind: 'conflict',
      message:
        status === 'shipped'
          ? `${label}で注文がキャンセルされましたが、この注文は既に出荷済です。${label}の管理画面で対応してください。`
          : `${label}で注文がキャンセルされました。この注文は「${STATUS_LABELS[status]}」まで進んでいるため自動では取り消していません。確認のうえ注文取消してください。`,
    };
  }
  if (incoming.state === 'shipped' && was === 'open' && status !== 'shipped')
    return {
      kind: 'conflict',
      message: `${label}ではこの注文が出荷済になっています（Chumon では「${STATUS_LABELS[status]}」）。二重に出荷しないよう確認してください。`,
    };
  const digest = shipToDigest(incoming.order.shipTo);
  const hasAddress = incoming.order.shipTo.address1 !== '' || incoming.order.shipTo.name !== '';
  if (stored.digest === null || digest === stored.digest || !hasAddress || stored.piiPurgedAt) return { kind: 'none' };
  if (ADDRESS_FOLLOWS.includes(status)) return { kind: 'address' };
  return {
    kind: 'conflict',
    message: `${label}で送り先が変更されました（変更後: ${addressText(incoming.order.shipTo)}）。この注文は「${STATUS_LABELS[status]}」のため自動では反映していません。送り状と届け先を確認してください。`,
  };
}
