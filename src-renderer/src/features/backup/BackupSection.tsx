import type { BackupSettings } from '../../../../src-shared/api/backup.js';
import { invoke } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { useSettingsForm } from '../settings/useSettingsForm.js';
import { BackupTable } from './BackupTable.js';
import { RestoreConfirm } from './RestoreConfirm.js';
import { useBackups } from './useBackups.js';

/**
 * バックアップ: automatic backups (daily, before updates), a manual one, and restore. Closing 設定
 * with edited settings not yet saved asks 「変更を保存しますか」.
 */
export function BackupSection() {
  const settings = useSettingsForm<BackupSettings, BackupSettings>({
    load: () => invoke('backup:settings', {}),
    save: (input) => invoke('backup:saveSettings', input),
    toForm: (saved) => saved,
    savedMessage: 'バックアップの設定を保存しました。',
  });
  const { form, setForm } = settings;
  const { list, busy, error, confirming, setConfirming, backupNow, restore } = useBackups();

  return (
    <div className="form backup-section">
      {form ? (
        <form className="form" onSubmit={settings.submit}>
          <label>
            保存する世代数
            <input
              type="number"
              min={1}
              max={365}
              value={form.keep}
              onChange={(e) => setForm({ ...form, keep: e.target.valueAsNumber })}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={form.daily}
              onChange={(e) => setForm({ ...form, daily: e.target.checked })}
            />
            毎日自動でバックアップする
          </label>
          <div className="form-actions">
            <button type="submit" disabled={Boolean(busy)}>
              保存
            </button>
            <button type="button" onClick={backupNow} disabled={Boolean(busy)}>
              今すぐバックアップ
            </button>
          </div>
        </form>
      ) : null}
      {busy ? <p role="status">{busy}</p> : null}
      <FormError message={error || settings.error} />
      {confirming ? (
        <RestoreConfirm backup={confirming} onRestore={restore} onCancel={() => setConfirming(null)} />
      ) : null}
      <BackupTable backups={list?.backups} busy={Boolean(busy)} onRestore={setConfirming} />
      {list && list.backups.length === 0 ? <p>バックアップはまだありません。</p> : null}
      {list ? <p className="note">保存場所: {list.folder}（設定ファイルはバックアップに含まれません）</p> : null}
    </div>
  );
}
