import { useState } from 'react';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { formatJst } from '../../src/format.js';
import {
  NOTICE_STATE_LABELS,
  NOTICE_STATES,
  type NoticeState,
  type ShipmentNoticeRow,
} from '../../../src-shared/console/channels.js';
import { CARRIER_LABELS, isCarrier } from '../../../src-shared/domain/carriers.js';
import { CHANNEL_LABELS, type Channel } from '../../../src-shared/domain/channels.js';
import { call } from '../api.js';
import type { PageProps } from '../page-props.js';
import { useLoad } from '../use-load.js';

const carrierLabel = (carrier: string | null) => (carrier && isCarrier(carrier) ? CARRIER_LABELS[carrier] : '—');

/**
 * 出荷通知: the shipment notices queued for the channels, newest first; a refused one shows
 * the channel's own message and a 管理者 sends it again (with the order's current carrier and
 * tracking number) once the cause is fixed.
 */
export function NoticesPage({ canWrite }: PageProps) {
  const [state, setState] = useState<NoticeState | ''>('refused');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const notices = useLoad(() => call('console:notices', { state: state || undefined }), [state]);
  const retry = (n: ShipmentNoticeRow) => {
    setMessage('');
    setError('');
    call('console:retryNotice', { id: n.id }).then(
      () => {
        setMessage(`注文 ${n.orderNo} の出荷通知を再送します。`);
        notices.reload();
      },
      (e: Error) => setError(e.message),
    );
  };
  return (
    <>
      <div className="page-tools">
        <label>
          状態
          <select value={state} onChange={(e) => setState(e.target.value as NoticeState | '')}>
            <option value="">すべて</option>
            {NOTICE_STATES.map((s) => (
              <option key={s} value={s}>
                {NOTICE_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={notices.reload}>
          最新の情報に更新
        </button>
      </div>
      <FormError message={notices.error || error} />
      {message ? <p role="status">{message}</p> : null}
      {notices.value?.length === 0 ? <p>該当する出荷通知はありません。</p> : null}
      <RowsTable
        label="出荷通知"
        rows={notices.value ?? []}
        rowKey={(n) => n.id}
        columns={[
          { header: '出荷日時', cell: (n) => formatJst(n.shipDate) },
          { header: 'チャネル', cell: (n) => CHANNEL_LABELS[n.channel as Channel] ?? n.channel },
          { header: 'アカウント', cell: (n) => n.accountName ?? '—' },
          { header: '注文番号', cell: (n) => n.orderNo },
          { header: '配送会社', cell: (n) => carrierLabel(n.carrier) },
          { header: '送り状番号', cell: (n) => n.trackingNo ?? '—' },
          { header: '状態', cell: (n) => NOTICE_STATE_LABELS[n.state] + (n.unsure ? '（確認中）' : '') },
          { header: '送信回数', cell: (n) => n.attempts, num: true },
          { header: 'チャネルからのメッセージ', cell: (n) => n.channelMessage || '—' },
          {
            header: '再送',
            cell: (n) =>
              canWrite && n.state === 'refused' ? (
                <button type="button" onClick={() => retry(n)} aria-label={`注文 ${n.orderNo} を再送`}>
                  再送
                </button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
