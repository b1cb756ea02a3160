import { useCallback, useEffect, useState } from 'react';
import type { FileSettings } from '../../../../src-shared/api/files.js';
import {
  PRINT_KIND_LABELS,
  type PrintJobInfo,
  type PrintKind,
  type PrintMarksSummary,
  type PrintResult,
} from '../../../../src-shared/api/printing.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { formatJst } from '../../format.js';
import { saveDownload } from '../files/transfer.js';
import { useTask } from '../files/use-task.js';
import { FormError } from '../../components/FormError.js';

interface Props {
  orderIds: number[];
}

/**
 * E8 ピッキングリスト発行: the picking list or the delivery notes (納品書) of the checked
 * orders, straight to the printer chosen in settings, or saved as a PDF without one.
 * Either way the PDF is kept in the documents folder; earlier prints can be printed again.
 */
export function PrintDialog({ orderIds }: Props) {
  const screen = useScreen();
  const [kind, setKind] = useState<PrintKind>('picking');
  const [settings, setSettings] = useState<FileSettings | null>(null);
  const [marks, setMarks] = useState<PrintMarksSummary | null>(null);
  const [jobs, setJobs] = useState<PrintJobInfo[]>([]);
  const [done, setDone] = useState<PrintResult | null>(null);
  const { busy, error, setError, run: task } = useTask();

  const reload = useCallback(() => {
    invoke('printing:marks', { orderIds }).then(setMarks, (e: Error) => setError(e.message));
    invoke('printing:jobs', { limit: 8 }).then(setJobs, (e: Error) => setError(e.message));
  }, [orderIds]);
  useEffect(() => {
    invoke('printing:settings', {}).then(setSettings, (e: Error) => setError(e.message));
    reload();
  }, [reload]);

  const run = (action: () => Promise<PrintResult>) =>
    task(async () => {
      setDone(null);
      const result = await action();
      if (!result.printer) saveDownload(await invoke('printing:download', { jobId: result.jobId }));
      setDone(result);
      reload();
    });

  const already = marks?.printed[kind] ?? 0;
  const last = marks?.lastPrintedAt[kind];
  return (
    <Dialog title="ピッキングリスト発行" onClose={screen.closeDialog} wide>
      <div className="form">
        <fieldset className="form-group print-kind">
          <legend>発行するもの</legend>
          {(['picking', 'delivery_note'] as const).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="print-kind" checked={kind === k} onChange={() => setKind(k)} />
              {PRINT_KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        <p>
          チェックした注文 {orderIds.length.toLocaleString('ja-JP')}件
          {already > 0 && last
            ? `（うち ${already.toLocaleString('ja-JP')}件は${PRINT_KIND_LABELS[kind]}を印刷済み・最終 ${formatJst(last)}）`
            : ''}
        </p>
        <p className="form-hint">
          プリンタ: {settings ? settings.printer || 'OS の既定のプリンタ' : '…'}　PDF の保存先:{' '}
          {settings ? settings.documentsDir || settings.defaultDocumentsDir : '…'}
          {kind === 'delivery_note' && settings
            ? `　納品書の金額: ${settings.deliveryNotePrices ? '印字する' : '印字しない'}`
            : ''}
        </p>
        <div className="form-actions">
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => invoke('printing:run', { kind, orderIds, output: 'pdf' }))}
          >
            PDFで保存
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => invoke('printing:run', { kind, orderIds, output: 'printer' }))}
          >
            {already > 0 ? '再印刷' : '印刷'}
          </button>
        </div>
        {busy ? <p role="status">作成しています…</p> : null}
        {done ? (
          <p role="status" className="print-done">
            {PRINT_KIND_LABELS[done.kind]}（{done.orderCount.toLocaleString('ja-JP')}件・{done.pages}ページ）を
            {done.printer ? `プリンタ「${done.printer}」に送りました` : 'PDF で保存しました'}。保存先: {done.filePath}
          </p>
        ) : null}
        <FormError message={error} />
        {jobs.length > 0 ? (
          <table className="history" aria-label="印刷履歴">
            <thead>
              <tr>
                <th>日時</th>
                <th>種類</th>
                <th className="num">件数</th>
                <th>出力先</th>
                <th>担当</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td>{formatJst(job.createdAt)}</td>
                  <td>
                    {PRINT_KIND_LABELS[job.kind]}
                    {job.reprintOf ? '（再印刷）' : ''}
                  </td>
                  <td className="num">{job.orderCount.toLocaleString('ja-JP')}</td>
                  <td>{job.printer ?? 'PDF保存'}</td>
                  <td>{job.actor}</td>
                  <td className="op-bar">
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => void run(() => invoke('printing:reprint', { jobId: job.id, output: 'printer' }))}
                    >
                      再印刷
                    </button>
                    <button
                      type="button"
                      disabled={busy || !job.fileExists}
                      onClick={() =>
                        invoke('printing:download', { jobId: job.id }).then(saveDownload, (e: Error) =>
                          setError(e.message),
                        )
                      }
                    >
                      PDF
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </Dialog>
  );
}
