import { useState } from 'react';
import { invoke } from '../../api/client.js';
import { jstToday } from '../../../../src-shared/text/jst.js';
import { OperationDialog, useBulkSubmit } from './OperationDialog.js';

/** 入金確認登録: the checked 在庫確認済 orders → 入金済 with the paid date. */
export function PaymentDialog({ orderIds }: { orderIds: number[] }) {
  const [paidOn, setPaidOn] = useState(jstToday());
  const { error, busy, submit } = useBulkSubmit('入金確認登録');
  return (
    <OperationDialog
      title="入金確認登録"
      submitLabel="登録"
      busy={busy}
      error={error}
      onSubmit={() => void submit(() => invoke('operations:confirmPayment', { orderIds, paidOn }))}
    >
      <p>チェックした {orderIds.length.toLocaleString('ja-JP')}件の注文を「入金済」にします。</p>
      <label>
        入金日
        <input
          type="date"
          value={paidOn}
          max={jstToday()}
          required
          autoFocus
          onChange={(e) => setPaidOn(e.target.value)}
        />
      </label>
    </OperationDialog>
  );
}
