import { useEffect, useState, type FormEvent } from 'react';
import { FormError } from '../../src/components/FormError.js';
import { call } from '../api.js';

/** 最低バージョン: PCs below it are told to update and may not send changes until they do. */
export function MinVersionForm({ onSaved }: { onSaved(): void }) {
  const [version, setVersion] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  useEffect(() => {
    call('console:fleetSettings', {}).then(
      (s) => setVersion(s.minAppVersion),
      (e: Error) => setError(e.message),
    );
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    call('console:saveFleetSettings', { minAppVersion: version }).then(
      (s) => {
        setDone(
          s.minAppVersion
            ? `バージョン ${s.minAppVersion} より古い PC は同期できなくなります。`
            : '最低バージョンを解除しました。',
        );
        setError('');
        onSaved();
      },
      (err: Error) => setError(err.message),
    );
  };
  return (
    <form className="console-section page-tools" onSubmit={submit} aria-label="最低バージョン">
      <label>
        最低バージョン（空欄＝制限なし）
        <input value={version} onChange={(e) => setVersion(e.target.value)} placeholder="1.2.0" />
      </label>
      <button type="submit">保存</button>
      <FormError message={error} />
      {done ? <span role="status">{done}</span> : null}
    </form>
  );
}
