import { CONNECTOR_STATE_LABELS, type ChannelRunRow } from '../../../src-shared/console/channels.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { formatJst } from '../../src/format.js';

/** 実行履歴: the latest connector runs — what each fetched and created, and how it ended. */
export function ConnectorRunsTable({ runs }: { runs: readonly ChannelRunRow[] }) {
  return (
    <>
      <h2>実行履歴</h2>
      <RowsTable
        label="実行履歴"
        rows={runs}
        rowKey={(r) => r.id}
        columns={[
          { header: '開始', cell: (r) => formatJst(r.startedAt) },
          { header: 'アカウント', cell: (r) => r.accountName ?? '—' },
          { header: '実行', cell: (r) => (r.onDemand ? '手動' : '自動') },
          { header: '取得ページ', cell: (r) => r.pages, num: true },
          { header: '新規', cell: (r) => r.created, num: true },
          { header: '更新', cell: (r) => r.changed, num: true },
          { header: '食い違い', cell: (r) => r.conflicts, num: true },
          { header: '出荷通知', cell: (r) => `送信 ${r.noticesSent}・エラー ${r.noticesRefused}` },
          { header: '結果', cell: (r) => CONNECTOR_STATE_LABELS[r.state] + (r.message ? `：${r.message}` : '') },
        ]}
      />
    </>
  );
}
