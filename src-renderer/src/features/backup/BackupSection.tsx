import { useCallback, useEffect, useState } from 'react';
import {
  BACKUP_REASON_LABELS,
  type BackupInfo,
  type BackupList,
  type BackupSettings,
} from '../../../../src-shared/api/backup.js';
import { invoke } from '../../api/client.js';
import { formatJst } from '../../format.js';
import { useScreen } from '../../screen/screen-context.js';
import { FormError } from '../../components/FormError.js';
import { useSettingsForm } from '../settings/useSettingsForm.js';

const size = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('ja-JP', { maximumFractionDigits: 1 })} MB`;

/**
 * バックアップ: automatic backups (daily, before updates), a manual one, and restore. Closing 設定
 * with edited settings not yet saved asks 「変更を保存しますか」.
 */
export function BackupSection() {
  const screen = useScreen();
  const [list, setList] = useState<BackupList | null>(null);
  const settings = useSettingsForm<BackupSettings, BackupSettings>({
    load: () => invoke('backup:settings', {}),
    save: (input) => invoke('backup:saveSettings', input),
    toForm: (saved) => saved,
    savedMessage: 'バックアップの設定を保存しました。',
  });
  const { form, setForm } = settings;
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);

  const reload = useCallback(() => {
    invoke('backup:list', {}).then(setList, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    reload();
  }, [reload]);

  const run = (label: string, task: () => Promise<void>) => {
    setBusy(label);
    setError('');
    task()
      .catch((e: Error) => setError(e.message))
      .finally(() => {
        setBusy('');
        reload();
      });
  };
  const backupNow = () =>
    run('バックアップ中…', async () => {
      const made = await invoke('backup:create', {});
      screen.notify('info', `バックアップを作成しました（${formatJst(made.createdAt)}）。`);
    });
  const restore = (backup: BackupInfo) =>
    run('復元中…', async () => {
      setConfirming(null);
      const result = await invoke('backup:restore', { name: backup.name });
      screen.notify(
        'info',
        `${formatJst(backup.createdAt)} のバックアップを復元しました。復元前のデータは控え（${result.safetyCopy}）として保存しています。`,
      );
    });

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
        <div role="alertdialog" aria-label="バックアップの復元" className="backup-confirm">
          <p>
            {formatJst(confirming.createdAt)}{' '}
            の時点のデータに戻します。それ以降の変更は消えます（現在のデータは控えとして保存します）。よろしいですか？
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => restore(confirming)}>
              復元する
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              やめる
            </button>
          </div>
        </div>
      ) : null}
      <table className="history" aria-label="バックアップ一覧">
        <thead>
          <tr>
            <th>作成日時</th>
            <th>種類</th>
            <th>サイズ</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list?.backups.map((b) => (
            <tr key={b.name}>
              <td>{formatJst(b.createdAt)}</td>
              <td>{BACKUP_REASON_LABELS[b.reason]}</td>
              <td>{size(b.bytes)}</td>
              <td>
                <button
                  type="button"
                  disabled={Boolean(busy)}
                  onClick={() => setConfirming(b)}
                  aria-label={`${formatJst(b.createdAt)} のバックアップを復元`}
                >
                  復元
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list && list.backups.length === 0 ? <p>バックアップはまだありません。</p> : null}
      {list ? <p className="note">保存場所: {list.folder}（設定ファイルはバックアップに含まれません）</p> : null}
    </div>
  );
}
