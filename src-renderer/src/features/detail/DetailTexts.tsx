import type { Masters } from '../../../../src-shared/api/app.js';
import type { Draft } from './draft.js';

type TextsDraft = Pick<Draft, 'subStatusId' | 'orderComment' | 'staffComment'>;

interface Props {
  draft: TextsDraft;
  /** The sub-statuses offered: the order's status's, retired ones only when the order has it. */
  subStatuses: Masters['subStatuses'];
  onChange(change: Partial<TextsDraft>): void;
}

/** サブステータス (the dialog's first focus) and both comments. */
export function DetailTexts({ draft, subStatuses, onChange }: Props) {
  return (
    <div className="form detail-texts">
      <label>
        サブステータス
        <select
          data-initial-focus
          value={draft.subStatusId ?? ''}
          onChange={(e) => onChange({ subStatusId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">（なし）</option>
          {subStatuses.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.retired ? '（使用終了）' : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        注文時コメント
        <textarea
          rows={2}
          value={draft.orderComment}
          maxLength={2000}
          onChange={(e) => onChange({ orderComment: e.target.value })}
        />
      </label>
      <label>
        受注後コメント
        <textarea
          rows={2}
          value={draft.staffComment}
          maxLength={2000}
          onChange={(e) => onChange({ staffComment: e.target.value })}
        />
      </label>
    </div>
  );
}
