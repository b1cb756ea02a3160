import type { FormEvent } from 'react';
import { FormError } from '../../src/components/FormError.js';
import type { StoreFormValues } from './useStoreForm.js';

interface Props {
  form: StoreFormValues;
  error: string;
  done: string;
  onChange(form: StoreFormValues): void;
  onSubmit(e: FormEvent): void;
}

/** 店舗の登録・変更: 店舗ID, 店舗名 and the 本部 flag, with the save result. */
export function StoreForm({ form, error, done, onChange, onSubmit }: Props) {
  return (
    <form className="console-section page-tools" onSubmit={onSubmit} aria-label="店舗の登録・変更">
      <label>
        店舗ID
        <input value={form.id} onChange={(e) => onChange({ ...form, id: e.target.value })} placeholder="tokyo" />
      </label>
      <label>
        店舗名
        <input value={form.name} onChange={(e) => onChange({ ...form, name: e.target.value })} />
      </label>
      <label className="inline">
        <span>
          <input
            type="checkbox"
            checked={form.isHeadOffice}
            onChange={(e) => onChange({ ...form, isHeadOffice: e.target.checked })}
          />{' '}
          本部
        </span>
      </label>
      <button type="submit">保存</button>
      <FormError message={error} />
      {done ? <span role="status">{done}</span> : null}
    </form>
  );
}
