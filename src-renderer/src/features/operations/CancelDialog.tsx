import { useState } from 'react';
import { invoke } from '../../api/client.js';
import { CancelReasonInput } from './CancelReasonInput.js';
import { OperationDialog, useBulkSubmit } from './OperationDialog.js';

/** 注文取消 → キャンセル済, with a reason (required); reserved stock goes back to the shelf. */
export function CancelDialog({ orderIds }: { orderIds: number[] }) {
  const [reason, setReason] = useState('');
  const { error, setError, busy, submit } = useBulkSubmit('注文取消');
  return (
    <OperationDialog
      title="注文取消"
      submitLabel="取消する"
      danger
      busy={busy}
      error={error}
      onSubmit={() => {
        if (!reason.trim()) setError('取消理由を入力してください。');
        else void submit(() => invoke('operations:cancel', { orderIds, reason }));
      }}
    >
      <p>
        チェックした {orderIds.length.toLocaleString('ja-JP')}
        件の注文を取り消して「キャンセル済」にします。引当済の在庫は戻ります。
      </p>
      <label>
        取消理由（必須）
        <CancelReasonInput value={reason} autoFocus onChange={setReason} />
      </label>
    </OperationDialog>
  );
}
