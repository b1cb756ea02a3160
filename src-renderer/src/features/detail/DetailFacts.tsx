import type { Masters } from '../../../../src-shared/api/app.js';
import type { EditableOrderDetail } from '../../../../src-shared/api/detail.js';
import type { Order } from '../../../../src-shared/domain/order.js';
import { CARRIER_LABELS, isCarrier } from '../../../../src-shared/domain/carriers.js';
import { CHANNEL_LABELS } from '../../../../src-shared/domain/channels.js';
import { shipNoticeLabel } from '../../../../src-shared/domain/ship-notice.js';
import { sourceLabel } from '../../../../src-shared/domain/order-links.js';
import { STATUS_LABELS } from '../../../../src-shared/domain/status.js';
import { PII_PURGED_TEXT as PURGED } from '../../../../src-shared/domain/privacy.js';
import { formatJst } from '../../format.js';
import { markUnsafeChars } from '../../../../src-shared/text/unsafe-chars.js';

const joined = (parts: string[]) => parts.filter(Boolean).join(' ');

function buyerText(buyer: Order['buyer']): string {
  return joined([buyer.kana ? `${buyer.name}（${buyer.kana}）` : buyer.name, buyer.email, buyer.phone]);
}

function shipToText(to: Order['shipTo']): string {
  return joined([
    to.postalCode ? `〒${to.postalCode}` : '',
    `${to.prefecture}${to.address1}`,
    to.address2,
    to.name ? `${to.name} 様` : '',
    to.phone,
  ]);
}

/** The read-only facts at the top of 注文詳細: who ordered, where it goes, how it is paid. */
export function DetailFacts({ detail, masters }: { detail: EditableOrderDetail; masters: Masters }) {
  const { order, bundle } = detail;
  const payment = masters.paymentMethods.find((p) => p.code === order.paymentMethod)?.name ?? order.paymentMethod;
  const store = order.storeId ? (masters.stores.find((s) => s.id === order.storeId)?.name ?? order.storeId) : '未指定';
  return (
    <dl className="facts">
      <dt>チャネル</dt>
      <dd>{CHANNEL_LABELS[order.channel]}</dd>
      <dt>注文日時</dt>
      <dd>{formatJst(order.orderedAt)}</dd>
      <dt>メインステータス</dt>
      <dd data-testid="detail-status">
        {STATUS_LABELS[order.status]}
        {detail.cancelReason ? `（取消理由: ${detail.cancelReason}）` : ''}
      </dd>
      <dt>購入者</dt>
      <dd>{order.piiPurgedAt ? PURGED : markUnsafeChars(buyerText(order.buyer))}</dd>
      <dt>送り先</dt>
      <dd>{order.piiPurgedAt ? PURGED : markUnsafeChars(shipToText(order.shipTo))}</dd>
      <dt>決済方法</dt>
      <dd>{payment}</dd>
      <dt>メール問合せ</dt>
      <dd>{order.mailInquiry ? 'あり' : 'なし'}</dd>
      <dt>オーダーフォーム</dt>
      <dd>{order.orderFormDone ? '入力済' : '未入力'}</dd>
      {order.channel === 'yahoo_auction' ? (
        <>
          <dt>落札者評価</dt>
          <dd>{order.buyerRating ? 'する' : 'しない'}</dd>
        </>
      ) : null}
      <dt>出荷店舗</dt>
      <dd>{store}</dd>
      <dt>送り状番号</dt>
      <dd>
        {order.trackingNo
          ? `${order.carrier && isCarrier(order.carrier) ? CARRIER_LABELS[order.carrier] : ''} ${order.trackingNo}`
          : '未登録'}
      </dd>
      <dt>出荷通知</dt>
      <dd data-testid="detail-ship-notice">
        {order.shipNotice ? shipNoticeLabel(order.shipNotice) : 'なし'}
        {order.channelNote ? <span className="channel-note">{order.channelNote}</span> : null}
      </dd>
      {order.splitFrom ? (
        <>
          <dt>{sourceLabel(order)}</dt>
          <dd data-testid="detail-split-from">
            {order.splitFrom}（チャネル注文番号 {order.channelOrderNo ?? order.splitFrom}）
          </dd>
        </>
      ) : null}
      <dt>同梱</dt>
      <dd data-testid="detail-bundle">
        {bundle ? `同梱 ${bundle.members.length}件: ${bundle.members.map((m) => m.orderNo).join('、')}` : 'なし'}
      </dd>
      <dt>在庫</dt>
      <dd>
        {detail.reservations.length > 0
          ? `引当済: ${detail.reservations.map((r) => `${r.sku} × ${r.quantity}`).join('、')}`
          : detail.shortages.some((s) => !s.resolvedAt)
            ? `欠品: ${detail.shortages
                .filter((s) => !s.resolvedAt)
                .map((s) => `${s.sku}（必要 ${s.needed} / 在庫 ${s.available}）`)
                .join('、')}`
            : '引当なし'}
      </dd>
    </dl>
  );
}
