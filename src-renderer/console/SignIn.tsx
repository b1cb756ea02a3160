import { useState, type FormEvent } from 'react';
import type { ConsoleSession } from '../../src-shared/console/accounts.js';
import { FormError } from '../src/components/FormError.js';
import { call } from './api.js';

/** サインイン: ID and password; the server answers a wrong one and a locked account in Japanese. */
export function SignIn({ onSignedIn }: { onSignedIn(session: ConsoleSession): void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    call('console:signIn', { login, password })
      .then(onSignedIn, (err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  return (
    <div className="sign-in">
      <form className="form dialog" onSubmit={submit} aria-label="サインイン">
        <div className="dialog-head">
          <h2>本部コンソール　サインイン</h2>
        </div>
        <div className="dialog-body form">
          <label>
            ID
            <input value={login} autoComplete="username" autoFocus onChange={(e) => setLogin(e.target.value)} />
          </label>
          <label>
            パスワード
            <input
              type="password"
              value={password}
              autoComplete="current-password"
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <FormError message={error} />
        </div>
        <div className="dialog-foot">
          <button type="submit" disabled={busy}>
            {busy ? '確認中…' : 'サインイン'}
          </button>
        </div>
      </form>
    </div>
  );
}
