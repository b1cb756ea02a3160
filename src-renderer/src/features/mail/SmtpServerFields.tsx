import type { MailSettings } from '../../../../src-shared/api/mail.js';
import type { MailSettingsForm, SetMailSetting } from './useMailSettingsForm.js';

/** SMTP サーバー: host, port, encryption and the account (the password is never shown). */
export function SmtpServerFields({
  form,
  saved,
  set,
}: {
  form: MailSettingsForm;
  saved: MailSettings;
  set: SetMailSetting;
}) {
  return (
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
        <select value={form.security} onChange={(e) => set('security', e.target.value as MailSettingsForm['security'])}>
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
  );
}
