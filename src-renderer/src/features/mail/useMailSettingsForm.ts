import type { MailSettings } from '../../../../src-shared/api/mail.js';
import { invoke } from '../../api/client.js';
import { useSettingsForm } from '../settings/useSettingsForm.js';

/** The メール設定 form: what is stored, but the password field starts empty. */
export type MailSettingsForm = Omit<MailSettings, 'hasPassword' | 'passwordProtection' | 'loginWarning'> & {
  password: string;
};

/** One field of the form changed: the whole form with the new value. */
export type SetMailSetting = <K extends keyof MailSettingsForm>(key: K, value: MailSettingsForm[K]) => void;

/** The メール設定 page's form, read when the page opens and saved on submit. */
export function useMailSettingsForm() {
  const settings = useSettingsForm<MailSettings, MailSettingsForm>({
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
  const { form, setForm } = settings;
  const set: SetMailSetting = (key, value) => {
    if (form) setForm({ ...form, [key]: value });
  };
  return { ...settings, set };
}
