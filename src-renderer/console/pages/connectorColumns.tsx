import {
  CONNECTOR_STATE_LABELS,
  CREDENTIAL_FIELDS,
  type ConnectorAccount,
} from '../../../src-shared/console/channels.js';
import type { RowsColumn } from '../../src/components/RowsTable.js';
import { formatJst } from '../../src/format.js';

const when = (at: string | null) => (at ? formatJst(at) : '—');

function stateText(a: ConnectorAccount): string {
  return a.enabled ? CONNECTOR_STATE_LABELS[a.state] : '無効';
}

function registered(a: ConnectorAccount): string {
  const names = CREDENTIAL_FIELDS[a.channel].filter((f) => a.credentialsRegistered.includes(f.key)).map((f) => f.label);
  return names.length ? `登録済（${names.join('・')}）` : '未登録';
}

/** The チャネル連携 table's columns; a 管理者 also gets 今すぐ実行 and 編集 on each row. */
export function connectorColumns(
  canWrite: boolean,
  run: (a: ConnectorAccount) => void,
  edit: (a: ConnectorAccount) => void,
): RowsColumn<ConnectorAccount>[] {
  return [
    { header: '名前', cell: (a) => a.name },
    { header: 'チャネル', cell: (a) => a.channelLabel },
    { header: '出荷店舗', cell: (a) => a.storeId ?? '未指定' },
    { header: '取得間隔', cell: (a) => `${a.intervalMinutes}分` },
    { header: '状態', cell: stateText },
    { header: 'メッセージ', cell: (a) => a.message || '—' },
    { header: '最終実行', cell: (a) => when(a.lastRunAt) },
    { header: '次回実行', cell: (a) => when(a.nextRunAt) },
    {
      header: '出荷通知',
      cell: (a) => `未送信 ${a.notices.pending}・送信済 ${a.notices.sent}・エラー ${a.notices.refused}`,
    },
    { header: '認証情報', cell: registered },
    {
      header: '操作',
      cell: (a) =>
        canWrite ? (
          <>
            <button type="button" onClick={() => run(a)} aria-label={`${a.name} を今すぐ実行`}>
              今すぐ実行
            </button>
            <button type="button" onClick={() => edit(a)} aria-label={`${a.name} を編集`}>
              編集
            </button>
          </>
        ) : null,
    },
  ];
}
