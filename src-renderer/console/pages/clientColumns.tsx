import type { ConsoleClient } from '../../../src-shared/console/fleet.js';
import type { RowsColumn } from '../../src/components/RowsTable.js';
import { formatJst } from '../../src/format.js';

const MB = 1024 * 1024;
const when = (iso: string | null) => (iso ? formatJst(iso) : '—');

function stateText(c: ConsoleClient): { text: string; ok: boolean } {
  if (c.revokedAt) return { text: `無効（${formatJst(c.revokedAt)}）`, ok: false };
  if (c.online) return { text: 'オンライン', ok: true };
  return { text: c.offlineSince ? `オフライン（${formatJst(c.offlineSince)}から）` : '未接続', ok: false };
}

function lagText(c: ConsoleClient): string {
  if (c.lagChanges === null) return '—';
  return c.lagChanges === 0 ? '最新' : `未取得 ${c.lagChanges.toLocaleString('ja-JP')}件`;
}

/** The 端末 table's columns: state, versions, sync and each PC's report; 管理者 also gets 無効化. */
export function clientColumns(canWrite: boolean, revoke: (c: ConsoleClient) => void): RowsColumn<ConsoleClient>[] {
  return [
    { header: '端末名', cell: (c) => c.name },
    { header: '種類', cell: (c) => (c.kind === 'pc' ? '店舗PC' : '受注連携') },
    { header: '店舗', cell: (c) => c.storeName ?? '—' },
    {
      header: '状態',
      cell: (c) => {
        const s = stateText(c);
        return <span className={s.ok ? 'state-ok' : 'state-bad'}>{s.text}</span>;
      },
    },
    { header: '最終接続', cell: (c) => when(c.lastSeenAt) },
    {
      header: 'バージョン',
      cell: (c) => (
        <>
          {c.appVersion ?? '—'}
          {c.tooOld ? <span className="state-bad">（要更新）</span> : null}
        </>
      ),
    },
    {
      header: '未送信',
      num: true,
      cell: (c) => (c.report ? `${c.report.pendingOps.toLocaleString('ja-JP')}件` : '—'),
    },
    { header: '同期の遅れ', cell: lagText },
    { header: '最終同期', cell: (c) => when(c.report?.lastSyncAt ?? null) },
    { header: 'OS', cell: (c) => c.report?.os ?? '—' },
    {
      header: 'データベース',
      num: true,
      cell: (c) => (c.report ? `${(c.report.dbBytes / MB).toFixed(1)} MB` : '—'),
    },
    {
      header: '注文数',
      num: true,
      cell: (c) => (c.report ? `${c.report.orders.toLocaleString('ja-JP')}件` : '—'),
    },
    { header: '最終バックアップ', cell: (c) => when(c.report?.lastBackupAt ?? null) },
    { header: 'プリンタ', cell: (c) => (c.report ? c.report.printer || '既定のプリンタ' : '—') },
    ...(canWrite
      ? [
          {
            header: '',
            cell: (c: ConsoleClient) =>
              c.revokedAt ? null : (
                <button type="button" className="row-button" onClick={() => revoke(c)}>
                  無効化
                </button>
              ),
          },
        ]
      : []),
  ];
}
