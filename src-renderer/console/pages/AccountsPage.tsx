import { useState, type FormEvent } from 'react';
import {
  CONSOLE_ROLE_LABELS,
  CONSOLE_ROLES,
  type ConsoleAccountRow,
  type ConsoleRole,
} from '../../../src-shared/console/accounts.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { formatJst } from '../../src/format.js';
import { call } from '../api.js';
import type { PageProps } from '../page-props.js';
import { useLoad } from '../use-load.js';
import { PasswordForm } from './PasswordForm.js';

const EMPTY = { login: '', displayName: '', role: 'viewer' as ConsoleRole, password: '' };

/** アカウント: who may use the console (管理者 / 閲覧); everyone changes their own password here. */
export function AccountsPage({ canWrite, account }: PageProps) {
  const accounts = useLoad(() => call('console:accounts', {}), []);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const result = (text: string) => () => (setDone(text), setError(''), accounts.reload());
  const failed = (e: Error) => setError(e.message);
  const add = (e: FormEvent) => {
    e.preventDefault();
    call('console:addAccount', form).then(
      () => (setForm(EMPTY), result(`アカウント「${form.login}」を追加しました。`)()),
      failed,
    );
  };
  const update = (a: ConsoleAccountRow, change: { role?: ConsoleRole; disabled?: boolean }) =>
    call('console:updateAccount', { id: a.id, ...change }).then(result(`「${a.login}」を変更しました。`), failed);
  return (
    <>
      <RowsTable
        label="アカウント"
        rows={accounts.value ?? []}
        rowKey={(a) => a.id}
        columns={[
          { header: 'ID', cell: (a) => a.login },
          { header: '表示名', cell: (a) => a.displayName },
          { header: '権限', cell: (a) => CONSOLE_ROLE_LABELS[a.role] },
          { header: '作成', cell: (a) => formatJst(a.createdAt) },
          {
            header: '状態',
            cell: (a) =>
              a.disabled
                ? '無効'
                : a.lockedUntil && a.lockedUntil > new Date().toISOString()
                  ? `ロック中（${formatJst(a.lockedUntil)}まで）`
                  : '有効',
          },
          ...(canWrite
            ? [
                {
                  header: '',
                  cell: (a: ConsoleAccountRow) => (
                    <>
                      <button
                        type="button"
                        className="row-button"
                        onClick={() => update(a, { role: a.role === 'admin' ? 'viewer' : 'admin' })}
                      >
                        {a.role === 'admin' ? '閲覧にする' : '管理者にする'}
                      </button>
                      <button type="button" className="row-button" onClick={() => update(a, { disabled: !a.disabled })}>
                        {a.disabled ? '有効にする' : '無効にする'}
                      </button>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormError message={error || accounts.error} />
      {done ? <p role="status">{done}</p> : null}
      {canWrite ? (
        <form className="console-section page-tools" onSubmit={add} aria-label="アカウント追加">
          <label>
            ID
            <input value={form.login} onChange={(e) => setForm({ ...form, login: e.target.value })} />
          </label>
          <label>
            表示名
            <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
          </label>
          <label>
            権限
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as ConsoleRole })}>
              {CONSOLE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {CONSOLE_ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
          <label>
            初期パスワード（10文字以上）
            <input
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          </label>
          <button type="submit">追加</button>
        </form>
      ) : null}
      <PasswordForm login={account.login} />
    </>
  );
}
