import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { MailBatchResult, MailLogEntry, MailLogRow } from '../../../../src-shared/api/mail.js';
import { MAIL_RESULTS, type MailResult } from '../../../../src-shared/domain/mail.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { formatJst } from '../../format.js';
import { useScreen } from '../../screen/screen-context.js';
import { BatchSummary } from './BatchSummary.js';
import { kindLabel, resultLabel } from './labels.js';

const PAGE = 200;

/** ↑/↓ on a row's order number moves to the row above or below (Enter opens it). */
function moveBetweenRows(e: KeyboardEvent<HTMLTableSectionElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[index + (e.key === 'ArrowDown' ? 1 : -1)];
  if (index < 0 || !next) return;
  e.preventDefault();
  next.focus();
}

interface Filters {
  orderNo: string;
  from: string;
  to: string;
  result: MailResult | '';
}

/** F8 送信ログ照会 (S13): every attempt, searchable by order number and date; body, error, retry. */
export function MailLogDialog() {
  const screen = useScreen();
  const [filters, setFilters] = useState<Filters>({ orderNo: '', from: '', to: '', result: '' });
  const [rows, setRows] = useState<MailLogRow[]>([]);
  const [total, setTotal] = useState(0);
  const [entry, setEntry] = useState<MailLogEntry | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [batch, setBatch] = useState<MailBatchResult | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback((f: Filters, offset = 0) => {
    const input = {
      orderNo: f.orderNo,
      from: f.from || undefined,
      to: f.to || undefined,
      result: f.result || undefined,
      offset,
      limit: PAGE,
    };
    invoke('mail:log', input).then(
      (page) => {
        setRows((current) => (offset === 0 ? page.rows : [...current, ...page.rows]));
        setTotal(page.total);
      },
      (e: Error) => setMessage({ kind: 'error', text: e.message }),
    );
  }, []);
  useEffect(() => load(filters), []);
  // Once the first page is in: the focus on 再送 when mails failed, else on the newest row.
  const retryAll = useRef<HTMLButtonElement>(null);
  const table = useRef<HTMLTableSectionElement>(null);
  const placed = useRef(false);
  useEffect(() => {
    if (placed.current || rows.length === 0) return;
    placed.current = true;
    if (rows.some((r) => r.result === 'failed')) retryAll.current?.focus();
    else table.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [rows]);

  const open = (id: number) =>
    invoke('mail:logEntry', { id }).then(setEntry, (e: Error) => setMessage({ kind: 'error', text: e.message }));
  const search = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setEntry(null);
    load(filters);
  };
  const after = (text: string, id?: number) => {
    setMessage({ kind: 'info', text });
    load(filters);
    if (id) void open(id);
  };
  const retry = (ids: number[]) => {
    setBusy(true);
    setBatch(null);
    invoke('mail:retry', { logIds: ids })
      .then(
        (result) => {
          setBatch(result);
          after(
            `再送しました（送信 ${result.sent}件 / 失敗 ${result.failed.length}件 / 結果不明 ${result.unknown.length}件 / 対象外 ${result.skipped.length}件）。`,
            entry?.id,
          );
        },
        (e: Error) => setMessage({ kind: 'error', text: e.message }),
      )
      .finally(() => setBusy(false));
  };
  const confirm = (id: number) =>
    invoke('mail:confirmSent', { id }).then(
      () => after('送信済にしました。', id),
      (e: Error) => setMessage({ kind: 'error', text: e.message }),
    );
  const failedShown = rows.filter((r) => r.result === 'failed').map((r) => r.id);

  return (
    <Dialog title="送信ログ照会" onClose={screen.closeDialog} wide>
      <form className="mail-log-filters" onSubmit={search} role="search" aria-label="送信ログの検索">
        <label>
          注文番号
          <input
            value={filters.orderNo}
            onChange={(e) => setFilters({ ...filters, orderNo: e.target.value })}
            placeholder="前方一致"
          />
        </label>
        <label>
          送信日（から）
          <input type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} />
        </label>
        <label>
          送信日（まで）
          <input type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} />
        </label>
        <label>
          結果
          <select
            value={filters.result}
            onChange={(e) => setFilters({ ...filters, result: e.target.value as MailResult | '' })}
          >
            <option value="">すべて</option>
            {MAIL_RESULTS.map((r) => (
              <option key={r} value={r}>
                {resultLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">検索</button>
      </form>
      {message ? (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'form-error' : 'form-hint'}
        >
          {message.text}
        </p>
      ) : null}
      <div className="mail-log-bar">
        <span>{total.toLocaleString('ja-JP')}件</span>
        <button
          ref={retryAll}
          type="button"
          aria-disabled={busy || failedShown.length === 0}
          onClick={() => !busy && failedShown.length > 0 && retry(failedShown)}
        >
          表示中の送信失敗を再送（{failedShown.length}件）
        </button>
      </div>
      <div className="mail-log-table">
        <table className="history" aria-label="送信ログ">
          <thead>
            <tr>
              <th>日時</th>
              <th>注文番号</th>
              <th>種類</th>
              <th>宛先</th>
              <th>件名</th>
              <th>結果</th>
              <th>エラー</th>
            </tr>
          </thead>
          <tbody ref={table} onKeyDown={moveBetweenRows}>
            {rows.map((r) => (
              <tr
                key={r.id}
                className={`mail-row ${r.result}`}
                aria-selected={entry?.id === r.id}
                onClick={() => void open(r.id)}
              >
                <td>{formatJst(r.createdAt)}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => void open(r.id)}>
                    {r.orderNo}
                  </button>
                </td>
                <td>{kindLabel(r.kind)}</td>
                <td>{r.recipient}</td>
                <td>{r.subject}</td>
                <td className="mail-result">{resultLabel(r.result)}</td>
                <td>{r.error ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length < total ? (
          <button type="button" onClick={() => load(filters, rows.length)}>
            さらに表示
          </button>
        ) : null}
      </div>
      {entry ? (
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
              <button type="button" autoFocus aria-disabled={busy} onClick={() => !busy && void confirm(entry.id)}>
                届いたことを確認した（送信済にする）
              </button>
            ) : null}
            {entry.canRetry ? (
              <button
                type="button"
                autoFocus={!entry.canConfirm}
                aria-disabled={busy}
                onClick={() => !busy && retry([entry.id])}
              >
                {entry.result === 'unknown' ? '届いていないので再送する' : '再送する'}
              </button>
            ) : null}
          </div>
        </section>
      ) : null}
      {batch && (batch.failed.length || batch.unknown.length || batch.skipped.length) ? (
        <BatchSummary result={batch} />
      ) : null}
    </Dialog>
  );
}
