import type { MailLogEntry } from '../../../../src-shared/api/mail.js';
import { formatJst } from '../../format.js';
import { kindLabel, resultLabel } from './labels.js';

/** メールの内容: one attempt's facts and body, with 送信済にする and 再送 when they apply. */
export function MailLogEntryView({
  entry,
  busy,
  onConfirm,
  onRetry,
}: {
  entry: MailLogEntry;
  busy: boolean;
  onConfirm: (id: number) => void;
  onRetry: (ids: number[]) => void;
}) {
  return (
    <section className="mail-entry" aria-label="メールの内容">
      <dl className="facts">
        <dt>日時</dt>
        <dd>{formatJst(entry.createdAt)}</dd>
        <dt>注文番号</dt>
        <dd>{entry.orderNo}</dd>
        <dt>種類</dt>
        <dd>{kindLabel(entry.kind)}</dd>
        <dt>宛先</dt>
        <dd>{entry.recipient}</dd>
        <dt>件名</dt>
        <dd>{entry.subject}</dd>
        <dt>結果</dt>
        <dd>{resultLabel(entry.result)}</dd>
        {entry.error ? (
          <>
            <dt>エラー</dt>
            <dd className="form-error">{entry.error}</dd>
          </>
        ) : null}
        <dt>担当者</dt>
        <dd>{entry.actor}</dd>
      </dl>
      <pre className="mail-body" aria-label="本文">
        {entry.body}
      </pre>
      <div className="form-actions" key={entry.id}>
        {entry.canConfirm ? (
          <button type="button" autoFocus aria-disabled={busy} onClick={() => !busy && onConfirm(entry.id)}>
            届いたことを確認した（送信済にする）
          </button>
        ) : null}
        {entry.canRetry ? (
          <button
            type="button"
            autoFocus={!entry.canConfirm}
            aria-disabled={busy}
            onClick={() => !busy && onRetry([entry.id])}
          >
            {entry.result === 'unknown' ? '届いていないので再送する' : '再送する'}
          </button>
        ) : null}
      </div>
    </section>
  );
}
