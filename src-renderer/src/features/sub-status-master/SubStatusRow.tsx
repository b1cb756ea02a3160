import { useEffect, useState } from 'react';
import type { SubStatusInfo } from '../../../../src-shared/api/app.js';
import { invoke } from '../../api/client.js';
import type { SubStatusDraft } from './useSubStatusMaster.js';

/** One sub-status: name and colour edited in place, moved up/down, retired or restored. */
export function SubStatusRow(props: {
  sub: SubStatusInfo;
  usage: number;
  first: boolean;
  last: boolean;
  run(action: () => Promise<unknown>, done: string): void;
  move(delta: -1 | 1): void;
}) {
  const { sub, usage, run } = props;
  const [draft, setDraft] = useState<SubStatusDraft>({ name: sub.name, color: sub.color });
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
