import { useState, type FormEvent } from 'react';
import type { ConsoleStaff } from '../../../src-shared/console/staff.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { call } from '../api.js';
import { useLoad } from '../use-load.js';

const EMPTY = { id: undefined as number | undefined, name: '', isManager: false, pin: '' };

/** スタッフ: a store's 担当者 list (管理者 flag, optional PIN), picked from on the store's PCs. */
export function StaffSection({
  storeId,
  storeName,
  canWrite,
}: {
  storeId: string;
  storeName: string;
  canWrite: boolean;
}) {
  const staff = useLoad(() => call('console:staff', { storeId }), [storeId]);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState('');
  const save = (member: Omit<Parameters<typeof call<'console:saveStaff'>>[1], 'storeId'>) =>
    call('console:saveStaff', { storeId, ...member }).then(
      () => (setForm(EMPTY), setError(''), staff.reload()),
      (e: Error) => setError(e.message),
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // An empty PIN field keeps the PIN of an existing member.
    void save({ id: form.id, name: form.name, isManager: form.isManager, pin: form.pin || (form.id ? undefined : '') });
  };
  const edit = (m: ConsoleStaff) => setForm({ id: m.id, name: m.name, isManager: m.isManager, pin: '' });
  return (
    <section className="console-section" aria-label={`${storeName}のスタッフ`}>
      <h2>{storeName}のスタッフ（担当者）</h2>
      <RowsTable
        label="スタッフ"
        rows={staff.value ?? []}
        rowKey={(m) => m.id}
        columns={[
          { header: '名前', cell: (m) => m.name },
          { header: '権限', cell: (m) => (m.isManager ? '管理者' : '担当者') },
          { header: 'PIN', cell: (m) => (m.hasPin ? 'あり' : 'なし') },
          { header: '状態', cell: (m) => (m.retired ? '退職' : '在籍') },
          ...(canWrite
            ? [
                {
                  header: '',
                  cell: (m: ConsoleStaff) => (
                    <>
                      <button type="button" className="row-button" onClick={() => edit(m)}>
                        変更
                      </button>
                      <button
                        type="button"
                        className="row-button"
                        onClick={() =>
                          void save({ id: m.id, name: m.name, isManager: m.isManager, retired: !m.retired })
                        }
                      >
                        {m.retired ? '在籍に戻す' : '退職'}
                      </button>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite ? (
        <form className="page-tools" onSubmit={submit} aria-label="スタッフの登録・変更">
          <label>
            名前
            <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </label>
          <label>
            PIN（4〜8桁・任意）
            <input
              inputMode="numeric"
              autoComplete="off"
              value={form.pin}
              placeholder={form.id ? '変更するときだけ' : ''}
              onChange={(e) => setForm({ ...form, pin: e.target.value })}
            />
          </label>
          <label className="inline">
            <span>
              <input
                type="checkbox"
                checked={form.isManager}
                onChange={(e) => setForm({ ...form, isManager: e.target.checked })}
              />{' '}
              管理者
            </span>
          </label>
          <button type="submit">{form.id ? 'スタッフを保存' : 'スタッフを追加'}</button>
        </form>
      ) : null}
      <FormError message={error || staff.error} />
    </section>
  );
}
