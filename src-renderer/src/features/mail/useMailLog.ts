import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { MailBatchResult, MailLogEntry, MailLogRow } from '../../../../src-shared/api/mail.js';
import type { MailResult } from '../../../../src-shared/domain/mail.js';
import { invoke } from '../../api/client.js';

const PAGE = 200;

export interface MailLogFilters {
  orderNo: string;
  from: string;
  to: string;
  result: MailResult | '';
}

/**
 * 送信ログ照会's data: the log pages matching the filters, the opened entry, and the actions on
 * it (再送, 送信済にする) with their message and batch summary. Once the first page is in, the
 * focus goes to 再送 when mails failed, else to the newest row (`retryAllRef`, `rowsRef`).
 */
export function useMailLog() {
  const [filters, setFilters] = useState<MailLogFilters>({ orderNo: '', from: '', to: '', result: '' });
  const [rows, setRows] = useState<MailLogRow[]>([]);
  const [total, setTotal] = useState(0);
  const [entry, setEntry] = useState<MailLogEntry | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [batch, setBatch] = useState<MailBatchResult | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback((f: MailLogFilters, offset = 0) => {
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
  const retryAllRef = useRef<HTMLButtonElement>(null);
  const rowsRef = useRef<HTMLTableSectionElement>(null);
  const placed = useRef(false);
  useEffect(() => {
    if (placed.current || rows.length === 0) return;
    placed.current = true;
    if (rows.some((r) => r.result === 'failed')) retryAllRef.current?.focus();
    else rowsRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [rows]);

  const open = (id: number) =>
    invoke('mail:logEntry', { id }).then(setEntry, (e: Error) => setMessage({ kind: 'error', text: e.message }));
  const search = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setEntry(null);
    load(filters);
  };
  const loadMore = () => load(filters, rows.length);
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

  return {
    filters,
    setFilters,
    rows,
    total,
    entry,
    message,
    batch,
    busy,
    failedShown,
    open,
    search,
    loadMore,
    retry,
    confirm,
    retryAllRef,
    rowsRef,
  };
}
