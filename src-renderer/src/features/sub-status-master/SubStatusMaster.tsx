import { useEffect, useState, type FormEvent } from 'react';
import type { SubStatusInfo } from '../../../../src-shared/api/app.js';
import { MAIN_STATUSES, STATUS_LABELS, type MainStatus } from '../../../../src-shared/domain/status.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';

interface Draft {
  name: string;
  color: string;
}

/** One sub-status: name and colour edited in place, moved up/down, retired or restored. */
function Row(props: {
  sub: SubStatusInfo;
  usage: number;
  first: boolean;
  last: boolean;
  run(action: () => Promise<unknown>, done: string): void;
  move(delta: -1 | 1): void;
}) {
  const { sub, usage, run } = props;
  const [draft, setDraft] = useState<Draft>({ name: sub.name, color: sub.color });
  useEffect(() => setDraft({ name: sub.name, color: sub.color }), [sub.name, sub.color]);
  const dirty = draft.name !== sub.name || draft.color.toLowerCase() !== sub.color.toLowerCase();
  return (
    <tr className={sub.retired ? 'retired' : undefined}>
      <td className="order-buttons">
        <button type="button" aria-label={`上へ ${sub.name}`} disabled={props.first} onClick={() => props.move(-1)}>
          ▲
        </button>
        <button type="button" aria-label={`下へ ${sub.name}`} disabled={props.last} onClick={() => props.move(1)}>
          ▼
        </button>
      </td>
      <td>
        <input
          aria-label={`名前 ${sub.name}`}
          value={draft.name}
          maxLength={20}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </td>
      <td>
        <input
          type="color"
          aria-label={`色 ${sub.name}`}
          value={draft.color}
          onChange={(e) => setDraft({ ...draft, color: e.target.value })}
        />
      </td>
      <td className="num">{usage.toLocaleString('ja-JP')}件</td>
      <td>{sub.retired ? '廃止' : '使用中'}</td>
      <td className="row-buttons">
        <button
          type="button"
          aria-label={`保存 ${sub.name}`}
          disabled={!dirty}
          onClick={() =>
            run(() => invoke('subStatus:update', { id: sub.id, ...draft }), `「${draft.name.trim()}」を保存しました。`)
          }
        >
          保存
        </button>
        <button
          type="button"
          aria-label={`${sub.retired ? '復活' : '廃止'} ${sub.name}`}
          onClick={() =>
            run(
              () => invoke('subStatus:setRetired', { id: sub.id, retired: !sub.retired }),
              sub.retired
                ? `「${sub.name}」を復活しました。`
                : `「${sub.name}」を廃止しました。注文に付いている分はそのまま表示されます。`,
            )
          }
        >
          {sub.retired ? '復活' : '廃止'}
        </button>
      </td>
    </tr>
  );
}

/**
 * 注文サブステータス管理マスタメンテナンス (S4): per main status, add, rename, colour,
 * reorder and retire sub-statuses. Each change is saved at once (and sent to the central
 * server with the next sync); retired ones stay readable on the orders that have them.
 */
export function SubStatusMaster() {
  const screen = useScreen();
  const [status, setStatus] = useState<MainStatus>('new');
  const [usage, setUsage] = useState<Record<number, number>>({});
  const [added, setAdded] = useState<Draft>({ name: '', color: '#607d8b' });
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const subs = screen.masters.subStatuses.filter((s) => s.mainStatus === status);

  const loadUsage = () =>
    invoke('subStatus:usage', {}).then(setUsage, (e: Error) => setMessage({ kind: 'error', text: e.message }));
  useEffect(() => void loadUsage(), []);

  const run = (action: () => Promise<unknown>, done: string) => {
    action().then(
      () => {
        setMessage({ kind: 'done', text: done });
        void loadUsage();
      },
      (e: Error) => setMessage({ kind: 'error', text: e.message }),
    );
  };
  const move = (index: number, delta: -1 | 1) => {
    const ids = subs.map((s) => s.id);
    [ids[index], ids[index + delta]] = [ids[index + delta]!, ids[index]!];
    run(() => invoke('subStatus:reorder', { mainStatus: status, ids }), '並び順を保存しました。');
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    run(
      () => invoke('subStatus:add', { mainStatus: status, ...added }).then(() => setAdded({ ...added, name: '' })),
      `「${added.name.trim()}」を「${STATUS_LABELS[status]}」に追加しました。`,
    );
  };

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
              <Row
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
