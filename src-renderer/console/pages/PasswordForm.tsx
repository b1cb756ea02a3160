import { useState, type FormEvent } from 'react';
import { FormError } from '../../src/components/FormError.js';
import { call } from '../api.js';

/** The signed-in account's own password (other browsers signed in with it are signed out). */
export function PasswordForm({ login }: { login: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    call('console:changePassword', { current, next }).then(
      () => (setCurrent(''), setNext(''), setError(''), setDone('パスワードを変更しました。')),
      (err: Error) => setError(err.message),
    );
  };
  return (
    <form className="console-section page-tools" onSubmit={submit} aria-label="パスワード変更">
      <input type="text" autoComplete="username" value={login} readOnly hidden />
      <label>
        現在のパスワード
        <input
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </label>
      <label>
        新しいパスワード（10文字以上）
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <button type="submit">パスワードを変更</button>
      <FormError message={error} />
      {done ? <span role="status">{done}</span> : null}
    </form>
  );
}
