import { formatYen } from '../../../src-shared/domain/money.js';
import { isMainStatus, STATUS_LABELS } from '../../../src-shared/domain/status.js';
import { Dialog } from '../../src/components/Dialog.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { DetailHistory } from '../../src/features/detail/DetailHistory.js';
import { formatJst } from '../../src/format.js';
import { call } from '../api.js';
import { useLoad } from '../use-load.js';

/** One order as the server holds it, with its items and its whole history (read-only). */
export function OrderDialog({ id, onClose }: { id: number; onClose(): void }) {
  const order = useLoad(() => Promise.all([call('console:order', { id }), call('console:masters', {})]), [id]);
  const [detail, masters] = order.value ?? [null, null];
  return (
    <Dialog
      wide
      title={detail ? `注文 ${detail.orderNo}` : '注文'}
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose}>
          閉じる
        </button>
      }
    >
      <FormError message={order.error} />
      {detail && masters ? (
        <>
          <dl className="facts">
            <dt>ステータス</dt>
            <dd>{isMainStatus(detail.status) ? STATUS_LABELS[detail.status] : detail.status}</dd>
            <dt>注文日時</dt>
            <dd>{formatJst(detail.orderedAt)}</dd>
            <dt>購入者</dt>
            <dd>
              {detail.buyerName}（{detail.buyerKana}）
            </dd>
            <dt>お届け先</dt>
            <dd>
              {detail.shipName}　{detail.shipPrefecture}
            </dd>
            <dt>出荷店舗</dt>
            <dd>{detail.storeName ?? '未指定'}</dd>
            <dt>決済方法</dt>
            <dd>{masters.paymentMethods.find((p) => p.code === detail.paymentMethod)?.name ?? detail.paymentMethod}</dd>
            <dt>合計</dt>
            <dd>{formatYen(detail.total)}</dd>
          </dl>
          <RowsTable
            label="商品"
            rows={detail.items}
            rowKey={(i) => i.lineNo}
            columns={[
              { header: '商品コード', cell: (i) => i.sku },
              { header: '商品名', cell: (i) => i.title },
              { header: '数量', num: true, cell: (i) => i.quantity },
              { header: '単価', num: true, cell: (i) => formatYen(i.unitPrice) },
            ]}
          />
          <DetailHistory
            history={detail.history.map((h, n) => ({
              ...h,
              id: n,
              pcId: h.pcId === 'server' ? '中央サーバー' : h.pcId,
            }))}
            masters={masters}
          />
        </>
      ) : null}
    </Dialog>
  );
}
