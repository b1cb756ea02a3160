import type { ConsoleStaff } from '../../../src-shared/console/staff.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { StaffForm } from './StaffForm.js';
import { useStaff } from './useStaff.js';

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
  const { staff, form, setForm, error, save, submit, edit } = useStaff(storeId);
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
      {canWrite ? <StaffForm form={form} onChange={setForm} onSubmit={submit} /> : null}
      <FormError message={error || staff.error} />
    </section>
  );
}
