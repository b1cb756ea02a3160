import type { PackingSettings } from '../../../../src-shared/api/packing.js';
import { invoke } from '../../api/client.js';
import { useScreen } from '../../screen/screen-context.js';
import { FormFooter } from '../settings/FormFooter.js';
import { useSettingsForm } from '../settings/useSettingsForm.js';

/** Saves each store whose checkbox changed; the answer is what is stored after the last one. */
async function saveChanged(form: PackingSettings): Promise<PackingSettings> {
  let stored = await invoke('packing:settings', {});
  const wanted = new Set(form.requiredStores);
  const changed = new Set(
    [...wanted, ...stored.requiredStores].filter((id) => wanted.has(id) !== stored.requiredStores.includes(id)),
  );
  for (const storeId of changed)
    stored = await invoke('packing:saveSettings', { storeId, required: wanted.has(storeId) });
  return stored;
}

/** 検品: per store, whether 出荷確定 waits until the order is 検品済. */
export function PackingSettingsSection() {
  const screen = useScreen();
  const { form, setForm, error, submit } = useSettingsForm<PackingSettings, PackingSettings>({
    load: () => invoke('packing:settings', {}),
    save: saveChanged,
    toForm: (settings) => ({ requiredStores: [...settings.requiredStores].sort() }),
    savedMessage: '検品の設定を保存しました。',
  });
  if (!form) return error ? <p role="alert">{error}</p> : null;
  const toggle = (storeId: string, on: boolean) => {
    const rest = form.requiredStores.filter((id) => id !== storeId);
    setForm({ requiredStores: (on ? [...rest, storeId] : rest).sort() });
  };
  return (
    <form className="form" onSubmit={submit}>
      <fieldset>
        <legend>検品してから出荷確定する</legend>
        {screen.masters.stores.map((s) => (
          <label key={s.id}>
            <input
              type="checkbox"
              checked={form.requiredStores.includes(s.id)}
              onChange={(e) => toggle(s.id, e.target.checked)}
            />
            {s.name}
          </label>
        ))}
      </fieldset>
      <FormFooter error={error} />
    </form>
  );
}
