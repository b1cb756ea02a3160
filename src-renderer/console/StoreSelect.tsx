import type { ReactNode } from 'react';
import { call } from './api.js';
import { useLoad } from './use-load.js';

/** A select of the server's stores, after the page's own first options (すべて, 未指定 …). */
export function StoreSelect({
  value,
  onChange,
  children,
}: {
  value: string;
  onChange(storeId: string): void;
  children: ReactNode;
}) {
  const stores = useLoad(() => call('console:stores', {}), []);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} title={stores.error || undefined}>
      {children}
      {(stores.value ?? []).map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}
