import { FormFooter } from '../settings/FormFooter.js';
import { MailSenderFields } from './MailSenderFields.js';
import { SmtpServerFields } from './SmtpServerFields.js';
import { TestMailFields } from './TestMailFields.js';
import { useMailSettingsForm } from './useMailSettingsForm.js';

/** メール: the store's SMTP account, the sender, and the shop texts the templates use. */
export function MailSettingsSection() {
  const { saved, form, set, error, submit } = useMailSettingsForm();
  if (!form || !saved) return error ? <p role="alert">{error}</p> : null;
  return (
    <form className="form" onSubmit={submit} aria-label="メール設定">
      <SmtpServerFields form={form} saved={saved} set={set} />
      <MailSenderFields form={form} set={set} />
      <FormFooter error={error} />
      <TestMailFields />
    </form>
  );
}
