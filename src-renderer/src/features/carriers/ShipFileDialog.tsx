import { useState } from 'react';
import {
  SHIP_FILE_CHANNELS,
  SHIP_FILE_LABELS,
  type ShipFileChannel,
  type ShipFileRefusal,
  type ShipFileResult,
} from '../../../../src-shared/api/ship-files.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { RowsTable, type RowsColumn } from '../../components/RowsTable.js';
import { useScreen } from '../../screen/screen-context.js';
import { saveDownload } from '../files/transfer.js';
import { useTask } from '../files/use-task.js';

const REFUSAL_COLUMNS: RowsColumn<ShipFileRefusal>[] = [
  { header: '注文番号', cell: (r) => r.orderNo },
  { header: '理由', cell: (r) => r.reason },
];

/**
 * 出荷通知ファイル出力: the channel's shipment upload file of the checked 出荷済 orders, for
 * sellers without the channel's API. Orders that cannot go in it are listed with the reason;
 * the others are marked 出荷通知: 送信済（ファイル）.
 */
export function ShipFileDialog({ orderIds }: { orderIds: number[] }) {
  const screen = useScreen();
  const [channel, setChannel] = useState<ShipFileChannel>('amazon');
  const [result, setResult] = useState<ShipFileResult | null>(null);
  const { busy, error, run: task } = useTask();
  const run = () =>
    task(async () => {
      setResult(null);
      const out = await invoke('shipFiles:export', { channel, orderIds });
      if (out.file) saveDownload(out.file);
      setResult(out);
    });
  return (
    <Dialog title="出荷通知ファイル出力" onClose={screen.closeDialog} wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void run();
        }}
      >
        <p>チェックした注文 {orderIds.length.toLocaleString('ja-JP')}件</p>
        <label>
          販路のファイル
          <select value={channel} autoFocus onChange={(e) => setChannel(e.target.value as ShipFileChannel)}>
            {SHIP_FILE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {SHIP_FILE_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <div className="form-actions">
          <button type="submit" aria-disabled={busy}>
            出力
          </button>
        </div>
        {result?.file ? (
          <p role="status">
            {result.marked.toLocaleString('ja-JP')}件を出力し、出荷通知を「送信済（ファイル）」にしました:{' '}
            {result.file.fileName}
          </p>
        ) : null}
        {result && !result.file ? (
          <p role="alert" className="form-error">
            出力できる注文がありません。ファイルは作っていません。
          </p>
        ) : null}
        {result && result.refused.length > 0 ? (
          <RowsTable label="出力しなかった注文" columns={REFUSAL_COLUMNS} rows={result.refused} rowKey={(_r, i) => i} />
        ) : null}
        <FormError message={error} />
      </form>
    </Dialog>
  );
}
