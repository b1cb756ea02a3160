import type { FormEvent } from 'react';
import type { StaffFormValues } from './useStaff.js';

interface Props {
  form: StaffFormValues;
  onChange(form: StaffFormValues): void;
  onSubmit(e: FormEvent): void;
}

/** スタッフの登録・変更: name, optional PIN (kept when left empty) and the 管理者 flag. */
export function StaffForm({ form, onChange, onSubmit }: Props) {
  return (
    <form className="page-tools" onSubmit={onSubmit} aria-label="スタッフの登録・変更">
      <label>
        名前
        <input value={form.name} onChange={(e) => onChange({ ...form, name: e.target.value })} />
      </label>
      <label>
        PIN（4〜8桁・任意）
        <input
          inputMode="numeric"
          autoComplete="off"
          value={form.pin}
          placeholder={form.id ? '変更するときだけ' : ''}
          onChange={(e) => onChange({ ...form, pin: e.target.value })}
        />
      </label>
      <label className="inline">
        <span>
          <input
            type="checkbox"
            checked={form.isManager}
            onChange={(e) => onChange({ ...form, isManager: e.target.checked })}
          />{' '}
          管理者
        </span>
      </label>
      <button type="submit">{form.id ? 'スタッフを保存' : 'スタッフを追加'}</button>
    </form>
  );
}
