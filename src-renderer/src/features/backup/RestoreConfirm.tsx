import type { BackupInfo } from '../../../../src-shared/api/backup.js';
import { formatJst } from '../../format.js';

/** The question before a restore: the data goes back to the backup's time. */
export function RestoreConfirm({
  backup,
  onRestore,
  onCancel,
}: {
  backup: BackupInfo;
  onRestore: (backup: BackupInfo) => void;
  onCancel: () => void;
}) {
  return (
    <div role="alertdialog" aria-label="バックアップの復元" className="backup-confirm">
      <p>
        {formatJst(backup.createdAt)}{' '}
        の時点のデータに戻します。それ以降の変更は消えます（現在のデータは控えとして保存します）。よろしいですか？
      </p>
      <div className="form-actions">
        <button type="button" onClick={() => onRestore(backup)}>
          復元する
        </button>
        <button type="button" onClick={onCancel}>
          やめる
        </button>
      </div>
    </div>
  );
}
