import { useState } from 'react';
import type { SyncSettings } from '../../../../src-shared/api/sync.js';
import { readSetupString } from '../../../../src-shared/sync/setup-string.js';
import { invoke } from '../../api/client.js';
import { useSettingsForm } from '../settings/useSettingsForm.js';
import { FormError } from '../../components/FormError.js';

interface SyncForm {
  serverUrl: string;
  token: string;
}

/**
 * 同期: the central server's address and this PC's token (never shown back). Closing 設定 with
 * edits not yet saved asks 「変更を保存しますか」.
 */
export function SyncSection() {
  const [busy, setBusy] = useState(false);
  const { saved, form, setForm, error, submit } = useSettingsForm<SyncSettings, SyncForm>({
    load: () => invoke('sync:settings', {}),
    save: (input) => {
      setBusy(true);
      return invoke('sync:saveSettings', input).finally(() => setBusy(false));
    },
    toForm: (s) => ({ serverUrl: s.serverUrl, token: '' }),
    savedMessage: (s) =>
      s.serverUrl
        ? `中央サーバーに接続しました（${s.storeName ?? ''}）。F6 で最新取得できます。`
        : '中央サーバーとの同期を止めました。',
  });
  if (!saved || !form) return error ? <p role="alert">{error}</p> : null;
  const { serverUrl, token } = form;
  // The console's setup string (pasted, or typed by a 2D scanner from its QR code) fills both fields.
  const changeAddress = (value: string) => {
    const setup = readSetupString(value);
    setForm(setup ? { serverUrl: setup.serverUrl, token: setup.token } : { ...form, serverUrl: value });
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
          onChange={(e) => setForm({ ...form, token: e.target.value })}
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
