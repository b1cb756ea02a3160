import type { SettingsSection } from '../settings/settings-section.js';
import { MailSettingsSection } from './MailSettingsSection.js';
import { MailTemplatesSection } from './MailTemplatesSection.js';
import { ReminderDaysSection } from './ReminderDaysSection.js';
import { MailPolicySection } from './MailPolicySection.js';

/** The mail domain's pages of the settings dialog (SPEC §4, S6). */
export const mailSettingsSections: SettingsSection[] = [
  { id: 'mail', label: 'メール', Component: MailSettingsSection },
  { id: 'mail-templates', label: 'メールテンプレート', Component: MailTemplatesSection },
  { id: 'mail-policy', label: 'メール方針', Component: MailPolicySection },
  { id: 'reminder-days', label: '催促メール期限管理', Component: ReminderDaysSection },
];
