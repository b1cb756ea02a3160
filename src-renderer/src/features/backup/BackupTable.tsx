import { BACKUP_REASON_LABELS, type BackupInfo } from '../../../../src-shared/api/backup.js';
import { formatJst } from '../../format.js';

const size = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('ja-JP', { maximumFractionDigits: 1 })} MB`;

/** バックアップ一覧: when, why and how big each backup is, with its 復元 button. */
export function BackupTable({
  backups,
  busy,
  onRestore,
}: {
  backups: BackupInfo[] | undefined;
  busy: boolean;
  onRestore: (backup: BackupInfo) => void;
}) {
  return (
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
        {backups?.map((b) => (
          <tr key={b.name}>
            <td>{formatJst(b.createdAt)}</td>
            <td>{BACKUP_REASON_LABELS[b.reason]}</td>
            <td>{size(b.bytes)}</td>
            <td>
              <button
                type="button"
                disabled={busy}
                onClick={() => onRestore(b)}
                aria-label={`${formatJst(b.createdAt)} のバックアップを復元`}
              >
                復元
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
