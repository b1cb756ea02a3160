import { useState } from 'react';
import { Dialog, type Unsaved } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { SETTINGS_SECTIONS } from './sections.js';
import { ReportUnsaved } from './settings-unsaved.js';

/** 設定: one dialog, a tab per domain's section (SPEC §6). */
export function SettingsDialog() {
  const screen = useScreen();
  const [current, setCurrent] = useState(SETTINGS_SECTIONS[0]!.id);
  const section = SETTINGS_SECTIONS.find((s) => s.id === current)!;
  const [unsaved, setUnsaved] = useState<Unsaved | null>(null);
  return (
    <Dialog title="設定" onClose={screen.closeDialog} wide unsaved={unsaved ?? undefined}>
      <div className="settings">
        <div role="tablist" aria-label="設定の項目" className="settings-tabs">
          {SETTINGS_SECTIONS.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              aria-selected={s.id === current}
              onClick={() => setCurrent(s.id)}
            >
              {s.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" aria-label={section.label} className="settings-panel">
          <ReportUnsaved.Provider value={setUnsaved}>
            <section.Component />
          </ReportUnsaved.Provider>
        </div>
      </div>
    </Dialog>
  );
}
