import { invoke } from '../../api/client.js';
import { OperationDialog, useBulkSubmit } from './OperationDialog.js';

/** 出荷確定 of the checked 出荷待ち orders, after one confirmation. */
export function ShipDialog({ orderIds }: { orderIds: number[] }) {
  const { error, busy, submit } = useBulkSubmit('出荷確定');
  return (
    <OperationDialog
      title="出荷確定"
      submitLabel="出荷確定する"
      autoFocusSubmit
      busy={busy}
      error={error}
      onSubmit={() => void submit(() => invoke('operations:confirmShipment', { orderIds }))}
    >
      <p>
        チェックした {orderIds.length.toLocaleString('ja-JP')}件の注文を「出荷済」にします。引当済の在庫は出庫されます。
      </p>
    </OperationDialog>
  );
}
