import { useState, type FormEvent } from 'react';
import type { ConsoleOrderRow } from '../../../src-shared/console/records.js';
import type { Channel } from '../../../src-shared/domain/channels.js';
import type { MainStatus } from '../../../src-shared/domain/status.js';
import { call } from '../api.js';

const PAGE = 100;
const EMPTY_ORDER_SEARCH = { text: '', status: '', storeId: '', channel: '', from: '', to: '' };
export type OrderSearchValues = typeof EMPTY_ORDER_SEARCH;

/** 注文検索 on the server: the conditions, the rows found (100 at a time, さらに表示 adds the next) and the error. */
export function useOrderSearch() {
  const [form, setForm] = useState(EMPTY_ORDER_SEARCH);
  const [rows, setRows] = useState<ConsoleOrderRow[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState('');
  const search = (after?: ConsoleOrderRow) => {
    call('console:orders', {
      text: form.text,
      status: (form.status || undefined) as MainStatus | undefined,
      storeId: form.storeId || undefined,
      channel: (form.channel || undefined) as Channel | undefined,
      from: form.from || undefined,
      to: form.to || undefined,
      limit: PAGE,
      after: after ? { orderedAt: after.orderedAt, id: after.id } : undefined,
    }).then(
      (found) => {
        setRows(after ? [...(rows ?? []), ...found] : found);
        setMore(found.length === PAGE);
        setError('');
      },
      (e: Error) => setError(e.message),
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    search();
  };
  const set = (key: keyof OrderSearchValues) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return { form, setForm, rows, more, error, search, submit, set };
}
