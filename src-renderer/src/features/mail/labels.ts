import {
  MAIL_KIND_LABELS,
  MAIL_RESULT_LABELS,
  isMailKind,
  type MailResult,
} from '../../../../src-shared/domain/mail.js';

export function kindLabel(kind: string): string {
  return isMailKind(kind) ? MAIL_KIND_LABELS[kind] : kind;
}

export function resultLabel(result: MailResult): string {
  return MAIL_RESULT_LABELS[result] ?? result;
}
