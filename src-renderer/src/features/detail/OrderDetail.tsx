import { useEffect, useState } from 'react';
import type { OrderDetail as Detail } from '../../../../src-shared/api/orders.js';
import { CARRIER_LABELS, isCarrier } from '../../../../src-shared/domain/carriers.js';
import { CHANNEL_LABELS } from '../../../../src-shared/domain/channels.js';
import { formatYen } from '../../../../src-shared/domain/money.js';
import { STATUS_LABELS, isMainStatus } from '../../../../src-shared/domain/status.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { formatJst } from '../../format.js';
import { useScreen } from '../../screen/screen-context.js';

function statusText(value: string | null): string {
  return value && isMainStatus(value) ? STATUS_LABELS[value] : (value ?? '');
}

/** F12 注文詳細 (S16): the order under the cursor with its items, money and history. */
export function OrderDetail({ orderId }: { orderId: number }) {
  const screen = useScreen();
  const { masters, closeDialog: onClose } = screen;
  const [detail, setDetail] = useState<Detail | null>(null);
  useEffect(() => {
    invoke('orders:get', { id: orderId }).then(setDetail, (e: Error) => {
      screen.notify('error', e.message);
      screen.closeDialog();
    });
    // Load once per order; the screen object changes on every render.
  }, [orderId]);
  if (!detail) return null;
  const { order, history } = detail;
  const payment = masters.paymentMethods.find((p) => p.code === order.paymentMethod)?.name ?? order.paymentMethod;
  return (
    <Dialog title={`注文詳細 ${order.orderNo}`} onClose={onClose} wide>
      <dl className="facts">
        <dt>チャネル</dt>
        <dd>{CHANNEL_LABELS[order.channel]}</dd>
        <dt>注文日時</dt>
        <dd>{formatJst(order.orderedAt)}</dd>
        <dt>メインステータス</dt>
        <dd data-testid="detail-status">{STATUS_LABELS[order.status]}</dd>
        <dt>購入者</dt>
        <dd>
          {order.buyer.name}（{order.buyer.kana}） {order.buyer.email} {order.buyer.phone}
        </dd>
        <dt>送り先</dt>
        <dd>
          〒{order.shipTo.postalCode} {order.shipTo.prefecture}
          {order.shipTo.address1} {order.shipTo.address2} {order.shipTo.name} 様 {order.shipTo.phone}
        </dd>
        <dt>決済方法</dt>
        <dd>{payment}</dd>
        <dt>送り状番号</dt>
        <dd>
          {order.trackingNo ? `${order.carrier && isCarrier(order.carrier) ? CARRIER_LABELS[order.carrier] : ''} ${order.trackingNo}` : '未登録'}
        </dd>
        <dt>注文時コメント</dt>
        <dd>{order.orderComment || 'なし'}</dd>
        <dt>受注後コメント</dt>
        <dd>{order.staffComment || 'なし'}</dd>
      </dl>
      <table className="items" aria-label="注文商品">
        <thead>
          <tr>
            <th>SKU</th>
            <th>商品名</th>
            <th>数量</th>
            <th>単価</th>
            <th>棚番</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.lineNo}>
              <td>{item.sku}</td>
              <td>{item.title}</td>
              <td className="num">{item.quantity}</td>
              <td className="num">{formatYen(item.unitPrice)}</td>
              <td>{item.location}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="facts money">
        <dt>小計</dt>
        <dd>{formatYen(order.subtotal)}</dd>
        <dt>値引</dt>
        <dd>{formatYen(order.discount)}</dd>
        <dt>送料</dt>
        <dd>{formatYen(order.shippingFee)}</dd>
        <dt>代引手数料</dt>
        <dd>{formatYen(order.codFee)}</dd>
        <dt>合計</dt>
        <dd data-testid="detail-total">{formatYen(order.total)}</dd>
      </dl>
      <h3>履歴</h3>
      <table className="history" aria-label="履歴">
        <thead>
          <tr>
            <th>日時</th>
            <th>担当者</th>
            <th>店舗/PC</th>
            <th>変更前</th>
            <th>変更後</th>
            <th>理由</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.id}>
              <td>{formatJst(h.at)}</td>
              <td>{h.actor}</td>
              <td>
                {h.storeId ?? '本部'} / {h.pcId}
              </td>
              <td>{statusText(h.from)}</td>
              <td>{statusText(h.to)}</td>
              <td>{h.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
