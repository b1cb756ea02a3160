import { useState } from 'react';
import type { MailSettings } from '../../../../src-shared/api/mail.js';
import { invoke } from '../../api/client.js';
import { FormFooter } from '../settings/FormFooter.js';
import { useSettingsForm } from '../settings/useSettingsForm.js';

type Form = Omit<MailSettings, 'hasPassword' | 'passwordProtection' | 'loginWarning'> & { password: string };

/** メール: the store's SMTP account, the sender, and the shop texts the templates use. */
export function MailSettingsSection() {
  const { saved, form, setForm, error, submit } = useSettingsForm<MailSettings, Form>({
    load: () => invoke('mail:settings', {}),
    // An empty password field keeps the stored password.
    save: ({ password, ...rest }) => invoke('mail:saveSettings', { ...rest, password: password || undefined }),
    toForm: (s) => ({
      host: s.host,
      port: s.port,
      security: s.security,
      user: s.user,
      password: '',
      fromAddress: s.fromAddress,
      fromName: s.fromName,
      encoding: s.encoding,
      htmlPart: s.htmlPart,
      shopName: s.shopName,
      signature: s.signature,
      bankAccount: s.bankAccount,
    }),
    savedMessage: 'メール設定を保存しました。',
  });
  const [testTo, setTestTo] = useState('');
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [testing, setTesting] = useState(false);
  if (!form || !saved) return error ? <p role="alert">{error}</p> : null;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm({ ...form, [key]: value });
  const test = () => {
    setTesting(true);
    setTestResult(null);
    invoke('mail:testSend', { to: testTo })
      .then(
        (r) => setTestResult({ ok: true, text: r.message }),
        (err: Error) => setTestResult({ ok: false, text: err.message }),
      )
      .finally(() => setTesting(false));
  };
  return (
    <form className="form" onSubmit={submit} aria-label="メール設定">
      <fieldset className="form-group">
        <legend>SMTP サーバー</legend>
        <label>
          SMTP サーバー
          <input value={form.host} onChange={(e) => set('host', e.target.value)} placeholder="smtp.example.jp" />
        </label>
        <label>
          ポート番号
          <input type="number" value={form.port} onChange={(e) => set('port', Number(e.target.value))} />
        </label>
        <label>
          暗号化
          <select value={form.security} onChange={(e) => set('security', e.target.value as Form['security'])}>
            <option value="starttls">STARTTLS（ポート 587）</option>
            <option value="tls">SSL/TLS（ポート 465）</option>
            <option value="none">なし（社内サーバーのみ）</option>
          </select>
        </label>
        <label>
          ユーザー名
          <input value={form.user} onChange={(e) => set('user', e.target.value)} autoComplete="off" />
        </label>
        <label>
          パスワード
          <input
            type="password"
            value={form.password}
            onChange={(e) => set('password', e.target.value)}
            autoComplete="new-password"
            placeholder={saved.hasPassword ? '保存済み（変更する場合だけ入力）' : '未設定'}
          />
        </label>
        <p className="form-hint">パスワードの保存: {saved.passwordProtection}</p>
        <p className="form-hint">
          サーバー・ポート番号・暗号化・ユーザー名を変えたときは、パスワードも入力してください（保存済みのパスワードは新しい設定には使いません）。
        </p>
        {saved.loginWarning ? (
          <p role="note" className="form-error">
            {saved.loginWarning}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="form-group">
        <legend>送信元と文面</legend>
        <label>
          送信元アドレス
          <input
            value={form.fromAddress}
            onChange={(e) => set('fromAddress', e.target.value)}
            placeholder="shop@example.jp"
          />
        </label>
        <label>
          送信元の名前
          <input value={form.fromName} onChange={(e) => set('fromName', e.target.value)} />
        </label>
        <label>
          文字コード
          <select value={form.encoding} onChange={(e) => set('encoding', e.target.value as Form['encoding'])}>
            <option value="utf8">UTF-8（標準）</option>
            <option value="iso2022jp">ISO-2022-JP（古いメールソフト向け）</option>
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={form.htmlPart}
            disabled={form.encoding !== 'utf8'}
            onChange={(e) => set('htmlPart', e.target.checked)}
          />
          HTML 形式も付ける（リンクを押せるメール。UTF-8 のときだけ）
        </label>
        <label>
          店舗名（{'{{店舗名}}'}）
          <input value={form.shopName} onChange={(e) => set('shopName', e.target.value)} />
        </label>
        <label>
          振込先（{'{{振込先}}'}）
          <textarea rows={3} value={form.bankAccount} onChange={(e) => set('bankAccount', e.target.value)} />
        </label>
        <label>
          署名（{'{{署名}}'}）
          <textarea rows={4} value={form.signature} onChange={(e) => set('signature', e.target.value)} />
        </label>
      </fieldset>
      <FormFooter error={error} />
      <fieldset className="form-group">
        <legend>テストメール</legend>
        <label>
          テストメールの宛先
          <input value={testTo} onChange={(e) => setTestTo(e.target.value)} placeholder="自分のメールアドレス" />
        </label>
        <div className="form-actions">
          <button type="button" disabled={testing} onClick={test}>
            {testing ? '送信中…' : 'テストメールを送信'}
          </button>
        </div>
        <p className="form-hint">保存した設定で送信します。変更した場合は先に保存してください。</p>
        {testResult ? (
          <p role={testResult.ok ? 'status' : 'alert'} className={testResult.ok ? 'form-hint' : 'form-error'}>
            {testResult.text}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
