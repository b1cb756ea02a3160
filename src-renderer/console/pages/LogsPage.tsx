import { useState } from 'react';
import { Dialog } from '../../src/components/Dialog.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { formatJst } from '../../src/format.js';
import { call } from '../api.js';
import { useLoad } from '../use-load.js';

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A log file's text (its first megabyte) in the page. */
function LogFileDialog({ id, onClose }: { id: number; onClose(): void }) {
  const file = useLoad(() => call('console:logFile', { id }), [id]);
  return (
    <Dialog
      wide
      title={file.value ? `ログ ${file.value.name}` : 'ログ'}
      onClose={onClose}
      footer={
        <>
          <a href={`./files/logs/${id}`} download>
            ダウンロード
          </a>
          <button type="button" onClick={onClose}>
            閉じる
          </button>
        </>
      }
    >
      <FormError message={file.error} />
      {file.value?.truncated ? (
        <p className="muted">先頭の 1 MB だけを表示しています。全体はダウンロードしてください。</p>
      ) : null}
      <pre className="log-text" aria-label="ログの内容">
        {file.value?.text ?? ''}
      </pre>
    </Dialog>
  );
}

/** ログ: the logs store PCs uploaded, and the audit log of every console action. */
export function LogsPage() {
  const [clientId, setClientId] = useState(0);
  const pcs = useLoad(() => call('console:clients', {}), []);
  const uploads = useLoad(() => call('console:logUploads', clientId ? { clientId } : {}), [clientId]);
  const audit = useLoad(() => call('console:audit', { limit: 200 }), []);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <section className="console-section" aria-label="PC のログ">
        <h2>PC から送られたログ</h2>
        <label className="page-tools">
          店舗・PC
          <select aria-label="ログの PC" value={clientId} onChange={(e) => setClientId(Number(e.target.value))}>
            <option value={0}>すべて</option>
            {(pcs.value ?? [])
              .filter((c) => c.kind === 'pc')
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.storeName ?? '—'} / {c.name}
                </option>
              ))}
          </select>
        </label>
        <FormError message={uploads.error} />
        {uploads.value?.length === 0 ? <p>送られたログはまだありません（PC の 設定 →「ログを本部へ送信」）。</p> : null}
        <RowsTable
          label="送られたログ"
          rows={uploads.value ?? []}
          rowKey={(u) => u.id}
          columns={[
            { header: '受信日時', cell: (u) => formatJst(u.receivedAt) },
            { header: '店舗', cell: (u) => u.storeName ?? '—' },
            { header: 'PC', cell: (u) => u.clientName },
            { header: 'メモ', cell: (u) => u.note },
            {
              header: 'ファイル',
              cell: (u) =>
                u.files.map((f) => (
                  <button key={f.id} type="button" className="row-button" onClick={() => setOpen(f.id)}>
                    {f.name}（{size(f.bytes)}）
                  </button>
                )),
            },
          ]}
        />
      </section>
      <section className="console-section" aria-label="操作履歴">
        <h2>コンソールの操作履歴</h2>
        <FormError message={audit.error} />
        <RowsTable
          label="操作履歴"
          rows={audit.value ?? []}
          rowKey={(a) => a.id}
          columns={[
            { header: '日時', cell: (a) => formatJst(a.at) },
            { header: 'ID', cell: (a) => a.login },
            { header: '操作', cell: (a) => a.action },
            { header: '内容', cell: (a) => JSON.stringify((a.detail as { input?: unknown }).input ?? {}) },
            { header: '接続元', cell: (a) => a.address },
          ]}
        />
      </section>
      {open !== null ? <LogFileDialog id={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
