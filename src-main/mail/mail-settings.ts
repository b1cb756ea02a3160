import { z } from 'zod';
import type { MailSettings, mailSettingsInput } from '../../src-shared/api/mail.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { AppContext } from '../core/app-context.js';
import { defaultSettings, type StoredMailSettings } from '../settings/settings.js';
import type { SmtpConfig } from './transport.js';

/** What the mail settings are kept in: the settings, and the cipher that seals the SMTP password. */
type MailSettingsParts = Pick<AppContext, 'settings' | 'secrets'>;

/** Stored mail settings, with defaults for fields a settings file from an older version lacks. */
export function storedMailSettings(ctx: Pick<AppContext, 'settings'>): StoredMailSettings {
  const defaults = defaultSettings({ user: '', hostname: '' }).mail;
  return { ...defaults, ...(ctx.settings.get('mail') ?? {}) };
}

const CLEAR_LOGIN =
  '暗号化「なし」のため、パスワードは暗号化されずにメールサーバーへ送られます。社内のサーバー以外では「STARTTLS」か「SSL/TLS」を選んでください。';

export async function mailSettingsView(ctx: MailSettingsParts): Promise<MailSettings> {
  const { passwordSealed, ...rest } = storedMailSettings(ctx);
  const hasPassword = passwordSealed !== '';
  return {
    ...rest,
    hasPassword,
    passwordProtection: await ctx.secrets.describe(),
    loginWarning: hasPassword && rest.security === 'none' ? CLEAR_LOGIN : null,
  };
}

/** What the stored password belongs to: change any of it and the password is not reused. */
const ACCOUNT_FIELDS = ['host', 'port', 'security', 'user'] as const;

export async function saveMailSettings(
  ctx: MailSettingsParts,
  input: z.output<typeof mailSettingsInput>,
): Promise<MailSettings> {
  const current = storedMailSettings(ctx);
  const { password, clearPassword, ...fields } = input;
  // A new server, port, encryption or account never gets the old password: it is typed again.
  const moved = ACCOUNT_FIELDS.some((f) => fields[f] !== current[f]);
  let passwordSealed = clearPassword || moved ? '' : current.passwordSealed;
  if (password) {
    if (!(await ctx.secrets.isAvailable())) {
      throw new UserError(
        'この PC ではパスワードを暗号化して保存できないため、保存しませんでした。管理者にご相談ください。',
      );
    }
    passwordSealed = await ctx.secrets.encrypt(password);
  }
  ctx.settings.set('mail', { ...fields, passwordSealed });
  return mailSettingsView(ctx);
}

/** What a send needs, with the password opened; refuses when the settings are incomplete. */
export async function smtpConfig(ctx: MailSettingsParts): Promise<{ smtp: SmtpConfig; mail: StoredMailSettings }> {
  const mail = storedMailSettings(ctx);
  if (!mail.host || !mail.fromAddress) {
    throw new UserError(
      'メールの送信設定がされていません。設定 → メール で SMTP サーバーと送信元アドレスを設定してください。',
      'mail_not_configured',
    );
  }
  let password = '';
  if (mail.passwordSealed) {
    try {
      password = await ctx.secrets.decrypt(mail.passwordSealed);
    } catch {
      // The cause may quote sealed bytes; the clerk needs only what to do.
      throw new UserError(
        '保存されている SMTP パスワードを復号できません。設定 → メール でパスワードを入力し直してください。',
        'secret_unreadable',
      );
    }
  }
  return { smtp: { host: mail.host, port: mail.port, security: mail.security, user: mail.user, password }, mail };
}
