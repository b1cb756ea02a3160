import { useState, type FormEvent } from 'react';
import type { ConsoleAccountRow, ConsoleRole } from '../../../src-shared/console/accounts.js';
import { call } from '../api.js';
import { useLoad } from '../use-load.js';

const EMPTY_ACCOUNT_FORM = { login: '', displayName: '', role: 'viewer' as ConsoleRole, password: '' };
export type AccountForm = typeof EMPTY_ACCOUNT_FORM;

/** The accounts list, the add form's values, and adding / changing an account with its message. */
export function useAccounts() {
  const accounts = useLoad(() => call('console:accounts', {}), []);
  const [form, setForm] = useState(EMPTY_ACCOUNT_FORM);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const result = (text: string) => () => (setDone(text), setError(''), accounts.reload());
  const failed = (e: Error) => setError(e.message);
  const add = (e: FormEvent) => {
    e.preventDefault();
    call('console:addAccount', form).then(
      () => (setForm(EMPTY_ACCOUNT_FORM), result(`アカウント「${form.login}」を追加しました。`)()),
      failed,
    );
  };
  const update = (a: ConsoleAccountRow, change: { role?: ConsoleRole; disabled?: boolean }) =>
    call('console:updateAccount', { id: a.id, ...change }).then(result(`「${a.login}」を変更しました。`), failed);
  return { accounts, form, setForm, error, done, add, update };
}
