import { useEffect, useState } from 'react';
import type { MailLogRow } from '../../../../src-shared/api/mail.js';
import { invoke } from '../../api/client.js';
import { formatJst } from '../../format.js';
import { kindLabel, resultLabel } from './labels.js';

/**
 * The mails of one order (for F12 注文詳細): every attempt, newest first, and why no mail can
 * go to this buyer when that is so (e.g. Amazon buyer data purged). Reloads when `revision`
 * changes.
 */
export function OrderMails({ orderId, revision = 0 }: { orderId: number; revision?: number }) {
  const [state, setState] = useState<{ rows: MailLogRow[]; blockedReason: string | null } | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    invoke('mail:orderMails', { orderId }).then(setState, (e: Error) => setError(e.message));
  }, [orderId, revision]);
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  if (!state) return null;
  return (
    <section aria-label="メール">
      {state.blockedReason ? <p className="form-error">{state.blockedReason}</p> : null}
      {state.rows.length === 0 ? (
        <p className="form-hint">この注文に送ったメールはまだありません。</p>
      ) : (
        <table className="history" aria-label="送信メール">
          <thead>
            <tr>
              <th>日時</th>
              <th>種類</th>
              <th>宛先</th>
              <th>件名</th>
              <th>結果</th>
            </tr>
          </thead>
          <tbody>
            {state.rows.map((r) => (
              <tr key={r.id} title={r.error ?? undefined}>
                <td>{formatJst(r.createdAt)}</td>
                <td>{kindLabel(r.kind)}</td>
                <td>{r.recipient}</td>
                <td>{r.subject}</td>
                <td>
                  {resultLabel(r.result)}
                  {r.error ? <div className="form-hint">{r.error}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
