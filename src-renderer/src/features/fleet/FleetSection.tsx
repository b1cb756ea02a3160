import { useEffect, useState } from 'react';
import { UPDATE_HOW_TO } from '../../../../src-shared/console/updates.js';
import { invoke } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { useUpdateCheck } from './UpdateNotice.js';

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * 更新・ログ: whether head office has a newer version for this store, and 「ログを本部へ送信」
 * (the last 7 days of logs and crash dumps, personal data removed, for head office's help).
 */
export function FleetSection() {
  const [check, recheck] = useUpdateCheck();
  const [mode, setMode] = useState<'electron' | 'browser'>('browser');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () =>
      void invoke('app:info', {}).then(
        (info) => setMode(info.mode),
        () => undefined,
      ),
    [],
  );

  const send = () => {
    setBusy(true);
    setError(null);
    setDone(null);
    invoke('logs:send', { note })
      .then(
        (sent) => {
          setDone(
            `ログ ${sent.files} ファイル（${size(sent.bytes)}）を本部へ送信しました。` +
              (sent.skipped > 0 ? `上限を超える ${sent.skipped} ファイルは送っていません。` : ''),
          );
          setNote('');
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className="form">
      <h3>更新</h3>
      <p aria-label="更新の状態">
        この PC のバージョン：{check?.current ?? '—'}
        {check?.available ? `　新しいバージョン ${check.version} が配布されています。` : ''}
        {check && !check.available && !check.problem ? '　最新です。' : ''}
      </p>
      {check?.available ? <p className="form-note">{UPDATE_HOW_TO[mode]}</p> : null}
      {check?.problem ? <p className="form-note">{check.problem}</p> : null}
      <div className="form-actions">
        <button type="button" onClick={recheck}>
          更新を確認
        </button>
      </div>
      <h3>ログを本部へ送信</h3>
      <p className="form-note">
        この PC
        の過去7日間のログ（と異常終了の記録）を本部へ送ります。お客様の氏名・住所・電話番号・メールアドレスは含まれません。
      </p>
      <label>
        本部へのメモ（任意）
        <textarea value={note} maxLength={1000} rows={3} onChange={(e) => setNote(e.target.value)} />
      </label>
      <FormError message={error} />
      {done ? <p role="status">{done}</p> : null}
      <div className="form-actions">
        <button type="button" disabled={busy} onClick={send}>
          {busy ? '送信中…' : 'ログを本部へ送信'}
        </button>
      </div>
    </div>
  );
}
