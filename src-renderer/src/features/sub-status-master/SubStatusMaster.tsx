import { MAIN_STATUSES, STATUS_LABELS } from '../../../../src-shared/domain/status.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { SubStatusRow } from './SubStatusRow.js';
import { useSubStatusMaster } from './useSubStatusMaster.js';

/**
 * 注文サブステータス管理マスタメンテナンス (S4): per main status, add, rename, colour,
 * reorder and retire sub-statuses. Each change is saved at once (and sent to the central
 * server with the next sync); retired ones stay readable on the orders that have them.
 */
export function SubStatusMaster() {
  const screen = useScreen();
  const { status, setStatus, subs, usage, added, setAdded, message, run, move, add } = useSubStatusMaster();
  return (
    <Dialog title="注文サブステータス管理マスタメンテナンス" onClose={screen.closeDialog} wide>
      <div role="tablist" aria-label="メインステータスの選択" className="master-tabs">
        {MAIN_STATUSES.map((s) => (
          <button key={s} type="button" role="tab" aria-selected={s === status} onClick={() => setStatus(s)}>
            {STATUS_LABELS[s]}（{screen.masters.subStatuses.filter((x) => x.mainStatus === s && !x.retired).length}）
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={`${STATUS_LABELS[status]}のサブステータス`}>
        <table className="items master-table" aria-label="サブステータス一覧">
          <thead>
            <tr>
              <th>順番</th>
              <th>名前</th>
              <th>色</th>
              <th>注文数</th>
              <th>状態</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {subs.map((sub, i) => (
              <SubStatusRow
                key={sub.id}
                sub={sub}
                usage={usage[sub.id] ?? 0}
                first={i === 0}
                last={i === subs.length - 1}
                run={run}
                move={(delta) => move(i, delta)}
              />
            ))}
          </tbody>
        </table>
        {subs.length === 0 ? <p>「{STATUS_LABELS[status]}」のサブステータスはまだありません。</p> : null}
        <form className="master-add" onSubmit={add}>
          <label>
            新しいサブステータス名
            <input value={added.name} maxLength={20} onChange={(e) => setAdded({ ...added, name: e.target.value })} />
          </label>
          <label>
            色
            <input type="color" value={added.color} onChange={(e) => setAdded({ ...added, color: e.target.value })} />
          </label>
          <button type="submit">追加</button>
        </form>
      </div>
      {message ? (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'form-error' : 'form-hint'}
        >
          {message.text}
        </p>
      ) : null}
    </Dialog>
  );
}
