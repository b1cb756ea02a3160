import type { MailEncoding } from '../../src-shared/api/mail.js';

export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  /** HTML alternative, '' for none (ISO-2022-JP mails are always plain text). */
  html: string;
  /** "<...@...>", fixed before the send and logged, so a retry can reuse it. */
  messageId: string;
  date: Date;
  encoding: MailEncoding;
}
