import type { FormEvent } from 'react';
import { CONSOLE_ROLE_LABELS, CONSOLE_ROLES, type ConsoleRole } from '../../../src-shared/console/accounts.js';
import type { AccountForm } from './useAccounts.js';

interface Props {
  form: AccountForm;
  onChange(form: AccountForm): void;
  onSubmit(e: FormEvent): void;
}

/** アカウント追加: ID, 表示名, 権限 and the initial password of a new console account. */
export function AccountAddForm({ form, onChange, onSubmit }: Props) {
  return (
    <form className="console-section page-tools" onSubmit={onSubmit} aria-label="アカウント追加">
      <label>
        ID
        <input value={form.login} onChange={(e) => onChange({ ...form, login: e.target.value })} />
      </label>
      <label>
        表示名
        <input value={form.displayName} onChange={(e) => onChange({ ...form, displayName: e.target.value })} />
      </label>
      <label>
        権限
        <select value={form.role} onChange={(e) => onChange({ ...form, role: e.target.value as ConsoleRole })}>
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
          onChange={(e) => onChange({ ...form, password: e.target.value })}
        />
      </label>
      <button type="submit">追加</button>
    </form>
  );
}
