import type { SyncRefusal } from '../../../../src-shared/api/sync.js';
import { Dialog } from '../../components/Dialog.js';
import { formatJst } from '../../format.js';

interface Props {
  refusals: readonly SyncRefusal[];
  onClose(): void;
}

/** The changes the central server did not accept: which order, what, why, its state now. */
export function RefusalsDialog({ refusals, onClose }: Props) {
  return (
    <Dialog title="サーバーが受け付けなかった変更" onClose={onClose} wide>
      <p>
        次の変更は他の PC での操作と食い違ったため、中央サーバーに反映されませんでした。この PC
        の注文はサーバーの状態に合わせて直してあります。必要なら注文を確認して操作し直してください。
      </p>
      <table className="sync-refusals" aria-label="反映されなかった変更">
        <thead>
          <tr>
            <th>注文番号</th>
            <th>行った操作</th>
            <th>理由</th>
            <th>現在の状態</th>
            <th>日時</th>
          </tr>
        </thead>
        <tbody>
          {refusals.map((r, i) => (
            <tr key={i}>
              <td>{r.orderNo || '—'}</td>
              <td>{r.attempted}</td>
              <td>{r.reason}</td>
              <td>{r.statusNow ?? '—'}</td>
              <td>{formatJst(r.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          閉じる
        </button>
      </div>
    </Dialog>
  );
}
