import type BetterSqlite3 from 'better-sqlite3';
import type { MailTemplate } from '../../src-shared/api/mail.js';
import { UserError } from '../../src-shared/api/errors.js';
import { MAIL_KIND_LABELS, MAIL_KINDS, type MailKind } from '../../src-shared/domain/mail.js';
import { templateProblems } from '../../src-shared/domain/mail-template.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';

interface TemplateRow {
  kind: MailKind;
  subject: string;
  body: string;
  updated_at: string;
}

/** The mail templates master: a stored row per edited kind, the built-in text otherwise. */
export class MailTemplates {
  private readonly getStmt: BetterSqlite3.Statement;
  private readonly upsertStmt: BetterSqlite3.Statement;
  private readonly deleteStmt: BetterSqlite3.Statement;

  constructor(sqlite: BetterSqlite3.Database) {
    this.getStmt = sqlite.prepare('SELECT kind, subject, body, updated_at FROM mail_templates WHERE kind = ?');
    this.upsertStmt = sqlite.prepare(
      `INSERT INTO mail_templates (kind, subject, body, updated_at, updated_by) VALUES (@kind, @subject, @body, @at, @by)
       ON CONFLICT (kind) DO UPDATE SET subject = @subject, body = @body, updated_at = @at, updated_by = @by`,
    );
    this.deleteStmt = sqlite.prepare('DELETE FROM mail_templates WHERE kind = ?');
  }

  get(kind: MailKind): MailTemplate {
    const row = this.getStmt.get(kind) as TemplateRow | undefined;
    const base = row ?? { ...DEFAULT_TEMPLATES[kind], updated_at: null };
    return {
      kind,
      label: MAIL_KIND_LABELS[kind],
      subject: base.subject,
      body: base.body,
      customized: !!row,
      updatedAt: base.updated_at,
    };
  }

  all(): MailTemplate[] {
    return MAIL_KINDS.map((kind) => this.get(kind));
  }

  /** Refuses a template with an unknown placeholder or unclosed braces, naming the problem. */
  save(kind: MailKind, subject: string, body: string, by: string, at: string): MailTemplate {
    const problems = templateProblems(subject, body);
    if (problems.length)
      throw new UserError(`${MAIL_KIND_LABELS[kind]}を保存できません。${problems.join(' ')}`, 'invalid_template');
    this.upsertStmt.run({ kind, subject, body: body.replace(/\r\n?/g, '\n'), at, by });
    return this.get(kind);
  }

  reset(kind: MailKind): MailTemplate {
    this.deleteStmt.run(kind);
    return this.get(kind);
  }
}
