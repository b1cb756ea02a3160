import { CONSOLE_ROLE_LABELS, type ConsoleAccountRow } from '../../../src-shared/console/accounts.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { formatJst } from '../../src/format.js';
import type { PageProps } from '../page-props.js';
import { AccountAddForm } from './AccountAddForm.js';
import { PasswordForm } from './PasswordForm.js';
import { useAccounts } from './useAccounts.js';

/** アカウント: who may use the console (管理者 / 閲覧); everyone changes their own password here. */
export function AccountsPage({ canWrite, account }: PageProps) {
  const { accounts, form, setForm, error, done, add, update } = useAccounts();
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
      {canWrite ? <AccountAddForm form={form} onChange={setForm} onSubmit={add} /> : null}
      <PasswordForm login={account.login} />
    </>
  );
}
