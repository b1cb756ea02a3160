import { useState } from 'react';
import type { ConsoleStore } from '../../../src-shared/console/fleet.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { call } from '../api.js';
import type { PageProps } from '../page-props.js';
import { useLoad } from '../use-load.js';
import { StaffSection } from './StaffSection.js';
import { StoreForm } from './StoreForm.js';
import { useStoreForm } from './useStoreForm.js';

/** 店舗: every shipping store; 管理者 adds one or renames it and sets the head-office flag. */
export function StoresPage({ canWrite }: PageProps) {
  const stores = useLoad(() => call('console:stores', {}), []);
  const { form, setForm, error, done, submit, edit } = useStoreForm(stores.reload);
  const [staffOf, setStaffOf] = useState<ConsoleStore | null>(null);
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
      {canWrite ? <StoreForm form={form} error={error} done={done} onChange={setForm} onSubmit={submit} /> : null}
      {staffOf ? <StaffSection storeId={staffOf.id} storeName={staffOf.name} canWrite={canWrite} /> : null}
    </>
  );
}
