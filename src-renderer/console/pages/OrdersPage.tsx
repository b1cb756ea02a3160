import { useState, type FormEvent } from 'react';
import type { ConsoleOrderRow } from '../../../src-shared/console/records.js';
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../../../src-shared/domain/channels.js';
import { formatYen } from '../../../src-shared/domain/money.js';
import { isMainStatus, MAIN_STATUSES, STATUS_LABELS, type MainStatus } from '../../../src-shared/domain/status.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { formatJst } from '../../src/format.js';
import { call } from '../api.js';
import { StoreSelect } from '../StoreSelect.js';
import { OrderDialog } from './OrderDialog.js';

const PAGE = 100;
const EMPTY = { text: '', status: '', storeId: '', channel: '', from: '', to: '' };

const channelLabel = (c: string) => ((CHANNELS as readonly string[]).includes(c) ? CHANNEL_LABELS[c as Channel] : c);

/** 受注一覧: every store's orders on the server, searchable, read-only; a row opens its history. */
export function OrdersPage() {
  const [form, setForm] = useState(EMPTY);
  const [rows, setRows] = useState<ConsoleOrderRow[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const search = (after?: ConsoleOrderRow) => {
    call('console:orders', {
      text: form.text,
      status: (form.status || undefined) as MainStatus | undefined,
      storeId: form.storeId || undefined,
      channel: (form.channel || undefined) as Channel | undefined,
      from: form.from || undefined,
      to: form.to || undefined,
      limit: PAGE,
      after: after ? { orderedAt: after.orderedAt, id: after.id } : undefined,
    }).then(
      (found) => {
        setRows(after ? [...(rows ?? []), ...found] : found);
        setMore(found.length === PAGE);
        setError('');
      },
      (e: Error) => setError(e.message),
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    search();
  };
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <>
      <form className="page-tools" onSubmit={submit} aria-label="注文検索">
        <label>
          注文番号・購入者（名前・カナ・メール・電話）
          <input value={form.text} onChange={set('text')} size={30} />
        </label>
        <label>
          ステータス
          <select value={form.status} onChange={set('status')}>
            <option value="">すべて</option>
            {MAIN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          出荷店舗
          <StoreSelect value={form.storeId} onChange={(storeId) => setForm({ ...form, storeId })}>
            <option value="">すべて</option>
            <option value="-">未指定</option>
          </StoreSelect>
        </label>
        <label>
          販売チャネル
          <select value={form.channel} onChange={set('channel')}>
            <option value="">すべて</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          注文日（から）
          <input type="date" value={form.from} onChange={set('from')} />
        </label>
        <label>
          注文日（まで）
          <input type="date" value={form.to} onChange={set('to')} />
        </label>
        <button type="submit">検索</button>
      </form>
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
