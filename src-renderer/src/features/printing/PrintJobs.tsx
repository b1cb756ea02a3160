import { PRINT_KIND_LABELS, type PrintJobInfo, type PrintResult } from '../../../../src-shared/api/printing.js';
import { invoke } from '../../api/client.js';
import { formatJst } from '../../format.js';
import { saveDownload } from '../files/transfer.js';

interface Props {
  jobs: PrintJobInfo[];
  busy: boolean;
  /** Runs a reprint as the dialog runs its prints (busy, result, error). */
  run(action: () => Promise<PrintResult>): void;
  onError(message: string): void;
}

/** 印刷履歴 of the checked orders: each job again to the printer, or its kept PDF. */
export function PrintJobs({ jobs, busy, run, onError }: Props) {
  if (jobs.length === 0) return <p className="form-hint">チェックした注文の印刷履歴はありません。</p>;
  return (
    <table className="history" aria-label="チェックした注文の印刷履歴">
      <caption className="form-hint">チェックした注文を含む印刷履歴（新しい順）</caption>
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
                aria-disabled={busy}
                onClick={() => !busy && run(() => invoke('printing:reprint', { jobId: job.id, output: 'printer' }))}
              >
                再印刷
              </button>
              <button
                type="button"
                aria-disabled={!job.fileExists}
                title={job.fileExists ? undefined : 'PDF が保存先にありません（再印刷で作り直せます）'}
                onClick={() =>
                  job.fileExists &&
                  invoke('printing:download', { jobId: job.id }).then(saveDownload, (e: Error) => onError(e.message))
                }
              >
                PDF
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
