import type { Masters } from '../../../../src-shared/api/app.js';
import { CHANNEL_LABELS, CHANNELS } from '../../../../src-shared/domain/channels.js';
import { MAIN_STATUSES, STATUS_LABELS } from '../../../../src-shared/domain/status.js';
import { toggled, type CriteriaDraft } from './criteria-form.js';
import type { SetCondition } from './useSearchDialog.js';

interface CheckGroupProps<T> {
  legend: string;
  options: { value: T; label: string }[];
  values: readonly T[];
  onChange(values: T[]): void;
}

function CheckGroup<T extends string | number>({ legend, options, values, onChange }: CheckGroupProps<T>) {
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={String(o.value)}>
          <input
            type="checkbox"
            checked={values.includes(o.value)}
            onChange={() => onChange(toggled(values, o.value))}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

interface Props {
  draft: CriteriaDraft;
  masters: Masters;
  set: SetCondition;
}

/** F5's ticked conditions: チャネル, 決済方法, both statuses, 出荷店舗, and comments / inquiries present. */
export function SearchCheckGroups({ draft, masters, set }: Props) {
  const subStatusOptions = masters.subStatuses.map((s) => ({
    value: s.id,
    label: `${s.name}（${STATUS_LABELS[s.mainStatus as keyof typeof STATUS_LABELS] ?? s.mainStatus}${s.retired ? '・廃止' : ''}）`,
  }));
  return (
    <>
      <CheckGroup
        legend="チャネル"
        options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        values={draft.channels}
        onChange={(v) => set('channels', v)}
      />
      <CheckGroup
        legend="決済方法"
        options={masters.paymentMethods.map((p) => ({ value: p.code, label: p.name }))}
        values={draft.paymentMethods}
        onChange={(v) => set('paymentMethods', v)}
      />
      <CheckGroup
        legend="メインステータス"
        options={MAIN_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        values={draft.statuses}
        onChange={(v) => set('statuses', v)}
      />
      <CheckGroup
        legend="サブステータス"
        options={subStatusOptions}
        values={draft.subStatusIds}
        onChange={(v) => set('subStatusIds', v)}
      />
      <CheckGroup
        legend="出荷店舗"
        options={[...masters.stores.map((s) => ({ value: s.id, label: s.name })), { value: '', label: '未指定' }]}
        values={draft.storeIds}
        onChange={(v) => set('storeIds', v)}
      />
      <fieldset className="check-group">
        <legend>コメント・問合せ</legend>
        <label>
          <input type="checkbox" checked={draft.orderComment} onChange={(e) => set('orderComment', e.target.checked)} />
          注文時コメントあり
        </label>
        <label>
          <input type="checkbox" checked={draft.staffComment} onChange={(e) => set('staffComment', e.target.checked)} />
          受注後コメントあり
        </label>
        <label>
          <input type="checkbox" checked={draft.mailInquiry} onChange={(e) => set('mailInquiry', e.target.checked)} />
          メール問合せあり
        </label>
      </fieldset>
    </>
  );
}
