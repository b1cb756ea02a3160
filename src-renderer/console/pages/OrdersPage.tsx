import { useState } from 'react';
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../../../src-shared/domain/channels.js';
import { formatYen } from '../../../src-shared/domain/money.js';
import { isMainStatus, STATUS_LABELS } from '../../../src-shared/domain/status.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { formatJst } from '../../src/format.js';
import { OrderDialog } from './OrderDialog.js';
import { OrderSearchForm } from './OrderSearchForm.js';
import { useOrderSearch } from './useOrderSearch.js';

const channelLabel = (c: string) => ((CHANNELS as readonly string[]).includes(c) ? CHANNEL_LABELS[c as Channel] : c);

/** 受注一覧: every store's orders on the server, searchable, read-only; a row opens its history. */
export function OrdersPage() {
  const { form, setForm, rows, more, error, search, submit, set } = useOrderSearch();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <OrderSearchForm form={form} onChange={setForm} onField={set} onSubmit={submit} />
      <FormError message={error} />
      {rows && rows.length === 0 ? <p>条件に合う注文はありません。</p> : null}
      {rows ? (
        <RowsTable
          label="受注一覧"
          rows={rows}
          rowKey={(o) => o.id}
          columns={[
            {
              header: '注文番号',
              cell: (o) => (
                <button type="button" className="row-button" onClick={() => setOpen(o.id)}>
                  {o.orderNo}
                </button>
              ),
            },
            { header: '注文日時', cell: (o) => formatJst(o.orderedAt) },
            { header: '販売チャネル', cell: (o) => channelLabel(o.channel) },
            { header: '購入者', cell: (o) => o.buyerName },
            { header: 'ステータス', cell: (o) => (isMainStatus(o.status) ? STATUS_LABELS[o.status] : o.status) },
            { header: '出荷店舗', cell: (o) => o.storeName ?? '未指定' },
            { header: '合計', num: true, cell: (o) => formatYen(o.total) },
            { header: '送り状番号', cell: (o) => o.trackingNo ?? '' },
          ]}
        />
      ) : null}
      {more && rows ? (
        <button type="button" onClick={() => search(rows[rows.length - 1])}>
          さらに表示
        </button>
      ) : null}
      {open !== null ? <OrderDialog id={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
