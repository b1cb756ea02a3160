import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { CHANNEL_LABELS, CHANNELS } from '../../../../src-shared/domain/channels.js';
import { MAIN_STATUSES, STATUS_LABELS } from '../../../../src-shared/domain/status.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { criteriaOf, draftOf, EMPTY_DRAFT, toggled, type CriteriaDraft } from './criteria-form.js';
import { FormError } from '../../components/FormError.js';

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

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="search-field">
      <span>
        {label}
        {hint ? <small>（{hint}）</small> : null}
      </span>
      {children}
    </label>
  );
}

/**
 * F5 注文検索 (S10): every condition, all applying together. Opens with the last conditions;
 * the conditions are checked by running the search before the dialog closes, so a mistake
 * is shown here, next to the fields, and the list stays as it was.
 */
export function SearchDialog() {
  const screen = useScreen();
  const { masters } = screen;
  const [draft, setDraft] = useState<CriteriaDraft | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const shown = screen.view.kind === 'search' ? screen.view.criteria : null;
    if (shown) {
      setDraft(draftOf(shown));
      return;
    }
    invoke('ui:state', {}).then(
      (state) => setDraft(draftOf(state.lastSearch)),
      () => setDraft(EMPTY_DRAFT),
    );
    // Filled once when the dialog opens.
  }, []);
  if (!draft) return null;
  const set = <K extends keyof CriteriaDraft>(key: K, value: CriteriaDraft[K]) => setDraft({ ...draft, [key]: value });
  const text = (
    key: 'orderNo' | 'buyer' | 'address' | 'email' | 'phone' | 'item' | 'trackingNo' | 'totalMin' | 'totalMax',
  ) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Not a disabled button: focus would drop out of the dialog and Escape stop working.
    if (busy) return;
    setBusy(true);
    try {
      const criteria = criteriaOf(draft);
      if (Object.keys(criteria).length === 0) throw new Error('検索条件を1つ以上入力してください。');
      await invoke('orders:list', { criteria, limit: 1 });
      await invoke('ui:saveSearch', { criteria });
      screen.showList({ kind: 'search', criteria });
      screen.closeDialog();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const subStatusOptions = masters.subStatuses.map((s) => ({
    value: s.id,
    label: `${s.name}（${STATUS_LABELS[s.mainStatus as keyof typeof STATUS_LABELS] ?? s.mainStatus}${s.retired ? '・廃止' : ''}）`,
  }));
  return (
    <Dialog
      title="注文検索"
      onClose={screen.closeDialog}
      wide
      footer={
        <>
          <button type="button" onClick={() => setDraft(EMPTY_DRAFT)}>
            条件をクリア
          </button>
          <button type="button" onClick={screen.closeDialog}>
            キャンセル
          </button>
          <button type="submit" form="search-form" aria-busy={busy}>
            検索
          </button>
        </>
      }
    >
      <form id="search-form" className="search-form" onSubmit={submit}>
        <div className="search-grid">
          <Field label="注文番号" hint="一部でも可">
            <input {...text('orderNo')} autoFocus />
          </Field>
          <Field label="購入者名・カナ" hint="かな・カナ・半角カナ・全角半角を区別しません">
            <input {...text('buyer')} />
          </Field>
          <Field label="住所" hint="一部でも可">
            <input {...text('address')} />
          </Field>
          <Field label="メールアドレス" hint="先頭から">
            <input {...text('email')} />
          </Field>
          <Field label="電話番号" hint="先頭から・ハイフン不要">
            <input {...text('phone')} inputMode="tel" />
          </Field>
          <Field label="SKU・商品名" hint="一部でも可">
            <input {...text('item')} />
          </Field>
          <Field label="送り状番号" hint="一部でも可">
            <input {...text('trackingNo')} />
          </Field>
          <div className="search-range">
            <Field label="注文日（から）">
              <input type="date" value={draft.orderedFrom} onChange={(e) => set('orderedFrom', e.target.value)} />
            </Field>
            <Field label="注文日（まで）">
              <input type="date" value={draft.orderedTo} onChange={(e) => set('orderedTo', e.target.value)} />
            </Field>
          </div>
          <div className="search-range">
            <Field label="金額（下限）">
              <input {...text('totalMin')} inputMode="numeric" />
            </Field>
            <Field label="金額（上限）">
              <input {...text('totalMax')} inputMode="numeric" />
            </Field>
          </div>
        </div>
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
            <input
              type="checkbox"
              checked={draft.orderComment}
              onChange={(e) => set('orderComment', e.target.checked)}
            />
            注文時コメントあり
          </label>
          <label>
            <input
              type="checkbox"
              checked={draft.staffComment}
              onChange={(e) => set('staffComment', e.target.checked)}
            />
            受注後コメントあり
          </label>
          <label>
            <input type="checkbox" checked={draft.mailInquiry} onChange={(e) => set('mailInquiry', e.target.checked)} />
            メール問合せあり
          </label>
        </fieldset>
        <FormError message={error} />
      </form>
    </Dialog>
  );
}
