import { useState } from 'react';
import {
  TRACKING_STATUS_LABELS as LABELS,
  type TrackingPreview,
  type TrackingRow,
  type TrackingRowStatus,
} from '../../../../src-shared/api/carriers.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { RowsTable, type RowsColumn } from '../../components/RowsTable.js';
import { useScreen } from '../../screen/screen-context.js';
import { readUpload } from '../files/transfer.js';
import { useTask } from '../files/use-task.js';
import { FormError } from '../../components/FormError.js';

const ORDER: TrackingRowStatus[] = ['register', 'already', 'unmatched', 'duplicate', 'conflict', 'refused'];

const ROW_COLUMNS: RowsColumn<TrackingRow>[] = [
  { header: '行', cell: (r) => r.line, num: true },
  { header: 'お客様管理番号', cell: (r) => r.managementNo },
  { header: '送り状番号', cell: (r) => r.trackingNo },
  { header: '結果', cell: (r) => LABELS[r.status] },
  { header: '内容', cell: (r) => r.message },
];

/**
 * 送り状発行済データ取込: the carrier software's issued data (B2クラウド 発行済データ,
 * e飛伝Ⅱ 出荷データ) → tracking numbers registered, orders to 出荷待ち.
 */
export function TrackingImportDialog() {
  const screen = useScreen();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TrackingPreview | null>(null);
  const { busy, error, setError, run } = useTask();
  const read = (chosen: File | null = file) =>
    run(async () => {
      if (!chosen) throw new Error('取り込むファイルを選んでください。');
      setPreview(null);
      setPreview(await invoke('carriers:importPreview', { file: await readUpload(chosen) }));
    });
  const commit = (previewId: string) =>
    run(async () => {
      const result = await invoke('carriers:importCommit', { previewId });
      screen.closeDialog();
      screen.notify(
        result.refused.length ? 'error' : 'info',
        `送り状番号を ${result.registered.toLocaleString('ja-JP')}件登録しました（出荷待ち）。${result.refused.map((r) => `${r.managementNo}: ${r.reason}`).join(' ')}`,
      );
    });
  const footer = preview ? (
    <button
      type="button"
      // The next step once the file is read: Enter registers.
      autoFocus
      aria-disabled={busy || preview.counts.register === 0}
      onClick={() => !busy && preview.counts.register > 0 && void commit(preview.previewId)}
    >
      登録
    </button>
  ) : null;
  return (
    <Dialog title="送り状発行済データ取込" onClose={screen.closeDialog} wide footer={footer}>
      <div className="form">
        <label>
          発行済データのファイル
          <input
            type="file"
            accept=".csv,.txt,text/csv"
            autoFocus
            onChange={(e) => {
              // A chosen file is read at once (読込 reads it again after a change on disk).
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              setError('');
              if (chosen) void read(chosen);
            }}
          />
        </label>
        <p className="form-hint">
          B2クラウドの発行済データ、または
          e飛伝Ⅱの出荷データ（CSV）。お客様管理番号で注文を探し、送り状番号を登録して「出荷待ち」にします。
        </p>
        <div className="form-actions">
          <button type="button" aria-disabled={busy} onClick={() => !busy && void read()}>
            読込
          </button>
        </div>
        {preview ? (
          <>
            <p className="result-summary" role="status" aria-label="登録の内容">
              {preview.format}: {ORDER.map((s) => `${LABELS[s]} ${preview.counts[s]}件`).join('・')}
            </p>
            <RowsTable
              label="発行済データの行"
              columns={ROW_COLUMNS}
              rows={preview.rows}
              rowKey={(r) => r.line}
              rowClass={(r) => `tracking-${r.status}`}
            />
          </>
        ) : null}
        <FormError message={error} />
      </div>
    </Dialog>
  );
}
