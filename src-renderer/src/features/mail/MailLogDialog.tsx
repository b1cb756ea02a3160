import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { BatchSummary } from './BatchSummary.js';
import { MailLogEntryView } from './MailLogEntryView.js';
import { MailLogSearchForm } from './MailLogSearchForm.js';
import { MailLogTable } from './MailLogTable.js';
import { useMailLog } from './useMailLog.js';

/** F8 送信ログ照会 (S13): every attempt, searchable by order number and date; body, error, retry. */
export function MailLogDialog() {
  const screen = useScreen();
  const log = useMailLog();
  const { message, entry, busy, failedShown, batch } = log;
  return (
    <Dialog title="送信ログ照会" onClose={screen.closeDialog} wide>
      <MailLogSearchForm filters={log.filters} onChange={log.setFilters} onSubmit={log.search} />
      {message ? (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'form-error' : 'form-hint'}
        >
          {message.text}
        </p>
      ) : null}
      <div className="mail-log-bar">
        <span>{log.total.toLocaleString('ja-JP')}件</span>
        <button
          ref={log.retryAllRef}
          type="button"
          aria-disabled={busy || failedShown.length === 0}
          onClick={() => !busy && failedShown.length > 0 && log.retry(failedShown)}
        >
          表示中の送信失敗を再送（{failedShown.length}件）
        </button>
      </div>
      <div className="mail-log-table">
        <MailLogTable rows={log.rows} openedId={entry?.id} onOpen={(id) => void log.open(id)} rowsRef={log.rowsRef} />
        {log.rows.length < log.total ? (
          <button type="button" onClick={log.loadMore}>
            さらに表示
          </button>
        ) : null}
      </div>
      {entry ? (
        <MailLogEntryView entry={entry} busy={busy} onConfirm={(id) => void log.confirm(id)} onRetry={log.retry} />
      ) : null}
      {batch && (batch.failed.length || batch.unknown.length || batch.skipped.length) ? (
        <BatchSummary result={batch} />
      ) : null}
    </Dialog>
  );
}
