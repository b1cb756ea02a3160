import { useEffect, useState, type FormEvent } from 'react';
import type { SyncSettings } from '../../../../src-shared/api/sync.js';
import { readSetupString } from '../../../../src-shared/sync/setup-string.js';
import { invoke } from '../../api/client.js';
import { useScreen } from '../../screen/screen-context.js';
import { FormError } from '../../components/FormError.js';

/** 同期: the central server's address and this PC's token (never shown back). */
export function SyncSection() {
  const screen = useScreen();
  const [saved, setSaved] = useState<SyncSettings | null>(null);
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    invoke('sync:settings', {}).then(
      (s) => {
        setSaved(s);
        setServerUrl(s.serverUrl);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  if (!saved) return error ? <p role="alert">{error}</p> : null;
  // The console's setup string (pasted, or typed by a 2D scanner from its QR code) fills both fields.
  const changeAddress = (value: string) => {
    const setup = readSetupString(value);
    setServerUrl(setup ? setup.serverUrl : value);
    if (setup) setToken(setup.token);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    invoke('sync:saveSettings', { serverUrl, token })
      .then(
        (s) => {
          setSaved(s);
          setToken('');
          setError('');
          screen.notify(
            'info',
            s.serverUrl
              ? `中央サーバーに接続しました（${s.storeName ?? ''}）。F6 で最新取得できます。`
              : '中央サーバーとの同期を止めました。',
          );
        },
        (err: Error) => setError(err.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form className="form" onSubmit={submit}>
      <label>
        中央サーバーのアドレス
        <input
          value={serverUrl}
          placeholder="https://chumon.example.jp（本部コンソールの設定文字列も可）"
          onChange={(e) => changeAddress(e.target.value)}
        />
      </label>
      <label>
        この PC のトークン
        <input
          type="password"
          autoComplete="off"
          value={token}
          placeholder={saved.hasToken ? '保存済み（変更するときだけ入力）' : '管理者から受け取ったトークン'}
          onChange={(e) => setToken(e.target.value)}
        />
      </label>
      {saved.serverUrl ? (
        <p className="form-note">
          接続先の店舗：{saved.storeName ?? '—'}
          {saved.isHeadOffice ? '（本部：すべての店舗の注文を表示）' : ''}
        </p>
      ) : (
        <p className="form-note">アドレスを空にして保存すると、同期を止めてこの PC だけで使います。</p>
      )}
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? '確認中…' : '接続を確認して保存'}
        </button>
      </div>
    </form>
  );
}
