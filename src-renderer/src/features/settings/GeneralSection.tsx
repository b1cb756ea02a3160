import { useEffect, useState, type FormEvent } from 'react';
import type { GeneralSettings } from '../../../../src-shared/api/settings.js';
import { invoke } from '../../api/client.js';
import { useScreen } from '../../screen/screen-context.js';

/** 基本: who works at this PC and for which shipping store. */
export function GeneralSection() {
  const screen = useScreen();
  const [form, setForm] = useState<GeneralSettings | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    invoke('settings:general', {}).then(setForm, (e: Error) => setError(e.message));
  }, []);
  if (!form) return error ? <p role="alert">{error}</p> : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invoke('settings:saveGeneral', form).then(
      () => {
        setError('');
        screen.notify('info', '基本設定を保存しました。');
        screen.refresh();
      },
      (err: Error) => setError(err.message),
    );
  };
  return (
    <form className="form" onSubmit={submit}>
      <label>
        担当者名
        <input value={form.operator} onChange={(e) => setForm({ ...form, operator: e.target.value })} />
      </label>
      <label>
        PC名
        <input value={form.pcId} onChange={(e) => setForm({ ...form, pcId: e.target.value })} />
      </label>
      <label>
        この PC の出荷店舗
        <select value={form.storeId ?? ''} onChange={(e) => setForm({ ...form, storeId: e.target.value || null })}>
          <option value="">全店舗（本部）</option>
          {screen.masters.stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {error ? <p role="alert" className="form-error">{error}</p> : null}
      <div className="form-actions">
        <button type="submit">保存</button>
      </div>
    </form>
  );
}
