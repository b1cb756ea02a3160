import type { MailSettingsForm, SetMailSetting } from './useMailSettingsForm.js';

/** 送信元と文面: the sender, the encoding, and the shop texts the templates put in. */
export function MailSenderFields({ form, set }: { form: MailSettingsForm; set: SetMailSetting }) {
  return (
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
        <select value={form.encoding} onChange={(e) => set('encoding', e.target.value as MailSettingsForm['encoding'])}>
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
  );
}
