import { useState } from 'react';
import { invoke } from '../../api/client.js';
import { OperationDialog, useBulkSubmit } from './OperationDialog.js';

const COMMON_REASONS = [
  'お客様都合によるキャンセル',
  '欠品のためキャンセル',
  '重複注文',
  '入金なし（期限切れ）',
  'いたずら注文',
];

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
        <input
          list="cancel-reasons"
          value={reason}
          maxLength={500}
          autoFocus
          onChange={(e) => setReason(e.target.value)}
        />
        <datalist id="cancel-reasons">
          {COMMON_REASONS.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </label>
    </OperationDialog>
  );
}
