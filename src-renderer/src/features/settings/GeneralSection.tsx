import type { GeneralSettings } from '../../../../src-shared/api/settings.js';
import { invoke } from '../../api/client.js';
import { useScreen } from '../../screen/screen-context.js';
import { FormFooter } from './FormFooter.js';
import { useSettingsForm } from './useSettingsForm.js';

/** 基本: who works at this PC and for which shipping store. */
export function GeneralSection() {
  const screen = useScreen();
  const { form, setForm, error, submit } = useSettingsForm<GeneralSettings, GeneralSettings>({
    load: () => invoke('settings:general', {}),
    save: (general) => invoke('settings:saveGeneral', general),
    toForm: (general) => general,
    savedMessage: '基本設定を保存しました。',
  });
  if (!form) return error ? <p role="alert">{error}</p> : null;
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
      <FormFooter error={error} />
    </form>
  );
}
