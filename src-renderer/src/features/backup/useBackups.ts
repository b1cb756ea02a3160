import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, BackupList } from '../../../../src-shared/api/backup.js';
import { invoke } from '../../api/client.js';
import { formatJst } from '../../format.js';
import { useScreen } from '../../screen/screen-context.js';

/**
 * The バックアップ list and its two actions (a backup now, a restore after the clerk confirms).
 * One action at a time: `busy` is its status line; the list is read again after each.
 */
export function useBackups() {
  const screen = useScreen();
  const [list, setList] = useState<BackupList | null>(null);
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

  return { list, busy, error, confirming, setConfirming, backupNow, restore };
}
