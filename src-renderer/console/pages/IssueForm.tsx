import { useState, type FormEvent } from 'react';
import type { IssuedClient } from '../../../src-shared/console/fleet.js';
import { FormError } from '../../src/components/FormError.js';
import { call } from '../api.js';
import { StoreSelect } from '../StoreSelect.js';

/** トークン発行: a store PC (bound to its store) or a connector client. */
export function IssueForm({ onIssued }: { onIssued(issued: IssuedClient & { name: string }): void }) {
  const [kind, setKind] = useState<'pc' | 'connector'>('pc');
  const [name, setName] = useState('');
  const [storeId, setStoreId] = useState('');
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The PCs reach the server at the address this page came from.
    const serverUrl = window.location.origin;
    call('console:issueClient', { kind, name, storeId: kind === 'pc' ? storeId || null : null, serverUrl }).then(
      (issued) => {
        setError('');
        setName('');
        onIssued({ ...issued, name });
      },
      (err: Error) => setError(err.message),
    );
  };
  return (
    <form className="console-section page-tools" onSubmit={submit} aria-label="トークン発行">
      <label>
        種類
        <select value={kind} onChange={(e) => setKind(e.target.value as 'pc' | 'connector')}>
          <option value="pc">店舗PC</option>
          <option value="connector">受注連携</option>
        </select>
      </label>
      <label>
        端末名
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="東京店 出荷PC 1" />
      </label>
      {kind === 'pc' ? (
        <label>
          店舗
          <StoreSelect value={storeId} onChange={setStoreId}>
            <option value="">選んでください</option>
          </StoreSelect>
        </label>
      ) : null}
      <button type="submit">トークン発行</button>
      <FormError message={error} />
    </form>
  );
}
