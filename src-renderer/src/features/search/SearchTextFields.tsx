import type { ReactNode } from 'react';
import type { CriteriaDraft } from './criteria-form.js';
import type { SetCondition } from './useSearchDialog.js';

type TextKey = 'orderNo' | 'buyer' | 'address' | 'email' | 'phone' | 'item' | 'trackingNo' | 'totalMin' | 'totalMax';

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

/** F5's typed conditions: numbers, names, address, contacts, items, 送り状番号, the order dates and the amount range. */
export function SearchTextFields({ draft, set }: { draft: CriteriaDraft; set: SetCondition }) {
  const text = (key: TextKey) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });
  return (
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
  );
}
