import { useState } from 'react';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { formatJst } from '../../src/format.js';
import { call } from '../api.js';
import { useLoad } from '../use-load.js';
import { StoreSelect } from '../StoreSelect.js';

/** 同期エラー: changes the server refused, newest first, by store and PC, with the reason given. */
export function RefusalsPage() {
  const [storeId, setStoreId] = useState('');
  const refusals = useLoad(() => call('console:refusals', { storeId: storeId || undefined }), [storeId]);
  return (
    <>
      <div className="page-tools">
        <label>
          店舗
          <StoreSelect value={storeId} onChange={setStoreId}>
            <option value="">すべての店舗</option>
          </StoreSelect>
        </label>
      </div>
      <FormError message={refusals.error} />
      {refusals.value?.length === 0 ? <p>受け付けなかった変更はありません。</p> : null}
      <RowsTable
        label="同期エラー"
        rows={refusals.value ?? []}
        rowKey={(r, i) => `${r.at}:${r.orderNo}:${i}`}
        columns={[
          { header: '日時', cell: (r) => formatJst(r.at) },
          { header: '店舗', cell: (r) => r.storeName ?? '—' },
          { header: 'PC', cell: (r) => r.clientName },
          { header: '注文番号', cell: (r) => r.orderNo },
          { header: '操作', cell: (r) => r.attempted },
          { header: '理由', cell: (r) => r.reason },
        ]}
      />
    </>
  );
}
