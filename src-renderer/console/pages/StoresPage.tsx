import { useState, type FormEvent } from 'react';
import type { ConsoleStore } from '../../../src-shared/console/fleet.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { call } from '../api.js';
import type { PageProps } from '../page-props.js';
import { useLoad } from '../use-load.js';
import { StaffSection } from './StaffSection.js';

/** 店舗: every shipping store; 管理者 adds one or renames it and sets the head-office flag. */
export function StoresPage({ canWrite }: PageProps) {
  const stores = useLoad(() => call('console:stores', {}), []);
  const [form, setForm] = useState({ id: '', name: '', isHeadOffice: false });
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    call('console:putStore', form).then(
      (s) => {
        setDone(`店舗「${s.name}」を保存しました。`);
        setError('');
        setForm({ id: '', name: '', isHeadOffice: false });
        stores.reload();
      },
      (err: Error) => setError(err.message),
    );
  };
  const [staffOf, setStaffOf] = useState<ConsoleStore | null>(null);
  const edit = (s: ConsoleStore) => setForm({ id: s.id, name: s.name, isHeadOffice: s.isHeadOffice });
  return (
    <>
      <FormError message={stores.error} />
      <RowsTable
        label="店舗"
        rows={stores.value ?? []}
        rowKey={(s) => s.id}
        columns={[
          { header: '店舗ID', cell: (s) => s.id },
          { header: '店舗名', cell: (s) => s.name },
          { header: '本部', cell: (s) => (s.isHeadOffice ? '本部（すべての注文）' : '') },
          { header: 'PC', num: true, cell: (s) => `${s.pcs}台` },
          {
            header: 'スタッフ',
            cell: (s) => (
              <button type="button" className="row-button" onClick={() => setStaffOf(s)}>
                スタッフ
              </button>
            ),
          },
          ...(canWrite
            ? [
                {
                  header: '',
                  cell: (s: ConsoleStore) => (
                    <button type="button" className="row-button" onClick={() => edit(s)}>
                      変更
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite ? (
        <form className="console-section page-tools" onSubmit={submit} aria-label="店舗の登録・変更">
          <label>
            店舗ID
            <input value={form.id} onChange={(e) => setForm({ ...form, id: e.target.value })} placeholder="tokyo" />
          </label>
          <label>
            店舗名
            <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </label>
          <label className="inline">
            <span>
              <input
                type="checkbox"
                checked={form.isHeadOffice}
                onChange={(e) => setForm({ ...form, isHeadOffice: e.target.checked })}
              />{' '}
              本部
            </span>
          </label>
          <button type="submit">保存</button>
          <FormError message={error} />
          {done ? <span role="status">{done}</span> : null}
        </form>
      ) : null}
      {staffOf ? <StaffSection storeId={staffOf.id} storeName={staffOf.name} canWrite={canWrite} /> : null}
    </>
  );
}
